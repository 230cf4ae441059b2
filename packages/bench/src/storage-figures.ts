import type { Sql } from '../../server/src/platform/db/database.ts';
import { GLOBAL_TABLES, tenantTablesChildrenFirst } from '../../server/src/platform/db/tenancy-check.ts';

/** A table's rows and bytes with indexes and TOAST (on Citus: summed over its shards, a reference table counted once). */
export interface TableFigure {
  table: string;
  rows: number;
  bytes: number;
  tenant: boolean;
}

/** One shard placement of a distributed table on Citus. */
export interface ShardFigure {
  table: string;
  shardId: string;
  /** The shard group: the hash range's low end, shared by the colocated shards of every table. */
  group: string;
  port: number;
  rows: number;
  bytes: number;
}

/** Where a community's rows live on Citus. */
export interface CommunityPlacement {
  communityId: string;
  name: string;
  group: string;
  port: number;
}

export interface StoreFigures {
  tables: TableFigure[];
  /** Citus only. */
  shards: ShardFigure[] | null;
  communities: CommunityPlacement[] | null;
}

/** Global tables of the store, without the migration bookkeeping (a coordinator-local table on Citus). */
async function globalTables(db: Sql): Promise<string[]> {
  const names = [...GLOBAL_TABLES].filter((t) => t !== 'schema_migration');
  return (await db.query<{ t: string }>(`select relname as t from pg_class where relkind in ('r', 'p') and relname = any($1::text[]) order by 1`, [names])).rows.map((r) => r.t);
}

async function countRows(db: Sql, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
}

/** Rows and `pg_total_relation_size` of every tenant and global table of a single PostgreSQL. */
export async function singleStoreFigures(db: Sql): Promise<StoreFigures> {
  const tables: TableFigure[] = [];
  for (const [list, tenant] of [[await tenantTablesChildrenFirst(db), true], [await globalTables(db), false]] as const) {
    for (const table of list) {
      const bytes = Number((await db.query<{ b: string }>('select pg_total_relation_size($1::regclass) as b', [table])).rows[0]!.b);
      tables.push({ table, rows: await countRows(db, table), bytes, tenant });
    }
  }
  return { tables, shards: null, communities: null };
}

/**
 * Rows and bytes per shard of every distributed table (`citus_shards`, rows counted on each shard
 * with `run_command_on_shards`), the reference tables once, and each community's shard group.
 */
export async function citusFigures(db: Sql): Promise<StoreFigures> {
  const placements = (await db.query<{ table: string; shard_id: string; group: string | null; port: number; bytes: string; type: string }>(
    `select s.table_name::text as table, s.shardid::text as shard_id, d.shardminvalue as group, s.nodeport as port, s.shard_size as bytes, s.citus_table_type as type
       from citus_shards s join pg_dist_shard d using (shardid) order by 1, 2, 4`)).rows;
  const shards: ShardFigure[] = [];
  const distributed = [...new Set(placements.filter((p) => p.type === 'distributed').map((p) => p.table))];
  for (const table of distributed) {
    const counts = new Map((await db.query<{ shard_id: string; result: string }>(
      `select shardid::text as shard_id, result from run_command_on_shards($1::regclass, 'select count(*) from %s')`, [table])).rows.map((r) => [r.shard_id, Number(r.result)]));
    for (const p of placements.filter((x) => x.table === table)) {
      shards.push({ table, shardId: p.shard_id, group: p.group ?? '', port: p.port, rows: counts.get(p.shard_id) ?? 0, bytes: Number(p.bytes) });
    }
  }
  const tables: TableFigure[] = distributed.map((table) => {
    const own = shards.filter((s) => s.table === table);
    return { table, rows: own.reduce((n, s) => n + s.rows, 0), bytes: own.reduce((n, s) => n + s.bytes, 0), tenant: true };
  });
  for (const table of await globalTables(db)) {
    // A reference table has a full copy on every node; one copy is what it weighs.
    const copies = placements.filter((p) => p.table === table).map((p) => Number(p.bytes));
    tables.push({ table, rows: await countRows(db, table), bytes: Math.max(0, ...copies), tenant: false });
  }
  const communities = (await db.query<{ community_id: string; name: string; shard_id: string }>(
    `select community_id, name, get_shard_id_for_distribution_column('community', community_id)::text as shard_id from community order by name`)).rows.map((c) => {
    const s = shards.find((x) => x.table === 'community' && x.shardId === c.shard_id);
    return { communityId: c.community_id, name: c.name, group: s?.group ?? '', port: s?.port ?? 0 };
  });
  return { tables, shards, communities };
}

/** The per-unit storage of a store: the encounters against everything else of the tenants. */
export interface StorageSummary {
  residents: number;
  encounters: number;
  encounterBytes: number;
  /** Every tenant table but `encounter`: structure, residents, care data, the encounter aggregates. */
  residentSideBytes: number;
  tenantBytes: number;
  referenceBytes: number;
  bytesPerResident: number;
  bytesPerEncounter: number;
}

export function storageSummary(f: StoreFigures): StorageSummary {
  const of = (t: string) => f.tables.find((x) => x.table === t) ?? { rows: 0, bytes: 0 };
  const tenantBytes = f.tables.filter((t) => t.tenant).reduce((n, t) => n + t.bytes, 0);
  const encounter = of('encounter');
  const residents = of('resident').rows;
  return {
    residents, encounters: encounter.rows, encounterBytes: encounter.bytes, residentSideBytes: tenantBytes - encounter.bytes, tenantBytes,
    referenceBytes: f.tables.filter((t) => !t.tenant).reduce((n, t) => n + t.bytes, 0),
    bytesPerResident: (tenantBytes - encounter.bytes) / Math.max(1, residents),
    bytesPerEncounter: encounter.bytes / Math.max(1, encounter.rows),
  };
}
