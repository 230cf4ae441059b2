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

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back on any throw. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Bulk load rows with COPY FROM STDIN (CSV). */
  copyRows(table: string, columns: readonly string[], rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>): Promise<number>;
  close(): Promise<void>;
}

/** Escapes one CSV field for COPY … (FORMAT csv). Null is the unquoted empty field. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Numbers and booleans never need quotes; a string only when it could be misread (hot path of every COPY).
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return s === '' || NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A field with a delimiter, quote, line break or a leading/trailing space is quoted; the empty string too (unquoted empty is NULL). */
const NEEDS_QUOTES = /[",\r\n\\]|^\s|\s$/;

export function csvLine(row: readonly unknown[]): string {
  return row.map(csvField).join(',') + '\n';
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
