import type { Sql } from './database.ts';

/**
 * Tables that are not per-community: code tables (reference tables on Citus) and platform
 * tables (accounts, sessions, community-less audit, migration bookkeeping).
 */
export const GLOBAL_TABLES: ReadonlySet<string> = new Set([
  'icd10', 'region', 'reference_version', 'app_user', 'session', 'platform_audit_log', 'schema_migration',
]);

export interface TenancyProblem {
  table: string;
  problem: string;
}

/**
 * Reads the live catalog and reports every tenant table that breaks the Citus-ready rules of
 * DESIGN.md: `community_id` NOT NULL and leading the primary key; every foreign key to another
 * tenant table joins on `community_id`; every unique constraint or index includes it.
 */
export async function checkTenancy(sql: Sql, schema = 'public'): Promise<TenancyProblem[]> {
  const problems: TenancyProblem[] = [];
  const tables = (await sql.query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') order by 1`, [schema])).rows.map((r) => r.table);
  const tenant = new Set(tables.filter((t) => !GLOBAL_TABLES.has(t)));

  const cols = (await sql.query<{ table: string; notnull: boolean }>(
    `select c.relname as table, a.attnotnull as notnull from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and a.attname = 'community_id' and not a.attisdropped`, [schema])).rows;
  const withCol = new Map(cols.map((c) => [c.table, c.notnull]));

  // Constraints and unique indexes with their column lists in key order.
  const cons = (await sql.query<{ table: string; name: string; type: string; cols: string[]; ref_table: string | null; ref_cols: string[] | null }>(
    `select c.relname as table, k.conname as name, k.contype as type,
            array(select a.attname from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)::text[] as cols,
            r.relname as ref_table,
            case when k.contype = 'f' then array(select a.attname from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)::text[] end as ref_cols
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       left join pg_class r on r.oid = k.confrelid
      where n.nspname = $1 and k.contype in ('p', 'u', 'f')`, [schema])).rows;
  const uniqueIdx = (await sql.query<{ table: string; name: string; cols: string[] }>(
    `select c.relname as table, i.relname as name,
            array(select a.attname from unnest(x.indkey::int2[]) with ordinality u(n, o) join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n order by u.o)::text[] as cols
       from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and x.indisunique and not x.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`, [schema])).rows;

  for (const t of tenant) {
    if (!withCol.has(t)) {
      problems.push({ table: t, problem: 'has no community_id column (add it, or list the table in GLOBAL_TABLES if it is a code or platform table)' });
      continue;
    }
    if (!withCol.get(t)) problems.push({ table: t, problem: 'community_id is nullable' });
    const pk = cons.find((c) => c.table === t && c.type === 'p');
    if (!pk) problems.push({ table: t, problem: 'has no primary key' });
    else if (pk.cols[0] !== 'community_id') problems.push({ table: t, problem: `primary key (${pk.cols.join(', ')}) does not lead with community_id` });
    for (const u of [...cons.filter((c) => c.table === t && c.type === 'u'), ...uniqueIdx.filter((i) => i.table === t)]) {
      if (!u.cols.includes('community_id')) problems.push({ table: t, problem: `unique ${u.name} (${u.cols.join(', ')}) lacks community_id` });
    }
    for (const f of cons.filter((c) => c.table === t && c.type === 'f' && c.ref_table && tenant.has(c.ref_table))) {
      const i = f.cols.indexOf('community_id');
      if (i < 0 || f.ref_cols?.[i] !== 'community_id') problems.push({ table: t, problem: `foreign key ${f.name} to ${f.ref_table} does not join on community_id` });
    }
  }
  return problems;
}

/**
 * Orders tables so that every table comes before the tables it references by foreign key
 * (a table's reference to itself is ignored): the order to delete a community's rows in.
 * Throws on a cycle between tables, which no order can delete.
 */
export function childrenFirst(tables: readonly string[], references: readonly { from: string; to: string }[]): string[] {
  const order: string[] = [];
  const left = new Set(tables);
  while (left.size > 0) {
    const free = [...left].filter((t) => !references.some((r) => r.to === t && r.from !== t && left.has(r.from)));
    if (free.length === 0) throw new Error(`Foreign keys form a cycle among ${[...left].join(', ')}`);
    for (const t of free) left.delete(t);
    order.push(...free);
  }
  return order;
}

/** The tenant tables of the live catalog (every table with community_id outside GLOBAL_TABLES), referencing tables first. */
export async function tenantTablesChildrenFirst(sql: Sql, schema = 'public'): Promise<string[]> {
  const tables = (await sql.query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'community_id' and not a.attisdropped)
      order by 1`, [schema])).rows.map((r) => r.table).filter((t) => !GLOBAL_TABLES.has(t));
  const references = (await sql.query<{ from: string; to: string }>(
    `select c.relname as from, r.relname as to from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and k.contype = 'f'`, [schema])).rows;
  return childrenFirst(tables, references);
}
