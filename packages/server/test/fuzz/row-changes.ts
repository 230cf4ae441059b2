import type { Database } from '../../src/platform/db/database.ts';

/** Rows inserted and deleted so far, by table. */
export type RowChanges = Map<string, number>;

/**
 * Counts every row inserted into or deleted from a public table, so the fuzz suite can tell after
 * each request whether it stored or removed anything. Counting the tables themselves costs ~70 ms
 * a request on PGlite (the encounter table alone has 30,000 rows); a row trigger feeding a counter
 * in a schema of its own costs nothing to read. Transactional: a write rolled back counts nothing.
 * Installed on the test's own copy of the database only.
 */
export async function watchRowChanges(db: Database): Promise<() => Promise<RowChanges>> {
  if ((await db.query(`select 1 from pg_extension where extname = 'citus'`)).rows.length > 0) return rowCounts(db);
  await db.query(`create schema fuzz_watch`);
  await db.query(`create table fuzz_watch.row_changes (table_name text primary key, n bigint not null default 0)`);
  await db.query(`create function fuzz_watch.count_row_change() returns trigger language plpgsql as $$
    begin
      insert into fuzz_watch.row_changes (table_name, n) values (tg_table_name, 1)
        on conflict (table_name) do update set n = fuzz_watch.row_changes.n + 1;
      return null;
    end $$`);
  // Plain and partitioned tables; a partition inherits its parent's trigger.
  const { rows } = await db.query<{ t: string }>(
    `select c.relname as t from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`);
  for (const { t } of rows) {
    await db.query(`create trigger fuzz_watch_row_change after insert or delete on public."${t}" for each row execute function fuzz_watch.count_row_change()`);
  }
  return async () => new Map((await db.query<{ table_name: string; n: string }>(`select table_name, n from fuzz_watch.row_changes`)).rows.map((r) => [r.table_name, Number(r.n)]));
}

/**
 * On Citus a trigger on a distributed table would run on the workers: count the rows of every
 * table instead (slower; the suite runs fewer cases there).
 */
async function rowCounts(db: Database): Promise<() => Promise<RowChanges>> {
  const { rows } = await db.query<{ t: string }>(
    `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const sql = rows.map(({ t }) => `select '${t}' as table_name, count(*) as n from public."${t}"`).join(' union all ');
  return async () => new Map((await db.query<{ table_name: string; n: string }>(sql)).rows.map((r) => [r.table_name, Number(r.n)]));
}

/** The tables whose reading changed between two readings, as `table +n` (or `-n` for counted rows removed). */
export function changedTables(before: RowChanges, after: RowChanges): string[] {
  const changes: string[] = [];
  for (const [t, n] of after) {
    const d = n - (before.get(t) ?? 0);
    if (d !== 0) changes.push(`${t} ${d > 0 ? '+' : ''}${d}`);
  }
  return changes;
}
