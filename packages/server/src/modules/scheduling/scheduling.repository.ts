import type { BookingView, SlotView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

const SLOT_SELECT = `
  select s.id, s.resource_id as "resourceId", r.name as "resourceName", r.type as "resourceType", r.organization_id as "organizationId",
         d.code as department, d.name as "departmentName", s.starts_at as "startsAt", s.ends_at as "endsAt", s.capacity, s.reserved,
         s.booked_reserved as "bookedReserved", s.booked_public as "bookedPublic", s.release_at as "releaseAt", s.released_at is not null as released,
         (select count(*)::int from waitlist_entry w where w.community_id = s.community_id and w.slot_id = s.id and w.status = 'waiting') as waiting,
         s.community_id as "communityId"
    from slot s join resource r on r.community_id = s.community_id and r.id = s.resource_id
    left join department d on d.community_id = r.community_id and d.id = r.department_id`;

export type SlotRow = Omit<SlotView, 'reservedFree' | 'publicFree' | 'startsAt' | 'endsAt' | 'releaseAt'> & { startsAt: Date; endsAt: Date; releaseAt: Date; communityId: string };

export async function listSlots(sql: Sql, q: { communityId: string; organizationId: string; resourceType?: string | undefined; resourceId?: string | undefined; department?: string | undefined; from: Date; to: Date }): Promise<SlotRow[]> {
  return (await sql.query<SlotRow>(
    `${SLOT_SELECT} where s.community_id = $1 and r.organization_id = $2 and ($3::text is null or r.type = $3) and ($4::uuid is null or r.id = $4)
        and ($5::text is null or d.code = $5) and s.starts_at >= $6 and s.starts_at < $7 and r.active
      order by s.starts_at, r.name limit 2000`,
    [q.communityId, q.organizationId, q.resourceType ?? null, q.resourceId ?? null, q.department ?? null, q.from, q.to],
  )).rows;
}

export async function findSlot(sql: Sql, communityId: string, id: string): Promise<SlotRow | null> {
  return (await sql.query<SlotRow>(`${SLOT_SELECT} where s.community_id = $1 and s.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** The community a slot lives in, for callers whose scope spans several (region scope). No lock. */
export async function slotCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from slot where id = $1', [id])).rows[0]?.community_id ?? null;
}

/**
 * Takes one place from the reserved pool, atomically: the conditional UPDATE re-checks the count
 * under the row lock, so concurrent bookings of the last place give exactly one winner.
 */
export async function takeReserved(sql: Sql, communityId: string, slotId: string, now: Date): Promise<boolean> {
  const r = await sql.query(
    `update slot set booked_reserved = booked_reserved + 1
      where community_id = $1 and id = $2 and released_at is null and release_at > $3 and booked_reserved < reserved and starts_at > $3`,
    [communityId, slotId, now],
  );
  return r.rowCount > 0;
}

/** Takes one public place; after release, the held places not booked count as public. */
export async function takePublic(sql: Sql, communityId: string, slotId: string, now: Date): Promise<boolean> {
  const r = await sql.query(
    `update slot set booked_public = booked_public + 1
      where community_id = $1 and id = $2 and starts_at > $3
        and booked_public < capacity - (case when released_at is null and release_at > $3 then reserved else booked_reserved end)`,
    [communityId, slotId, now],
  );
  return r.rowCount > 0;
}

export async function givePlaceBack(sql: Sql, communityId: string, slotId: string, pool: 'reserved' | 'public'): Promise<void> {
  const col = pool === 'reserved' ? 'booked_reserved' : 'booked_public';
  await sql.query(`update slot set ${col} = ${col} - 1 where community_id = $1 and id = $2`, [communityId, slotId]);
}

export async function insertBooking(sql: Sql, b: { communityId: string; id: string; slotId: string; residentId: string; channel: string; pool: string; referralId: string | null; createdBy: string; now: Date }): Promise<void> {
  await sql.query(
    `insert into booking (community_id, id, slot_id, resident_id, channel, pool, referral_id, created_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [b.communityId, b.id, b.slotId, b.residentId, b.channel, b.pool, b.referralId, b.createdBy, b.now],
  );
}

const BOOKING_SELECT = `select id, slot_id as "slotId", resident_id as "residentId", channel, pool, referral_id as "referralId", status, created_at as "createdAt", community_id as "communityId" from booking`;

export async function findBooking(sql: Sql, communityId: string, id: string): Promise<(BookingView & { communityId: string }) | null> {
  return (await sql.query<BookingView & { communityId: string }>(`${BOOKING_SELECT} where community_id = $1 and id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community a booking belongs to, for callers whose scope spans several (region scope). No lock. */
export async function bookingCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from booking where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function activeBookingOf(sql: Sql, communityId: string, slotId: string, residentId: string): Promise<(BookingView & { communityId: string }) | null> {
  return (await sql.query<BookingView & { communityId: string }>(`${BOOKING_SELECT} where community_id = $1 and slot_id = $2 and resident_id = $3 and status = 'booked'`, [communityId, slotId, residentId])).rows[0] ?? null;
}

/** Cancels a booking once; false when it was already cancelled (a retried cancel changes nothing). */
export async function cancelBookingRow(sql: Sql, communityId: string, id: string, now: Date): Promise<boolean> {
  const r = await sql.query(`update booking set status = 'cancelled', cancelled_at = $3 where community_id = $1 and id = $2 and status = 'booked'`, [communityId, id, now]);
  return r.rowCount > 0;
}

export async function addToWaitlist(sql: Sql, w: { communityId: string; id: string; slotId: string; residentId: string; channel: string; referralId: string | null }): Promise<void> {
  await sql.query(
    `insert into waitlist_entry (community_id, id, slot_id, resident_id, channel, referral_id) values ($1,$2,$3,$4,$5,$6) on conflict do nothing`,
    [w.communityId, w.id, w.slotId, w.residentId, w.channel, w.referralId],
  );
}

export async function nextWaiting(sql: Sql, communityId: string, slotId: string) {
  return (await sql.query<{ id: string; resident_id: string; channel: 'family_doctor_referral' | 'public'; referral_id: string | null }>(
    `select id, resident_id, channel, referral_id from waitlist_entry where community_id = $1 and slot_id = $2 and status = 'waiting'
      order by created_at, id limit 1 for update skip locked`, [communityId, slotId])).rows[0] ?? null;
}

export async function markWaitlistBooked(sql: Sql, communityId: string, id: string, bookingId: string): Promise<void> {
  await sql.query(`update waitlist_entry set status = 'booked', booking_id = $3 where community_id = $1 and id = $2`, [communityId, id, bookingId]);
}

/** Releases held places of every slot whose release time has come (docs/domain/referral.md). */
export async function releaseDue(sql: Sql, now: Date): Promise<number> {
  return (await sql.query(`update slot set released_at = $1 where released_at is null and release_at <= $1`, [now])).rowCount;
}

/** The organisation that owns a slot's resource. */
export async function slotOwner(sql: Sql, communityId: string, slotId: string): Promise<string | null> {
  return (await sql.query<{ organization_id: string }>(
    'select r.organization_id from slot s join resource r on r.community_id = s.community_id and r.id = s.resource_id where s.community_id = $1 and s.id = $2',
    [communityId, slotId])).rows[0]?.organization_id ?? null;
}
