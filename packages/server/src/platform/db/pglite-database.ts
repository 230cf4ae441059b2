import { PGlite } from '@electric-sql/pglite';
import { csvLine, copyPieces, type Database, type QueryResult, type Sql, type Tx } from './database.ts';
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
    transaction: (fn) =>
      pg.transaction((tx) => {
        const handle: Tx = {
          ...wrap(tx),
          async copyLines(table, columns, lines) {
            let n = 0;
            for (const piece of copyPieces(lines, 20_000)) {
              await tx.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob'`, [], { blob: new Blob([piece.text]) });
              n += piece.rows;
            }
            return n;
          },
        };
        return fn(handle);
      }),
    async copyRows(table, columns, rows) {
      // PGlite's COPY FROM reads a blob through /dev/blob; chunk to keep memory flat.
      // One string per chunk: a Blob of one part is built far faster than one of 20,000 parts.
      let n = 0;
      let chunk = '';
      let lines = 0;
      const flush = async () => {
        if (!lines) return;
        const blob = new Blob([chunk]);
        chunk = '';
        lines = 0;
        await pg.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      };
      for await (const row of rows as AsyncIterable<readonly unknown[]>) {
        chunk += csvLine(row);
        n++;
        if (++lines >= 20_000) await flush();
      }
      await flush();
      return n;
    },
    close: () => pg.close(),
  };
}
