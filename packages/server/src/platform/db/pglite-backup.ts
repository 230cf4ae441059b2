import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.ts';
import { dropTarEntries } from './tar-entries.ts';

/**
 * Files of the data directory that never go into a backup: our lock, PostgreSQL's `postmaster.pid`
 * (as pg_basebackup leaves it out: it names a process of this machine), and a key file kept there.
 */
function leftOut(dataDir: string, keyFile: string): (path: string) => boolean {
  const key = relative(dataDir, keyFile);
  const inside = key && !key.startsWith('..') && !key.startsWith(sep) ? key.split(sep).join('/') : null;
  return (path) => {
    const rel = path.replace(/^\/+/, ''); // entries are named `/<path in the data directory>`
    return rel === LOCK_FILE || rel === 'postmaster.pid' || rel === inside;
  };
}

/**
 * A PGlite data directory as a gzipped tarball (PGlite's `dumpDataDir`), without the lock file and
 * without the key file when it lives in the directory (SECURITY.md "Backup": keys travel apart).
 * The directory is locked for the dump, so it refuses while a server has it open — a copy taken
 * under a running server could hold half-written pages.
 */
export async function backupPglite(dataDir: string, keyFile: string): Promise<{ archive: Buffer; leftOut: string[] }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} 不是 PGlite 数据目录 — not a PGlite data directory`);
  const unlock = lockDataDir(dataDir);
  try {
    const pg = await PGlite.create({ dataDir });
    try {
      // A checkpoint first, so the tarball's pages are current and replay little WAL on load.
      await pg.exec('checkpoint');
      const tar = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
      const kept = dropTarEntries(tar, leftOut(dataDir, keyFile));
      return { archive: gzipSync(kept.tar), leftOut: kept.dropped };
    } finally {
      await pg.close();
    }
  } finally {
    unlock();
  }
}

/**
 * Restores a PGlite backup into `dataDir`. The folder must be absent or empty unless `replace`:
 * then the current one (locked, so no server may run on it) is kept aside as
 * `<dataDir>.before-restore-<time>` — never deleted — and a key file inside it is carried over,
 * since the backup holds none. Returns where the previous directory went.
 */
export async function restorePglite(dataDir: string, keyFile: string, archive: Buffer, opts: { replace: boolean; now?: Date }): Promise<{ previous: string | null }> {
  const tar = gunzipSync(archive);
  // Checked before anything is moved: a tar archive, of a data directory.
  const entries = dropTarEntries(tar, () => true).dropped.map((path) => path.replace(/^\/+/, ''));
  if (!entries.includes('PG_VERSION')) throw new Error('备份中没有 PG_VERSION，不是 PGlite 数据目录 — the archive holds no PGlite data directory');
  let previous: string | null = null;
  const current = existsSync(dataDir) ? await readdir(dataDir) : [];
  if (current.length) {
    if (!opts.replace) throw new Error(`${dataDir} 不是空目录；要替换它请加 --replace — the data directory is not empty; add --replace to replace it (it is kept aside)`);
    const release = lockDataDir(dataDir);
    previous = `${dataDir}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(dataDir, previous);
    } catch (e) {
      release();
      throw e;
    }
    await rm(join(previous, LOCK_FILE), { force: true });
  }
  await mkdir(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const pg = await PGlite.create({ dataDir, loadDataDir: new Blob([tar]) });
    await pg.exec('checkpoint');
    await pg.close();
  } catch (e) {
    // A restore that fails half-way puts the previous directory back where it was.
    unlock();
    await rm(dataDir, { recursive: true, force: true });
    if (previous) await rename(previous, dataDir);
    throw e;
  }
  unlock();
  const key = relative(dataDir, keyFile);
  if (previous && !key.startsWith('..') && existsSync(join(previous, key))) {
    await mkdir(dirname(keyFile), { recursive: true });
    await copyFile(join(previous, key), keyFile);
    await chmod(keyFile, 0o600);
  }
  return { previous };
}

/** Is this archive a PGlite tarball (gzip), as opposed to a pg_dump custom archive? */
export const isPgliteArchive = (head: Buffer) => head[0] === 0x1f && head[1] === 0x8b;
