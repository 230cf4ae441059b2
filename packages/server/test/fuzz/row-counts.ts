import type { Database } from '../../src/platform/db/database.ts';

export type RowCounts = Map<string, number>;

/**
 * A function counting the rows of every public table in one round trip, to tell whether a request
 * that was refused stored anything (the sample database is small: a few milliseconds).
 */
export async function rowCounter(db: Database): Promise<() => Promise<RowCounts>> {
  const { rows } = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const sql = rows.map(({ table_name: t }) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  return async () => new Map((await db.query<{ t: string; n: number }>(sql)).rows.map((r) => [r.t, Number(r.n)]));
}

/** The tables whose counts differ, as `table +n`. */
export function countChanges(before: RowCounts, after: RowCounts): string[] {
  const changes: string[] = [];
  for (const [t, n] of after) {
    const d = n - (before.get(t) ?? 0);
    if (d !== 0) changes.push(`${t} ${d > 0 ? '+' : ''}${d}`);
  }
  return changes;
}
