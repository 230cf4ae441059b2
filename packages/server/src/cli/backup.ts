import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { backupDatabase, defaultBackupFile } from '../platform/db/backup.ts';

/**
 * `npm run backup [-- FILE]`: backs up the store in use — pg_dump (custom format) of DATABASE_URL,
 * or the PGlite data directory as a tarball (refused while the server has it open: stop it first).
 * Default FILE: backups/yigong-<time>.pgdump | .pglite.tar.gz. The ID-number keys are NOT in the
 * backup: keep YIGONG_KEYS / the key file apart (SECURITY.md "Backup").
 */
const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const config = loadConfig();
const file = resolve(positionals[0] ?? defaultBackupFile(config));
try {
  await mkdir(dirname(file), { recursive: true });
  const r = await backupDatabase(config, file);
  console.log(`备份完成 backup written: ${r.file} (${r.store}, ${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${(r.ms / 1000).toFixed(1)} s)`);
  if (r.leftOut.length) console.log(`未备份 left out (keep the keys apart): ${r.leftOut.join(', ')}`);
} catch (e) {
  console.error(`备份失败 backup failed: ${(e as Error).message}`);
  process.exit(1);
}
