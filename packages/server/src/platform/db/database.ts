/**
 * The one database interface the server uses, over PGlite (embedded) or node-postgres (server).
 * Only repositories write SQL; services open transactions and pass the `Sql` handle down.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** The handle of one transaction: statements, and COPY into a table inside the transaction. */
export interface Tx extends Sql {
  /**
   * COPY … FROM STDIN on the transaction's connection: bulk writes that commit or roll back with
   * the rest. `lines` are rows in COPY's text format without the line break (`copyTextLine`),
   * produced lazily: the server copies the first ones while later ones are still being built.
   */
  copyLines(table: string, columns: readonly string[], lines: Iterable<string>): Promise<number>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back on any throw. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Bulk load rows with COPY FROM STDIN (text format, `copyTextLine`). */
  copyRows(table: string, columns: readonly string[], rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>): Promise<number>;
  close(): Promise<void>;
}

/**
 * One field of COPY's text format: `\N` is NULL, backslash, line breaks and tabs escaped, nothing
 * else (JSON values need no doubled quotes). Every COPY of ours uses it.
 */
export function copyTextField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIALS, (c) => TEXT_ESCAPES[c]!) : s;
}

const TEXT_SPECIAL = /[\\\n\r\t]/;
const TEXT_SPECIALS = /[\\\n\r\t]/g;
const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One row in COPY's text format (no line break). */
export function copyTextLine(row: readonly unknown[]): string {
  return row.map(copyTextField).join('\t');
}

/** Lines as COPY payloads of at most `size` lines each (a chunk in few writes). */
export function* copyPieces(lines: Iterable<string>, size = Infinity): Generator<{ text: string; rows: number }> {
  let piece: string[] = [];
  for (const line of lines) {
    piece.push(line);
    if (piece.length >= size) {
      yield { text: `${piece.join('\n')}\n`, rows: piece.length };
      piece = [];
    }
  }
  if (piece.length) yield { text: `${piece.join('\n')}\n`, rows: piece.length };
}

/** PostgreSQL's deadlock_detected; Citus reports a distributed deadlock with the same code. */
const DEADLOCK = '40P01';

/**
 * Runs a transaction again when the database chose it as a deadlock victim. Only for
 * transactions that read all their input from the database (no request stream consumed), so a
 * second run is the same as the first.
 */
export async function transactionRetryingDeadlocks<T>(db: Database, fn: (tx: Sql) => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction(fn);
    } catch (e) {
      if (i >= attempts || (e as { code?: unknown }).code !== DEADLOCK) throw e;
    }
  }
}
