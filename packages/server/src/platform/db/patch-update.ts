import type { Sql } from './database.ts';

/**
 * Runs `update <table> set … where community_id = $1 and id = $2` for the fields of `patch`
 * named in `columns` (API field → column). Undefined fields are left alone; `json` fields are
 * serialised. Column names come only from the caller's map, never from the request.
 */
export async function updateByPatch(
  sql: Sql,
  table: string,
  columns: Readonly<Record<string, string>>,
  key: { communityId: string; id: string },
  patch: Readonly<Record<string, unknown>>,
  json: readonly string[] = [],
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [key.communityId, key.id];
  for (const [field, value] of Object.entries(patch)) {
    const column = columns[field];
    if (!column || value === undefined) continue;
    params.push(json.includes(field) ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  if (!sets.length) return;
  await sql.query(`update ${table} set ${sets.join(', ')}, updated_at = now() where community_id = $1 and id = $2`, params);
}
