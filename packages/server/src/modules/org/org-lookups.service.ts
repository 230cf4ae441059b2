import type { Sql } from '../../platform/db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import * as repo from './org.repository.ts';

// The organisation lookups other modules make (through index.ts): thin calls of the repository,
// in the caller's transaction, with no permission check of their own (the caller has made it).

/** A unit's identity without the counts: for validation and joins on hot paths. */
export function findOrganizationRef(sql: Sql, communityId: string, id: string) {
  return repo.findOrganizationRef(sql, communityId, id);
}

/** Several units by id in one statement (a referral's sender and receiver). */
export function findOrganizationRefs(sql: Sql, communityId: string, ids: readonly string[]) {
  return repo.findOrganizationRefs(sql, communityId, ids);
}

/** The unit and every unit below it (a township's figures include its village clinics). */
export function organizationSubtree(sql: Sql, communityId: string, organizationId: string): Promise<string[]> {
  return repo.organizationSubtree(sql, communityId, organizationId);
}

/** Every unit of a community, identity only (id, code, name, kind, parent). */
export function listOrganizationRefs(sql: Sql, communityId: string) {
  return repo.listOrganizationRefs(sql, communityId);
}

/** The community's region code (GB/T 2260), or null for an unknown community. */
export function communityRegion(sql: Sql, communityId: string): Promise<string | null> {
  return repo.communityRegion(sql, communityId);
}

/**
 * `communityRegion` from the per-community reference cache: a community's region does not change
 * (no route changes it), and an aggregate request checks it once per module it asks.
 */
export function cachedCommunityRegion(ctx: Pick<AppContext, 'db' | 'reference' | 'clock'>, communityId: string): Promise<string | null> {
  return ctx.reference.get('community-region', communityId, ctx.clock.now().getTime(), () => repo.communityRegion(ctx.db, communityId));
}
