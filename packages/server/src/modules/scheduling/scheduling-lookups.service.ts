import type { Sql } from '../../platform/db/database.ts';
import * as repo from './scheduling.repository.ts';

// The scheduling lookups other modules make (through index.ts): thin calls of the repository,
// in the caller's transaction, with no permission check of their own (the caller has made it).

/** A booking by id in a community the caller knows (e.g. its referral's). */
export function findBooking(sql: Sql, communityId: string, id: string) {
  return repo.findBooking(sql, communityId, id);
}

/** The organisation that owns a slot's resource. */
export function slotOwner(sql: Sql, communityId: string, slotId: string): Promise<string | null> {
  return repo.slotOwner(sql, communityId, slotId);
}
