import type { Sql } from './database.ts';

/**
 * Bulk-inserts rows given as objects (column name → value) into `table`, `perStatement` a
 * statement, through `json_populate_recordset`: the JSON text is parsed once by the server, and a
 * `json` column (an ECG's samples) takes its value as sent — `jsonb` would first convert every
 * number of the whole batch (issue #11: start-up). For seeds and demo data; `table` and `columns`
 * are the caller's constants.
 */
export async function insertJsonRows(sql: Sql, table: string, columns: string, rows: readonly Record<string, unknown>[], perStatement = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    await sql.query(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows.slice(i, i + perStatement))]);
  }
}
