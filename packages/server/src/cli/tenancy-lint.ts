import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from '../platform/db/migrate.ts';
import { sqlOfMigration, sqlOfTypeScript } from '../platform/db/sql-in-typescript.ts';
import { lintTenancy, type SqlText } from '../platform/db/tenancy-lint.ts';

/**
 * `npm run lint:tenancy`: the static tenancy lint over the server's SQL — every non-test `.ts`
 * under `packages/server/src` (repositories, and the platform and seed code that also calls
 * `.query(`/`.exec(`) and every migration, in order. Prints `file:line rule message`; exit 1 on any.
 */
const SRC_DIR = fileURLToPath(new URL('../', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function typeScriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const texts: SqlText[] = [];
for (const path of await typeScriptFiles(SRC_DIR)) texts.push(...sqlOfTypeScript(relative(ROOT, path), await readFile(path, 'utf8')));
const migrations = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
for (const f of migrations) texts.push(sqlOfMigration(relative(ROOT, join(MIGRATIONS_DIR, f)), await readFile(join(MIGRATIONS_DIR, f), 'utf8')));

const findings = lintTenancy(texts);
for (const f of findings) console.log(`${f.file}:${f.line} ${f.rule} ${f.message}`);
if (findings.length) {
  console.error(`tenancy lint: ${findings.length} finding(s) — patterns Citus refuses (../shared/citus/README.md)`);
  process.exitCode = 1;
}
