import type { Actor } from '@yigong/domain';
import type { Sql } from '../platform/db/database.ts';
import { organizationSubtree } from '../modules/org/index.ts';

/** The actor of a demo account, as a login would resolve it: the seed acts through the real services. */
export async function actorOf(sql: Sql, username: string): Promise<Actor> {
  const { rows } = await sql.query<{ id: string; role: Actor['role']; scope_kind: string; community_id: string | null; organization_id: string | null; region_code: string | null }>(
    'select id, role, scope_kind, community_id, organization_id, region_code from app_user where username = $1', [username]);
  const u = rows[0];
  if (!u) throw new Error(`demo account ${username} missing`);
  if (u.scope_kind === 'organization') {
    return { userId: u.id, username, role: u.role, organizationId: u.organization_id, scope: { kind: 'organization', communityId: u.community_id!, organizationId: u.organization_id! }, organizationIds: await organizationSubtree(sql, u.community_id!, u.organization_id!) };
  }
  return { userId: u.id, username, role: u.role, organizationId: u.organization_id, scope: { kind: 'community', communityId: u.community_id! }, organizationIds: [] };
}
