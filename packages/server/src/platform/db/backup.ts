import { existsSync } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { createIdNumberCipher, loadIdNumberKeys } from '../crypto/id-number-cipher.ts';
import { openDatabase } from './open-database.ts';
import { backupPglite, isPgliteArchive, restorePglite } from './pglite-backup.ts';
import { backupPostgres, isPgDumpArchive, restorePostgres } from './postgres-backup.ts';

export type Store = 'pglite' | 'postgres';

export interface BackupReport {
  store: Store;
  file: string;
  bytes: number;
  ms: number;
  /** Files of the data directory deliberately not backed up (PGlite: the key file, the lock). */
  leftOut: string[];
}

const storeOf = (config: Pick<Config, 'databaseUrl'>): Store => (config.databaseUrl ? 'postgres' : 'pglite');

/** The file name a backup gets when none is given: the store's format and the time, sortable. */
export function defaultBackupFile(config: Pick<Config, 'databaseUrl'>, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `backups/yigong-${stamp}.${storeOf(config) === 'pglite' ? 'pglite.tar.gz' : 'pgdump'}`;
}

/**
 * `npm run backup`: the store in use (DATABASE_URL: pg_dump; else the PGlite data directory) into
 * `file`, written beside and renamed into place, so a half-written backup never has the name.
 * The ID-number keys are never in it (SECURITY.md "Backup").
 */
export async function backupDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'keyFile'>, file: string): Promise<BackupReport> {
  const started = Date.now();
  const partial = `${file}.partial`;
  let leftOut: string[] = [];
  try {
    if (config.databaseUrl) {
      await backupPostgres(config.databaseUrl, partial);
    } else {
      const dump = await backupPglite(config.dataDir, config.keyFile);
      await writeFile(partial, dump.archive, { mode: 0o600 });
      leftOut = dump.leftOut;
    }
    await rename(partial, file);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return { store: storeOf(config), file, bytes: (await stat(file)).size, ms: Date.now() - started, leftOut };
}

export interface RestoreReport {
  store: Store;
  ms: number;
  /** PGlite with --replace: where the data directory that was replaced now is. */
  previous: string | null;
  /** Do the configured keys decrypt the restored ID numbers? null: no resident to try. */
  keysMatch: boolean | null;
}

/**
 * `npm run restore`: a backup into the store in use. The archive must be of that store's kind
 * (a PGlite tarball is not restored into PostgreSQL, nor the reverse). Afterwards the configured
 * keys are tried on one stored ID number: a backup restored under other keys is unreadable.
 */
export async function restoreDatabase(config: Config, file: string, opts: { replace: boolean }): Promise<RestoreReport> {
  const started = Date.now();
  const head = Buffer.alloc(5);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, 5, 0);
  } finally {
    await fh.close();
  }
  const store = storeOf(config);
  let previous: string | null = null;
  if (store === 'postgres') {
    if (!isPgDumpArchive(head)) throw new Error(`${file} 不是 pg_dump 备份（PGlite 备份只能恢复到 PGlite）— not a pg_dump archive`);
    await restorePostgres(config.databaseUrl!, file, opts);
  } else {
    if (!isPgliteArchive(head)) throw new Error(`${file} 不是 PGlite 备份（pg_dump 备份请用 DATABASE_URL 恢复到 PostgreSQL）— not a PGlite backup`);
    previous = (await restorePglite(config.dataDir, config.keyFile, await readFile(file), opts)).previous;
  }
  return { store, ms: Date.now() - started, previous, keysMatch: await keysDecrypt(config) };
}

/** Tries the configured keys on one stored ID number (never creates a key file). */
async function keysDecrypt(config: Config): Promise<boolean | null> {
  if (!config.keys && !existsSync(config.keyFile)) throw new Error(`找不到密钥文件 ${config.keyFile}：请从单独保管的密钥备份恢复它 — key file missing; restore it from where the keys are kept`);
  const keys = loadIdNumberKeys(config);
  const cipher = createIdNumberCipher(keys.enc, keys.hash);
  const db = await openDatabase(config);
  try {
    const row = (await db.query<{ id_number_enc: string }>('select id_number_enc from resident limit 1')).rows[0];
    if (!row) return null;
    try {
      cipher.decrypt(row.id_number_enc);
      return true;
    } catch {
      return false;
    }
  } finally {
    await db.close();
  }
}
