import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { restoreDatabase } from '../platform/db/backup.ts';

/**
 * `npm run restore -- FILE [--replace]`: restores a backup of `npm run backup` into the store in use
 * (DATABASE_URL: pg_restore in one transaction; else a fresh PGlite data directory). Over existing
 * data only with --replace; a replaced PGlite directory is kept aside, never deleted. The server
 * must be stopped. Afterwards the configured keys are tried on a stored ID number.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { replace: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- <backup file> [--replace]');
  process.exit(2);
}
try {
  const r = await restoreDatabase(loadConfig(), resolve(positionals[0]!), { replace: values.replace });
  console.log(`恢复完成 restored (${r.store}, ${(r.ms / 1000).toFixed(1)} s)${r.previous ? `; the replaced data directory is kept at ${r.previous}` : ''}`);
  if (r.keysMatch === false) {
    console.error('警告 WARNING: 配置的密钥解不开恢复的身份证号 — the configured keys do not decrypt the restored ID numbers: set the keys this backup was made under.');
    process.exit(3);
  }
} catch (e) {
  console.error(`恢复失败 restore failed: ${(e as Error).message}`);
  process.exit(1);
}
