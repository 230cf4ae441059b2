import { scopeCommunity, type Actor } from '@yigong/domain';

/** Ids whose community is known, most recently used last. */
const known = new Map<string, string>();
const CAPACITY = 100_000;

/**
 * The community a by-id request goes to. An actor scoped to one community reads there (an id of
 * another community is then simply not found). A region-scoped actor's request carries no
 * community: the id is looked up once (`lookup`, which visits every shard on Citus) and kept in
 * this process-wide map, so the next request for it goes to one shard.
 *
 * Only for records whose community never changes (referrals, contracts, enrolments, grants,
 * bookings, slots, resources, organisations, staff). A resident's record moves between
 * communities (迁移) and is always looked up (`residentCommunity`). Uuids are never reused, so an
 * entry cannot point at another record; a deleted record is a 404 in the community it had.
 */
export async function communityForId(actor: Pick<Actor, 'scope'>, id: string, lookup: () => Promise<string | null>): Promise<string | null> {
  const own = scopeCommunity(actor);
  if (own) return own;
  const hit = known.get(id);
  if (hit) {
    known.delete(id);
    known.set(id, hit);
    return hit;
  }
  const found = await lookup();
  if (found) {
    known.set(id, found);
    if (known.size > CAPACITY) known.delete(known.keys().next().value!);
  }
  return found;
}

/** How many ids the map holds (for tests). */
export function knownIdCount(): number {
  return known.size;
}
