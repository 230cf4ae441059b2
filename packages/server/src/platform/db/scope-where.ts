import type { ScopeFilter } from '@yigong/domain';

/**
 * SQL for the scope filter on a table aliased `t` with `community_id`; params start at `$n`.
 * `community` names the community in the region subquery: pass the constant (`$1`) when the
 * query has one — Citus routes a correlated subquery to one shard only on a constant.
 */
export function scopeWhere(f: ScopeFilter, n: number, alias = 't', community = `${alias}.community_id`): { sql: string; params: unknown[] } {
  return {
    sql: `($${n}::uuid[] is null or ${alias}.community_id = any($${n}))
      and ($${n + 1}::text is null or exists (select 1 from community sc where sc.community_id = ${community} and sc.region_code like $${n + 1} || '%'))`,
    params: [f.communityIds, f.regionPrefix],
  };
}
