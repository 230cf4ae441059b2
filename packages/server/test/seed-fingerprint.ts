import type { Database } from '../src/platform/db/database.ts';

/**
 * Columns that differ between two loads of the same seed by design: moments taken from the clock
 * (timestamps), ciphertexts with a random nonce, password hashes with a random salt. Dates stay:
 * they derive from the as-of day.
 */
const VOLATILE_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone']);
const VOLATILE_COLUMNS = new Set(['id_number_enc', 'phone_enc', 'password_hash', 'pickup_code', 'slot_id', 'booking_id']);
/**
 * Tables whose row ids come from the services' randomUUID: generated slots and the bookings made
 * on them (their ids, and the columns that point at them, differ between loads). Pickup codes are
 * drawn at random on purpose: a code someone could predict would open another's appointment.
 */
const RANDOM_IDS = new Set(['slot', 'booking']);
/** The audit rows of bookings name those ids (resource id, details): compared without them. */
const TABLE_COLUMNS: Record<string, string[]> = { audit_log: ['resource_id', 'details'] };

export interface TableFingerprint {
  rows: number;
  md5: string | null;
}

/**
 * Rows per table and an md5 over each table's rows (as JSON, sorted byte-wise), for comparing two
 * loads of the demo seed — on two stores, or twice on one (issue #11) — without the volatile
 * columns; `exact` keeps every column (a backup and its restore must match to the byte).
 */
export async function seedFingerprint(db: Database, opts: { exact?: boolean } = {}): Promise<Record<string, TableFingerprint>> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type
       from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'schema_migration%'
      order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    const drop = !opts.exact && (VOLATILE_TYPES.has(c.data_type) || VOLATILE_COLUMNS.has(c.column_name) || (RANDOM_IDS.has(c.table_name) && c.column_name === 'id') || (TABLE_COLUMNS[c.table_name]?.includes(c.column_name) ?? false));
    const list = byTable.get(c.table_name) ?? [];
    if (drop) list.push(c.column_name);
    byTable.set(c.table_name, list);
  }
  const out: Record<string, TableFingerprint> = {};
  for (const [table, dropped] of [...byTable.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const minus = dropped.map((c) => ` - '${c}'`).join('');
    const { rows } = await db.query<{ n: number; md5: string | null }>(
      `select count(*)::int as n, md5(string_agg(j, E'\\n' order by j collate "C")) as md5
         from (select (to_jsonb(t)${minus})::text as j from "${table}" t) x`,
    );
    out[table] = { rows: rows[0]!.n, md5: rows[0]!.md5 };
  }
  return out;
}
