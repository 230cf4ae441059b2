import type { Sql } from '../../platform/db/database.ts';
import * as repo from './scheduling.repository.ts';

// The scheduling lookups other modules make (through index.ts): thin calls of the repository,
// in the caller's transaction, with no permission check of their own (the caller has made it).

/** A booking by id, with its community. */
export function findBooking(sql: Sql, id: string) {
  return repo.findBooking(sql, id);
}

/** The organisation that owns a slot's resource. */
export function slotOwner(sql: Sql, communityId: string, slotId: string): Promise<string | null> {
  return repo.slotOwner(sql, communityId, slotId);
}
