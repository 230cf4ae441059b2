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
  /** COPY … FROM STDIN of lines already encoded (`CopyChunker`), e.g. by a worker thread. */
  copyChunks(table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number>;
}

/** Lines in COPY's text format, UTF-8, each ended by a line break. */
export interface CopyChunk {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
}

/**
 * Encodes COPY lines straight into one buffer, `rowsPerChunk` lines a chunk — joining them into a
 * string and encoding that costs five times as much (issue #11: start-up).
 */
export class CopyChunker {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private rows = 0;

  constructor(private readonly rowsPerChunk = 20_000) {}

  /** Adds a line (no line break); returns a full chunk when this line completed one. */
  add(line: string): CopyChunk | null {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; 1 more for the line break.
    const room = line.length * 3 + 1;
    if (this.used + room > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + room));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(line, this.used);
    this.buf[this.used++] = 0x0a;
    return ++this.rows >= this.rowsPerChunk ? this.end() : null;
  }

  /** The lines added since the last chunk (null when none); the chunk owns a copy of its bytes. */
  end(): CopyChunk | null {
    if (!this.rows) return null;
    const chunk = { bytes: new Uint8Array(this.buf.subarray(0, this.used)), rows: this.rows };
    this.used = 0;
    this.rows = 0;
    return chunk;
  }
}

/** Lines as chunks (`CopyChunker`). */
export async function* copyChunks(lines: AsyncIterable<string> | Iterable<string>, rowsPerChunk?: number): AsyncGenerator<CopyChunk> {
  const chunker = new CopyChunker(rowsPerChunk);
  for await (const line of lines) {
    const chunk = chunker.add(line);
    if (chunk) yield chunk;
  }
  const last = chunker.end();
  if (last) yield last;
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
