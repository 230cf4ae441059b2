import { PGlite } from '@electric-sql/pglite';
import { csvLine, type Database, type QueryResult, type Sql } from './database.ts';
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
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async copyRows(table, columns, rows) {
      // PGlite's COPY FROM reads a blob through /dev/blob; chunk to keep memory flat.
      let n = 0;
      let chunk: string[] = [];
      const flush = async () => {
        if (!chunk.length) return;
        const blob = new Blob(chunk);
        await pg.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
        chunk = [];
      };
      for await (const row of rows as AsyncIterable<readonly unknown[]>) {
        chunk.push(csvLine(row));
        n++;
        if (chunk.length >= 20_000) await flush();
      }
      await flush();
      return n;
    },
    close: () => pg.close(),
  };
}
