import type { Database, Sql } from './database.ts';
import { GLOBAL_TABLES } from './tenancy-check.ts';

/** True when the database has the Citus extension (then the migration runner distributes). */
export async function hasCitus(sql: Sql): Promise<boolean> {
  return (await sql.query<{ on: boolean }>(`select exists (select 1 from pg_extension where extname = 'citus') as on`)).rows[0]!.on;
}

/** The table every tenant table is colocated with: a community's rows of every table live on one shard group. */
export const COLOCATION_ANCHOR = 'community';

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Distributes what the migrations created and Citus does not know yet (docs/citus.md): global
 * tables (GLOBAL_TABLES: code tables, accounts, sessions) become reference tables, every tenant
 * table is distributed by `community_id` colocated with `community`. Foreign keys touching those
 * tables are dropped first and added back after — once a reference table has a foreign key from a
 * plain table, Citus would make the plain one a "Citus local table" that can no longer be
 * colocated. Idempotent: tables already distributed are left alone. Returns what it did.
 */
export async function distributeTables(db: Database): Promise<string[]> {
  return db.transaction((tx) => distributeIn(tx));
}

async function distributeIn(db: Sql): Promise<string[]> {
  const known = new Set((await db.query<{ t: string }>(`select logicalrelid::regclass::text as t from pg_dist_partition`)).rows.map((r) => r.t));
  const tables = (await db.query<{ t: string }>(
    `select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'schema_migration' order by 1`)).rows.map((r) => r.t);
  const pending = tables.filter((t) => !known.has(t));
  if (pending.length === 0) return [];
  const fks = (await db.query<ForeignKey>(
    `select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k
      where k.contype = 'f' and (k.conrelid::regclass::text = any($1) or k.confrelid::regclass::text = any($1))
      order by 1, 2`, [pending])).rows;
  const done: string[] = [];
  for (const fk of fks) await db.query(`alter table ${fk.table} drop constraint ${fk.name}`);
  // Append-only guards (BEFORE UPDATE OR DELETE row triggers that only raise) stay: they touch no
  // other row, so they are safe on shards; Citus asks for this switch to accept any trigger.
  await db.query(`set local citus.enable_unsafe_triggers = on`);
  // Foreign keys to reference tables made in this transaction need one connection per node.
  await db.query(`set local citus.multi_shard_modify_mode to 'sequential'`);
  {
    for (const t of pending.filter((x) => GLOBAL_TABLES.has(x))) {
      await db.query(`select create_reference_table($1)`, [t]);
      done.push(`${t}: reference`);
    }
    const tenant = pending.filter((x) => !GLOBAL_TABLES.has(x)).sort((a, b) => Number(b === COLOCATION_ANCHOR) - Number(a === COLOCATION_ANCHOR));
    for (const t of tenant) {
      if (t === COLOCATION_ANCHOR) await db.query(`select create_distributed_table($1, 'community_id')`, [t]);
      else await db.query(`select create_distributed_table($1, 'community_id', colocate_with => $2)`, [t, COLOCATION_ANCHOR]);
      done.push(`${t}: distributed by community_id`);
    }
  }
  for (const fk of fks) await db.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
  return done;
}
