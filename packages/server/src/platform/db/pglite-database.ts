import { PGlite } from '@electric-sql/pglite';
import { copyTextLine, type Database, type QueryResult, type Sql } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';

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

/** PGlite in a folder on disk (or in memory when `dataDir` is undefined); one process at a time on a folder. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (!dataDir) return fromPglite(await PGlite.create());
  const unlock = lockDataDir(dataDir);
  try {
    const db = fromPglite(await PGlite.create({ dataDir }));
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

export function fromPglite(pg: PgliteLike): Database {
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn({ ...wrap(tx), copyLines: (table, columns, lines) => copyBlobs(tx, table, columns, lines) })),
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

/** PGlite's COPY FROM reads a blob through /dev/blob: the lines go in blobs of BLOB_ROWS, one string each. */
async function copyBlobs(q: Pick<PGlite, 'query'>, table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  let n = 0;
  let piece: string[] = [];
  const flush = async () => {
    if (!piece.length) return;
    const blob = new Blob([`${piece.join('\n')}\n`]);
    n += piece.length;
    piece = [];
    await q.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob'`, [], { blob });
  };
  for await (const line of lines) if (piece.push(line) >= BLOB_ROWS) await flush();
  await flush();
  return n;
}
