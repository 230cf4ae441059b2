import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openPostgres } from './postgres-database.ts';
import { hasCitus } from './citus.ts';

const run = promisify(execFile);

/**
 * The newest `pg_dump` / `pg_restore` on the machine: `YIGONG_PG_BIN` if set, else Debian's
 * `/usr/lib/postgresql/<version>/bin` (the newest, since pg_dump must be at least the server's
 * version), else whatever PATH names.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  if (env.YIGONG_PG_BIN) return join(env.YIGONG_PG_BIN, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))).sort((a, b) => Number(a) - Number(b)) : [];
  return versions.length ? join(root, versions.at(-1)!, 'bin', name) : name;
}

/**
 * pg_dump of a Citus coordinator is not a backup of the cluster: the shards live on the workers,
 * and no single dump catches them at one instant (docs/citus.md "Backup").
 */
async function refuseCitus(url: string): Promise<void> {
  const db = openPostgres(url, 1);
  try {
    if (await hasCitus(db)) {
      throw new Error('这是 Citus 集群：pg_dump 不能得到一致的集群备份，见 docs/citus.md「备份」— a Citus cluster cannot be backed up with pg_dump of the coordinator; see docs/citus.md "Backup"');
    }
  } finally {
    await db.close();
  }
}

/** Does the database hold Yigong's schema already (restore over it needs `--replace`)? */
async function hasSchema(url: string): Promise<boolean> {
  const db = openPostgres(url, 1);
  try {
    return (await db.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0]!.n > 0;
  } finally {
    await db.close();
  }
}

/** A PostgreSQL database as a pg_dump custom-format archive (compressed, restorable table by table). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await refuseCitus(url);
  // pg_dump reads one snapshot (a repeatable-read transaction): consistent while the server runs.
  await run(pgTool('pg_dump'), ['--format=custom', '--compress=6', `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
}

/**
 * Restores a pg_dump archive into the database at `url`: in one transaction, so a failed restore
 * leaves the database as it was. Over an existing schema only with `replace` (`--clean`: the
 * archive's objects are dropped and recreated).
 */
export async function restorePostgres(url: string, file: string, opts: { replace: boolean }): Promise<void> {
  await refuseCitus(url);
  const existing = await hasSchema(url);
  if (existing && !opts.replace) throw new Error('数据库中已有数据；要替换请加 --replace — the database already holds a schema; add --replace to replace it');
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${url}`];
  if (existing) args.unshift('--clean', '--if-exists');
  await run(pgTool('pg_restore'), [...args, file], { maxBuffer: 16 * 1024 * 1024 });
}

/** Is this a pg_dump custom-format archive (it starts with `PGDMP`)? */
export const isPgDumpArchive = (head: Buffer) => head.subarray(0, 5).toString('latin1') === 'PGDMP';
