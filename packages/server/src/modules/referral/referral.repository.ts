import type { CatalogueEntry, ReferralStatus } from '@yigong/domain';
import type { ReferralEventView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

export interface ReferralRow {
  community_id: string;
  id: string;
  resident_id: string;
  resident_name: string;
  direction: 'up' | 'down' | 'out';
  status: ReferralStatus;
  priority: 'routine' | 'urgent' | 'green_channel';
  from_organization_id: string;
  from_organization_name: string;
  from_department: string | null;
  to_organization_id: string;
  to_organization_name: string;
  to_department: string | null;
  to_department_name: string | null;
  external_hospital: string | null;
  reason: string;
  diagnoses: { code: string; primary: boolean }[];
  history: string | null;
  treatment: string | null;
  catalogue_rule: 'refer_up' | 'may_treat' | 'down_when_stable' | null;
  catalogue_matched: boolean;
  catalogue_range: string | null;
  deadline_at: Date;
  escalated_at: Date | null;
  pickup_code: string;
  slot_id: string | null;
  booking_id: string | null;
  slot_starts_at: Date | null;
  outcome: Record<string, string> | null;
  reject_reason: string | null;
  parent_referral_id: string | null;
  sender_id: string;
  sender_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  select f.*, x.name as resident_name, fo.name as from_organization_name, t.name as to_organization_name, s.starts_at as slot_starts_at,
         d.name as to_department_name
    from referral f
    join resident x on x.community_id = f.community_id and x.id = f.resident_id
    join organization fo on fo.community_id = f.community_id and fo.id = f.from_organization_id
    join organization t on t.community_id = f.community_id and t.id = f.to_organization_id
    left join slot s on s.community_id = f.community_id and s.id = f.slot_id
    left join department d on d.community_id = f.community_id and d.organization_id = f.to_organization_id and d.code = f.to_department`;

/** A referral of one community by id (a lock needs the community: Citus locks on one shard only). */
export async function findReferral(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<ReferralRow | null> {
  // The lock on its own, on the referral row alone: Citus locks only in a query it routes to one
  // shard, and the joined view (with its correlated department name) is not planned as one.
  if (forUpdate && !(await sql.query('select 1 from referral where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<ReferralRow>(`${SELECT} where f.community_id = $1 and f.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community a referral id belongs to, for callers whose scope spans several (region scope). */
export async function referralCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from referral where id = $1', [id])).rows[0]?.community_id ?? null;
}

export interface ReferralFilter {
  communityIds: readonly string[] | null;
  regionPrefix: string | null;
  /** Visible when sender or receiver is one of these (null: the whole community). */
  organizationIds: readonly string[] | null;
  incomingTo: string | null;
  outgoingFrom: string | null;
  direction: string | null;
  status: string | null;
  residentId: string | null;
  overdueAt: Date | null;
  limit: number;
  now: Date;
}

export async function listReferrals(sql: Sql, f: ReferralFilter): Promise<ReferralRow[]> {
  return (await sql.query<ReferralRow>(
    `${SELECT} join community c on c.community_id = f.community_id
      where ($1::uuid[] is null or f.community_id = any($1)) and ($2::text is null or c.region_code like $2 || '%')
        and ($3::uuid[] is null or f.from_organization_id = any($3) or f.to_organization_id = any($3))
        and ($4::uuid is null or f.to_organization_id = $4) and ($5::uuid is null or f.from_organization_id = $5)
        and ($6::text is null or f.direction = $6) and ($7::text is null or f.status = $7) and ($8::uuid is null or f.resident_id = $8)
        and ($9::timestamptz is null or (f.status in ('submitted', 'accepted') and f.deadline_at < $9))
      order by (f.status in ('submitted', 'accepted', 'scheduled', 'arrived')) desc, (f.status in ('submitted', 'accepted') and f.deadline_at < $11) desc,
               f.created_at desc
      limit $10`,
    [f.communityIds, f.regionPrefix, f.organizationIds, f.incomingTo, f.outgoingFrom, f.direction, f.status, f.residentId, f.overdueAt, f.limit, f.now],
  )).rows;
}

export interface NewReferral {
  communityId: string;
  id: string;
  residentId: string;
  direction: string;
  priority: string;
  fromOrganizationId: string;
  fromDepartment: string | null;
  toOrganizationId: string;
  toDepartment: string | null;
  externalHospital: string | null;
  reason: string;
  diagnoses: { code: string; primary: boolean }[];
  history: string | null;
  treatment: string | null;
  catalogue: { rule: string | null; matched: boolean; range: string | null };
  deadlineAt: Date;
  pickupCode: string;
  parentReferralId: string | null;
  senderId: string;
  senderName: string;
  clientRecordedAt: string | null;
  now: Date;
}

/** The referral's own columns, as an insert or update returns them (the view adds the joined names). */
export type StoredReferral = Omit<ReferralRow, 'resident_name' | 'from_organization_name' | 'to_organization_name' | 'to_department_name' | 'slot_starts_at'>;

/** Inserts a referral; null when its pickup code is taken (the caller draws another). */
export async function insertReferral(sql: Sql, r: NewReferral): Promise<StoredReferral | null> {
  const { rows } = await sql.query<StoredReferral>(
    `insert into referral (community_id, id, resident_id, direction, status, priority, from_organization_id, from_department, to_organization_id,
       to_department, external_hospital, reason, diagnoses, history, treatment, catalogue_rule, catalogue_matched, catalogue_range, deadline_at,
       pickup_code, parent_referral_id, sender_id, sender_name, client_recorded_at, created_at, updated_at)
     values ($1,$2,$3,$4,'submitted',$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$24)
     on conflict (community_id, pickup_code) do nothing
     returning *`,
    [r.communityId, r.id, r.residentId, r.direction, r.priority, r.fromOrganizationId, r.fromDepartment, r.toOrganizationId, r.toDepartment,
      r.externalHospital, r.reason, JSON.stringify(r.diagnoses), r.history, r.treatment, r.catalogue.rule, r.catalogue.matched, r.catalogue.range,
      r.deadlineAt, r.pickupCode, r.parentReferralId, r.senderId, r.senderName, r.clientRecordedAt, r.now],
  );
  return rows[0] ?? null;
}

/** Updates a referral's columns; returns the row as stored now (null when there is none). */
export async function updateReferral(sql: Sql, communityId: string, id: string, set: Partial<Record<'status' | 'slot_id' | 'booking_id' | 'outcome' | 'reject_reason' | 'redirected_to' | 'escalated_at', unknown>>, now: Date): Promise<StoredReferral | null> {
  const cols = Object.entries(set).filter(([, v]) => v !== undefined);
  const params: unknown[] = [communityId, id, now, ...cols.map(([k, v]) => (k === 'outcome' ? JSON.stringify(v) : v))];
  return (await sql.query<StoredReferral>(`update referral set ${cols.map(([k], i) => `${k} = $${i + 4}`).join(', ')}${cols.length ? ', ' : ''}updated_at = $3 where community_id = $1 and id = $2 returning *`, params)).rows[0] ?? null;
}

export interface NewEvent {
  communityId: string;
  referralId: string;
  at: Date;
  action: string;
  from: string | null;
  to: string;
  actorId: string | null;
  username: string | null;
  role: string | null;
  organizationId: string | null;
  comment: string | null;
  details?: unknown;
}

const eventParams = (e: NewEvent) => [e.communityId, e.referralId, e.at, e.action, e.from, e.to, e.actorId, e.username, e.role, e.organizationId, e.comment, e.details === undefined ? null : JSON.stringify(e.details)];
const EVENT_INSERT = `insert into referral_event (community_id, referral_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment, details)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`;
const EVENT_VIEW = `at, action, from_status as "fromStatus", to_status as "toStatus", username, role, organization_id as "organizationId", comment`;
const eventView = (e: ReferralEventView): ReferralEventView => ({ ...e, at: new Date(e.at).toISOString() });

export async function appendEvent(sql: Sql, e: NewEvent): Promise<void> {
  await sql.query(EVENT_INSERT, eventParams(e));
}

/**
 * Appends an event and returns the referral's whole history with it, in one statement (the view
 * of a write comes from its transaction; issue #11 item 2). PostgreSQL does not show a statement's
 * own insert to its select, Citus (which runs the insert first) does: the new row comes from
 * RETURNING and is left out of the select, so both give it once.
 */
export async function appendEventWithHistory(sql: Sql, e: NewEvent): Promise<ReferralEventView[]> {
  const { rows } = await sql.query<ReferralEventView & { id: string }>(
    `with added as (${EVENT_INSERT} returning id, ${EVENT_VIEW})
     select * from (select id, ${EVENT_VIEW} from referral_event where community_id = $1 and referral_id = $2 and id not in (select id from added)
                    union all select * from added) h order by id`,
    eventParams(e));
  return rows.map(({ id: _id, ...v }) => eventView(v));
}

/**
 * The histories of several referrals in one statement, by referral id. Pairs (community, referral)
 * keep it on the referrals' shards on Citus; one community (the usual page) routes to one shard.
 */
export async function listEventsOf(sql: Sql, referrals: readonly { community_id: string; id: string }[]): Promise<Map<string, ReferralEventView[]>> {
  const out = new Map<string, ReferralEventView[]>();
  if (referrals.length === 0) return out;
  const communities = [...new Set(referrals.map((r) => r.community_id))];
  const { rows } = await sql.query<ReferralEventView & { referralId: string }>(
    `select referral_id as "referralId", ${EVENT_VIEW}
       from referral_event where community_id = any($1::uuid[]) and referral_id = any($2::uuid[]) order by referral_id, id`,
    [communities, referrals.map((r) => r.id)],
  );
  for (const { referralId, ...e } of rows) {
    const list = out.get(referralId) ?? [];
    list.push(eventView(e));
    out.set(referralId, list);
  }
  return out;
}

export async function latestCompletedUp(sql: Sql, communityId: string, residentId: string, toOrganizationId: string): Promise<string | null> {
  return (await sql.query<{ id: string }>(
    `select id from referral where community_id = $1 and resident_id = $2 and direction = 'up' and status = 'completed' and to_organization_id = $3
      order by updated_at desc limit 1`, [communityId, residentId, toOrganizationId])).rows[0]?.id ?? null;
}

export async function catalogueOf(sql: Sql, communityId: string): Promise<(CatalogueEntry & { id: string; note: string | null })[]> {
  return (await sql.query<CatalogueEntry & { id: string; note: string | null }>(
    `select id, level, code_from as "codeFrom", code_to as "codeTo", rule, note from referral_catalogue where community_id = $1 order by level, code_from`, [communityId])).rows;
}

export async function upsertCatalogueEntry(sql: Sql, communityId: string, id: string, e: CatalogueEntry & { note?: string | null }): Promise<void> {
  await sql.query(
    `insert into referral_catalogue (community_id, id, level, code_from, code_to, rule, note) values ($1,$2,$3,$4,$5,$6,$7)
     on conflict (community_id, level, code_from, code_to) do update set rule = excluded.rule, note = excluded.note, updated_at = excluded.updated_at`,
    [communityId, id, e.level, e.codeFrom, e.codeTo, e.rule, e.note ?? null],
  );
}

export async function deleteCatalogueEntry(sql: Sql, communityId: string, id: string): Promise<number> {
  return (await sql.query('delete from referral_catalogue where community_id = $1 and id = $2', [communityId, id])).rowCount;
}

/** Open referrals past their answer deadline and not yet escalated (the escalation job). */
export async function dueForEscalation(sql: Sql, now: Date): Promise<{ community_id: string; id: string; to_organization_id: string; resident_id: string }[]> {
  return (await sql.query<{ community_id: string; id: string; to_organization_id: string; resident_id: string }>(
    `select community_id, id, to_organization_id, resident_id from referral
      where status in ('submitted', 'accepted') and deadline_at < $1 and escalated_at is null limit 1000`, [now])).rows;
}

/** Referrals created in a date range by direction (indicators `up_referrals`, `down_referrals`). */
export async function countByDirection(sql: Sql, communityId: string, from: string, toExclusive: string): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ direction: string; n: number }>(
    `select direction, count(*)::int as n from referral where community_id = $1 and created_at >= ($2::date::timestamp at time zone 'Asia/Shanghai')
        and created_at < ($3::date::timestamp at time zone 'Asia/Shanghai') and status <> 'redirected' group by direction`, [communityId, from, toExclusive]);
  return Object.fromEntries(rows.map((r) => [r.direction, r.n]));
}
