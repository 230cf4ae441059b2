import pg from 'pg';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyChunker, copyChunks, copyTextLine, type CopyChunk, type Database, type QueryResult, type Sql, type Tx } from './database.ts';
import { from as copyFrom } from 'pg-copy-streams';

// Dates stay ISO strings (business dates are Asia/Shanghai calendar dates, never shifted by a
// time zone); bigint counts fit in a JS number at our sizes.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

function wrap(c: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<T>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await c.query(text, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(script: string): Promise<void> {
      // Without parameters node-postgres uses the simple protocol, which runs several statements.
      await c.query(script);
    },
  };
}

/**
 * The handle of one transaction on its client. Statements sent while another still runs (the
 * ingest pipeline sends a chunk's probes while the chunk before is being copied) wait here, in
 * the order sent: node-postgres runs one at a time on a client and deprecates queueing them.
 */
function transactionHandle(client: pg.PoolClient): { tx: Tx; end: (statement: 'COMMIT' | 'ROLLBACK') => Promise<void> } {
  let tail: Promise<unknown> = Promise.resolve();
  let ended = false;
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    // A statement sent after COMMIT or ROLLBACK must fail, never run outside the transaction (or
    // on the client after it went back to the pool).
    const guarded = () => (ended ? Promise.reject(new Error('the transaction has already ended')) : run());
    const next = tail.then(guarded, guarded);
    tail = next.catch(() => undefined);
    return next;
  };
  const base = wrap(client);
  return {
    tx: {
      query: <T>(text: string, params?: readonly unknown[]) => serial(() => base.query<T>(text, params)),
      exec: (script: string) => serial(() => base.exec(script)),
      copyLines: (table, columns, lines) => serial(() => copyLinesOn(client, table, columns, lines)),
      copyChunks: (table, columns, chunks) => serial(() => copyChunksOn(client, table, columns, chunks)),
    },
    // After every statement sent before it, in order.
    end: (statement) => serial(async () => {
      ended = true;
      await client.query(statement);
    }),
  };
}

async function copyChunksOn(client: pg.PoolClient, table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number> {
  let n = 0;
  async function* bytes() {
    for await (const chunk of chunks) {
      n += chunk.rows;
      yield chunk.bytes;
    }
  }
  await pipeline(Readable.from(bytes()), client.query(copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN`)));
  return n;
}

async function copyLinesOn(client: pg.PoolClient, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(',')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('error', reject);
    sink.on('finish', resolve);
  });
  done.catch(() => undefined);
  // Rows are produced (built, encoded) piece by piece while the server already copies the
  // earlier pieces; a turn of the event loop between pieces lets them out (issue #11 item 1).
  let n = 0;
  try {
    await nextTurn();
    // Lines encoded straight into a buffer: joining them into a string first and encoding that
    // cost ≈ 9 µs a row of the ingest's main thread (issue #11 item 1).
    const chunker = new CopyChunker(COPY_PIECE);
    const send = async (piece: CopyChunk | null) => {
      if (!piece) return;
      n += piece.rows;
      if (!sink.write(piece.bytes)) await new Promise((r) => sink.once('drain', r));
      await nextTurn();
    };
    for (const line of lines) await send(chunker.add(line));
    await send(chunker.end());
  } catch (e) {
    sink.destroy(e as Error);
    await done.catch(() => undefined);
    throw e;
  }
  sink.end();
  await done;
  return n;
}

/** Rows a chunk of `copyRows`. */
const COPY_ROWS_CHUNK = 5_000;

/** Rows per write of a streamed COPY. */
const COPY_PIECE = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pool on a real PostgreSQL server (`DATABASE_URL`). */
export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => console.error(`PostgreSQL pool: idle connection lost (${err.message})`));
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      const handle = transactionHandle(client);
      try {
        await client.query('BEGIN');
        const out = await fn(handle.tx);
        await handle.end('COMMIT');
        return out;
      } catch (e) {
        await handle.end('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        async function* lines() {
          for await (const row of rows as AsyncIterable<readonly unknown[]>) yield copyTextLine(row);
        }
        // A write a chunk, not a write a row: one socket write per row cost seconds of the seed (issue #11).
        return await copyChunksOn(client, table, columns, copyChunks(lines(), COPY_ROWS_CHUNK));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
