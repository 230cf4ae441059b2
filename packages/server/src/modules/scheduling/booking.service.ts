import { randomUUID } from 'node:crypto';
import { DomainError, choosePool, scopeCommunity, type Actor, type BookingChannel } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { BookingRequest, BookingView, WaitlistEntry } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { requireResidentForWrite } from '../residents/index.ts';
import * as repo from './scheduling.repository.ts';

/**
 * Books one place in `tx` (docs/domain/referral.md): a referral draws on the reserved pool first, then the
 * public pool; the conditional UPDATEs in the repository make the last place go to one winner.
 * Returns null when the slot is full for this booking.
 */
export async function bookInTx(
  tx: Sql,
  ctx: AppContext,
  actor: Actor,
  b: { id?: string | undefined; slotId: string; residentId: string; communityId: string; channel: BookingChannel; referralId: string | null },
): Promise<BookingView | null> {
  const now = ctx.clock.now();
  const slot = await repo.findSlot(tx, b.communityId, b.slotId);
  if (!slot) throw new DomainError('NOT_FOUND', '号源不存在');
  if (slot.startsAt <= now) throw new DomainError('VALIDATION_FAILED', '号源已过期', { field: 'slotId' });
  const existing = await repo.activeBookingOf(tx, b.communityId, b.slotId, b.residentId);
  if (existing) return existing; // the same resident booked twice: one booking (a retry)
  const released = slot.released || slot.releaseAt <= now;
  const counts = { capacity: slot.capacity, reserved: slot.reserved, bookedReserved: slot.bookedReserved, bookedPublic: slot.bookedPublic, released };
  let pool = choosePool(b.channel, counts, b.referralId !== null);
  if (pool === 'reserved' && !(await repo.takeReserved(tx, b.communityId, b.slotId, now))) {
    // Lost the race for the last held place: fall back as the rules allow.
    pool = b.channel === 'family_doctor_referral' && b.referralId !== null ? 'public' : null;
  }
  if (pool === 'public' && !(await repo.takePublic(tx, b.communityId, b.slotId, now))) pool = null;
  if (!pool) return null;
  const id = b.id ?? randomUUID();
  await repo.insertBooking(tx, { communityId: b.communityId, id, slotId: b.slotId, residentId: b.residentId, channel: b.channel, pool, referralId: b.referralId, createdBy: actor.userId, now });
  await recordAudit(tx, actor, { communityId: b.communityId, action: 'booking.create', resourceType: 'booking', resourceId: id, residentId: b.residentId, details: { slotId: b.slotId, pool, channel: b.channel, referralId: b.referralId } });
  return { id, slotId: b.slotId, residentId: b.residentId, channel: b.channel, pool, referralId: b.referralId, status: 'booked', createdAt: now.toISOString() };
}

/** `POST /bookings`: 201 with the booking, 202 when put on the waitlist, 409 SLOT_FULL otherwise. */
export async function book(ctx: AppContext, actor: Actor, input: BookingRequest): Promise<{ status: 201; body: BookingView } | { status: 202; body: WaitlistEntry }> {
  // The slot is read in the caller's community (one shard on Citus), or for a region scope in the
  // slot's; a slot of another community is not found (bookInTx).
  const communityId = scopeCommunity(actor) ?? (await repo.slotCommunity(ctx.db, input.slotId));
  if (!communityId) throw new DomainError('NOT_FOUND', '号源不存在');
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentForWrite(tx, actor, input.residentId, ctx.clock.now());
    authorize(actor, 'booking.create', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
    if (row.community_id !== communityId) throw new DomainError('VALIDATION_FAILED', '居民与号源不属于同一医共体', { field: 'slotId' });
    const booking = await bookInTx(tx, ctx, actor, { ...input, communityId, referralId: input.referralId ?? null });
    if (booking) return { status: 201 as const, body: booking };
    if (input.waitlist) {
      const id = randomUUID();
      await repo.addToWaitlist(tx, { communityId, id, slotId: input.slotId, residentId: input.residentId, channel: input.channel, referralId: input.referralId ?? null });
      await recordAudit(tx, actor, { communityId, action: 'booking.waitlist', resourceType: 'waitlist_entry', resourceId: id, residentId: input.residentId, details: { slotId: input.slotId } });
      return { status: 202 as const, body: { waitlisted: true, id, slotId: input.slotId } };
    }
    throw new DomainError('SLOT_FULL', '该号源已约满', { slotId: input.slotId, channel: input.channel });
  });
}

/**
 * Cancels a booking: the place goes back to the pool it came from, and the first waiting
 * resident of the slot gets it. Cancelling twice changes nothing.
 */
export async function cancelBooking(ctx: AppContext, actor: Actor, bookingId: string): Promise<BookingView> {
  return ctx.db.transaction(async (tx) => {
    // Read in the caller's community (one shard on Citus), or for a region scope in the booking's.
    const communityId = await communityForId(actor, bookingId, () => repo.bookingCommunity(tx, bookingId));
    const b = communityId ? await repo.findBooking(tx, communityId, bookingId) : null;
    if (!b) throw new DomainError('NOT_FOUND', '预约不存在');
    const { row } = await requireResidentForWrite(tx, actor, b.residentId, ctx.clock.now());
    authorize(actor, 'booking.create', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
    await releaseBookingInTx(tx, ctx, actor, b);
    return { ...(await repo.findBooking(tx, b.communityId, b.id))!, createdAt: new Date(b.createdAt).toISOString() };
  });
}

/** Cancels in `tx` (the caller has authorised): the place returns to its pool, the waitlist moves up. */
export async function releaseBookingInTx(tx: Sql, ctx: AppContext, actor: Actor, b: { id: string; communityId: string; slotId: string; residentId: string; pool: 'reserved' | 'public' }): Promise<void> {
  if (!(await repo.cancelBookingRow(tx, b.communityId, b.id, ctx.clock.now()))) return;
  await repo.givePlaceBack(tx, b.communityId, b.slotId, b.pool);
  await recordAudit(tx, actor, { communityId: b.communityId, action: 'booking.cancel', resourceType: 'booking', resourceId: b.id, residentId: b.residentId });
  await promoteWaitlist(tx, ctx, actor, b.communityId, b.slotId);
}

async function promoteWaitlist(tx: Sql, ctx: AppContext, actor: Actor, communityId: string, slotId: string): Promise<void> {
  const next = await repo.nextWaiting(tx, communityId, slotId);
  if (!next) return;
  const booking = await bookInTx(tx, ctx, actor, { slotId, residentId: next.resident_id, communityId, channel: next.channel, referralId: next.referral_id });
  if (booking) await repo.markWaitlistBooked(tx, communityId, next.id, booking.id);
}
