import { pgliteTemplate } from '../platform/db/pglite-template.ts';

/**
 * Run after `npm ci` (postinstall): builds the migrated empty database that fresh embedded data
 * folders start from (pglite-template.ts). Never fails the install: without it a first start
 * builds it itself.
 */
const t0 = Date.now();
try {
  const path = await pgliteTemplate();
  console.log(`Embedded database template ready (${((Date.now() - t0) / 1000).toFixed(1)} s): ${path}`);
} catch (e) {
  console.warn(`WARNING: the embedded database template was not built (${e instanceof Error ? e.message : String(e)}); the first start will try again.`);
}
