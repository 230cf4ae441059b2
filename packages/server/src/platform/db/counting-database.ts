import type { Database, Sql, Tx } from './database.ts';

/**
 * Wraps a database to count the statements sent through it (tests and benchmarks; issue #11: no N+1).
 * Every query, script and COPY through the wrapper counts one, inside transactions too;
 * BEGIN/COMMIT are not counted (they are not the handler's statements).
 */
export function countingDatabase(db: Database): { db: Database; statements: () => number; texts: () => string[]; reset: () => void } {
  let texts: string[] = [];
  const counted = (sql: Sql): Sql => ({
    query: (text, params) => {
      texts.push(text);
      return sql.query(text, params);
    },
    exec: (script) => {
      texts.push(script);
      return sql.exec(script);
    },
  });
  const wrapped: Database = {
    ...counted(db),
    kind: db.kind,
    transaction: (fn) =>
      db.transaction((tx) => {
        const handle: Tx = {
          ...counted(tx),
          copyLines: (table, columns, lines) => {
            texts.push(`copy ${table}`);
            return tx.copyLines(table, columns, lines);
          },
          copyChunks: (table, columns, chunks) => {
            texts.push(`copy ${table}`);
            return tx.copyChunks(table, columns, chunks);
          },
        };
        return fn(handle);
      }),
    copyRows: (table, columns, rows) => {
      texts.push(`copy ${table}`);
      return db.copyRows(table, columns, rows);
    },
    close: () => db.close(),
  };
  return { db: wrapped, statements: () => texts.length, texts: () => [...texts], reset: () => void (texts = []) };
}
