import type { Database } from '../../src/platform/db/database.ts';

/** Tables a write may change; the audit log is left out (a refused attempt may be logged). */
async function tenantTables(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns where column_name = 'community_id' and table_schema = current_schema() and table_name not in ('audit_log') order by table_name`);
  return rows.map((r) => r.table_name);
}

/**
 * A digest of every tenant table, one entry a table, to prove a refused write changed nothing:
 * the row count and the newest row version (`xmin`: an insert or update makes a new one, a delete
 * lowers the count) — far cheaper than hashing every row.
 */
export async function fingerprint(db: Database): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of await tenantTables(db)) {
    const { rows } = await db.query<{ n: number; h: string | null }>(`select count(*)::int as n, max(xmin::text::bigint)::text as h from ${t}`);
    out.set(t, `${rows[0]!.n}:${rows[0]!.h}`);
  }
  return out;
}

/** The tables whose digest differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
