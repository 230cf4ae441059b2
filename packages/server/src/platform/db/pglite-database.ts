import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { copyChunks, copyTextLine, type CopyChunk, type Database, type QueryResult, type Sql } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { dataDirEntries, isFreshDataDir } from './data-dir.ts';

type PgliteLike = Pick<PGlite, 'query' | 'transaction' | 'close' | 'exec'>;

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Sql {
  return {
    async query<T>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(text, params as unknown[] | undefined);
      // PGlite reports affectedRows = 0 for a SELECT: count the rows when there are any.
      return { rows: r.rows, rowCount: r.rows.length || r.affectedRows || 0 };
    },
    async exec(script: string): Promise<void> {
      await q.exec(script);
    },
  };
}

/** How a PGlite on disk is started. */
export interface PgliteOptions {
  /**
   * PostgreSQL's shared buffers. PGlite's WebAssembly memory never shrinks and the buffers are
   * touched at start, so this is resident memory of the server for its whole life: the server
   * keeps the default small (the operating system's page cache holds the files behind it);
   * the one-off seeding process takes more (issue #11: RSS after start).
   */
  sharedBuffers?: string;
  /**
   * `wal_level = minimal`: rows copied into a table created or truncated in the same transaction
   * skip the WAL. For the seeding process only: a PGlite has no replicas or WAL archive, but the
   * server keeps PostgreSQL's default.
   */
  minimalWal?: boolean;
  /** A closed data folder (pglite-template.ts) that a folder without a database starts as a copy of. */
  template?: string | null;
}

/** The server's shared buffers on PGlite (PostgreSQL's default is 128MB). */
export const SERVER_SHARED_BUFFERS = '32MB';

/** PGlite in a folder on disk (or in memory when `dataDir` is undefined); one process at a time on a folder. */
export async function openPglite(dataDir?: string, opts: PgliteOptions = {}): Promise<Database> {
  if (!dataDir) return fromPglite(await PGlite.create());
  const unlock = lockDataDir(dataDir);
  try {
    if (opts.template && isFreshDataDir(dataDir)) copyDataDir(opts.template, dataDir);
    const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers ?? SERVER_SHARED_BUFFERS}`];
    if (opts.minimalWal) startParams.push('-c', 'wal_level=minimal', '-c', 'max_wal_senders=0');
    const db = fromPglite(await PGlite.create({ dataDir, startParams }));
    return {
      ...db,
      async close() {
        await db.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/** Copies a closed data folder into an empty one (a stopped PostgreSQL cluster moves as files); a copy cut short is copied over. */
function copyDataDir(from: string, to: string): void {
  for (const name of dataDirEntries(from)) cpSync(join(from, name), join(to, name), { recursive: true, force: true });
}

export function fromPglite(pg: PgliteLike): Database {
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn({
      ...wrap(tx),
      copyLines: (table, columns, lines) => copyBlobs(tx, table, columns, lines),
      copyChunks: (table, columns, chunks) => copyChunkBlobs(tx, table, columns, chunks),
    })),
    async copyRows(table, columns, rows) {
      async function* lines() {
        for await (const row of rows as AsyncIterable<readonly unknown[]>) yield copyTextLine(row);
      }
      return copyBlobs(pg, table, columns, lines());
    },
    close: () => pg.close(),
  };
}

/** Rows per blob of a COPY: memory stays flat whatever the number of rows. */
const BLOB_ROWS = 20_000;

/** PGlite's COPY FROM reads a blob through /dev/blob: the lines go in blobs of BLOB_ROWS. */
function copyBlobs(q: Pick<PGlite, 'query'>, table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  return copyChunkBlobs(q, table, columns, copyChunks(lines, BLOB_ROWS));
}

/** One COPY FROM '/dev/blob' per chunk. */
async function copyChunkBlobs(q: Pick<PGlite, 'query'>, table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number> {
  let n = 0;
  for await (const chunk of chunks) {
    await q.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob'`, [], { blob: new Blob([chunk.bytes]) });
    n += chunk.rows;
  }
  return n;
}
