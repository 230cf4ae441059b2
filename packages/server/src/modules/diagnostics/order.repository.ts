import type { Modality, OrderStatus } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import { applyOrderChange } from './month-counts.repository.ts';

/** An order as stored, with the names its views show (one statement, joined). */
export interface OrderRow {
  community_id: string;
  id: string;
  resident_id: string;
  resident_name: string;
  item_code: string;
  item_name: string;
  modality: Modality;
  centre_id: string;
  centre_name: string;
  performing_organization_id: string;
  performing_organization_name: string;
  priority: 'routine' | 'urgent';
  status: OrderStatus;
  reason: string;
  ordering_organization_id: string;
  ordering_organization_name: string;
  ordering_user_id: string;
  ordering_username: string;
  recognised_order_id: string | null;
  repeat_reason: string | null;
  reject_reason: string | null;
  cancel_reason: string | null;
  reader_user_id: string | null;
  reader_name: string | null;
  critical: boolean;
  report_version: number;
  report_conclusion: string | null;
  ordered_at: Date;
  accepted_at: Date | null;
  rejected_at: Date | null;
  resulted_at: Date | null;
  report_due_at: Date | null;
  reported_at: Date | null;
  acknowledged_at: Date | null;
  cancelled_at: Date | null;
  updated_at: Date;
}
export type StoredOrder = Omit<OrderRow, 'resident_name' | 'item_name' | 'centre_name' | 'performing_organization_name' | 'ordering_organization_name'>;
export type OrderNames = Pick<OrderRow, 'resident_name' | 'item_name' | 'centre_name' | 'performing_organization_name' | 'ordering_organization_name'>;

const SELECT = `
  select o.*, x.name as resident_name, i.name as item_name, c.name as centre_name, po.name as performing_organization_name, oo.name as ordering_organization_name
    from diagnostic_order o
    join resident x on x.community_id = o.community_id and x.id = o.resident_id
    join diagnostic_item i on i.community_id = o.community_id and i.code = o.item_code
    join diagnostic_centre c on c.community_id = o.community_id and c.id = o.centre_id
    join organization po on po.community_id = o.community_id and po.id = o.performing_organization_id
    join organization oo on oo.community_id = o.community_id and oo.id = o.ordering_organization_id`;

export async function findOrder(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<OrderRow | null> {
  // The lock on the order row alone (Citus locks only in a statement routed to one shard).
  if (forUpdate && !(await sql.query('select 1 from diagnostic_order where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<OrderRow>(`${SELECT} where o.community_id = $1 and o.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community an order id belongs to, for region-scoped callers. */
export async function orderCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from diagnostic_order where id = $1', [id])).rows[0]?.community_id ?? null;
}

export interface OrderFilter {
  communityIds: readonly string[] | null;
  regionPrefix: string | null;
  /** Visible when the ordering or the performing unit is one of these (null: the whole community). */
  organizationIds: readonly string[] | null;
  /** The centre's worklist: open orders performed by these units. */
  worklistOf: readonly string[] | null;
  orderedBy: readonly string[] | null;
  status: string | null;
  modality: string | null;
  residentId: string | null;
  orderingOrganizationId: string | null;
  orderedFrom: Date | null;
  orderedBefore: Date | null;
  limit: number;
}

/**
 * Orders in scope. The worklist (docs/domain/diagnostics.md "Worklist") sorts urgent first, then
 * overdue, then the longest waiting — the same order as `compareWorklist` — on the open orders'
 * partial index; other views are newest first.
 */
export async function listOrders(sql: Sql, f: OrderFilter, now: Date): Promise<OrderRow[]> {
  const worklist = f.worklistOf !== null;
  const order = (a: string) => worklist
    ? `(${a}.priority = 'urgent') desc, (${a}.status = 'resulted' and ${a}.report_due_at < $13) desc, coalesce(${a}.resulted_at, ${a}.ordered_at) asc, ${a}.id`
    : `${a}.ordered_at desc, ${a}.id`;
  const params: unknown[] = [f.communityIds, f.regionPrefix, f.organizationIds, f.worklistOf, f.orderedBy, f.status, f.modality, f.residentId, f.limit, f.orderingOrganizationId, f.orderedFrom, f.orderedBefore];
  // The page is chosen first, the names joined to it after: with the orders and the five name
  // tables in one join the planner searched their join orders on every call (county scale:
  // 24–42 ms of planning for 4–27 ms of execution; packages/bench/RESULTS.md, issue #13).
  return (await sql.query<OrderRow>(
    `select o.*, x.name as resident_name, i.name as item_name, c.name as centre_name, po.name as performing_organization_name, oo.name as ordering_organization_name
       from (select o.* from diagnostic_order o join community cm on cm.community_id = o.community_id
              where ($1::uuid[] is null or o.community_id = any($1)) and ($2::text is null or cm.region_code like $2 || '%')
                and ($3::uuid[] is null or o.ordering_organization_id = any($3) or o.performing_organization_id = any($3))
                and ($4::uuid[] is null or (o.performing_organization_id = any($4) and o.status in ('ordered', 'accepted', 'resulted')))
                and ($5::uuid[] is null or o.ordering_organization_id = any($5))
                and ($6::text is null or o.status = $6) and ($7::text is null or o.modality = $7) and ($8::uuid is null or o.resident_id = $8)
                and ($10::uuid is null or o.ordering_organization_id = $10) and ($11::timestamptz is null or o.ordered_at >= $11) and ($12::timestamptz is null or o.ordered_at < $12)
              order by ${order('o')}
              limit $9) o
       join resident x on x.community_id = o.community_id and x.id = o.resident_id
       join diagnostic_item i on i.community_id = o.community_id and i.code = o.item_code
       join diagnostic_centre c on c.community_id = o.community_id and c.id = o.centre_id
       join organization po on po.community_id = o.community_id and po.id = o.performing_organization_id
       join organization oo on oo.community_id = o.community_id and oo.id = o.ordering_organization_id
      order by ${order('o')}`,
    worklist ? [...params, now] : params,
  )).rows;
}

export interface NewOrder {
  communityId: string;
  id: string;
  residentId: string;
  itemCode: string;
  modality: Modality;
  centreId: string;
  performingOrganizationId: string;
  priority: 'routine' | 'urgent';
  reason: string;
  orderingOrganizationId: string;
  orderingUserId: string;
  orderingUsername: string;
  recognisedOrderId: string | null;
  repeatReason: string | null;
  clientRecordedAt: string | null;
  now: Date;
}

export async function insertOrder(sql: Sql, o: NewOrder): Promise<StoredOrder> {
  const { rows } = await sql.query<StoredOrder>(
    `insert into diagnostic_order (community_id, id, resident_id, item_code, modality, centre_id, performing_organization_id, priority, status, reason,
       ordering_organization_id, ordering_user_id, ordering_username, recognised_order_id, repeat_reason, ordered_at, client_recorded_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,'ordered',$9,$10,$11,$12,$13,$14,$15,$16,$15)
     returning *`,
    [o.communityId, o.id, o.residentId, o.itemCode, o.modality, o.centreId, o.performingOrganizationId, o.priority, o.reason, o.orderingOrganizationId,
      o.orderingUserId, o.orderingUsername, o.recognisedOrderId, o.repeatReason, o.now, o.clientRecordedAt],
  );
  await applyOrderChange(sql, null, rows[0]!);
  return rows[0]!;
}

type Settable = 'status' | 'reject_reason' | 'cancel_reason' | 'reader_user_id' | 'reader_name' | 'critical' | 'report_version' | 'report_conclusion'
  | 'accepted_at' | 'rejected_at' | 'resulted_at' | 'report_due_at' | 'reported_at' | 'acknowledged_at' | 'cancelled_at';

/** Writes an order's new state; `before` is the row as locked, so the month's counts move with it (month-counts.repository.ts). */
export async function updateOrder(sql: Sql, before: StoredOrder, set: Partial<Record<Settable, unknown>>, now: Date): Promise<StoredOrder> {
  const { community_id: communityId, id } = before;
  const cols = Object.entries(set).filter(([, v]) => v !== undefined);
  const params: unknown[] = [communityId, id, now, ...cols.map(([, v]) => v)];
  const { rows } = await sql.query<StoredOrder>(
    `update diagnostic_order set ${cols.map(([k], i) => `${k} = $${i + 4}`).join(', ')}${cols.length ? ', ' : ''}updated_at = $3 where community_id = $1 and id = $2 returning *`,
    params,
  );
  await applyOrderChange(sql, before, rows[0]!);
  return rows[0]!;
}

export interface OrderEvent {
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  username: string | null;
  role: string | null;
  organization_id: string | null;
  comment: string | null;
}

export async function appendEvent(sql: Sql, e: { communityId: string; orderId: string; at: Date; action: string; from: string | null; to: string; actorId: string | null; username: string | null; role: string | null; organizationId: string | null; comment: string | null }): Promise<void> {
  await sql.query(
    `insert into diagnostic_order_event (community_id, order_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [e.communityId, e.orderId, e.at, e.action, e.from, e.to, e.actorId, e.username, e.role, e.organizationId, e.comment],
  );
}

export async function listEvents(sql: Sql, communityId: string, orderId: string): Promise<OrderEvent[]> {
  return (await sql.query<OrderEvent>(
    'select at, action, from_status, to_status, username, role, organization_id, comment from diagnostic_order_event where community_id = $1 and order_id = $2 order by id',
    [communityId, orderId],
  )).rows;
}

/**
 * A resident's signed results of one item, newest first (mutual recognition reads the few
 * inside the longest window; the partial index serves it).
 */
export async function signedResultsOf(sql: Sql, communityId: string, residentId: string, itemCode: string, since: Date): Promise<Pick<OrderRow, 'id' | 'item_code' | 'status' | 'reported_at' | 'ordering_organization_id' | 'performing_organization_id' | 'report_conclusion' | 'critical'>[]> {
  return (await sql.query(
    `select id, item_code, status, reported_at, ordering_organization_id, performing_organization_id, report_conclusion, critical
       from diagnostic_order where community_id = $1 and resident_id = $2 and item_code = $3 and status in ('reported', 'acknowledged') and reported_at >= $4
      order by reported_at desc limit 20`,
    [communityId, residentId, itemCode, since],
  )).rows as never;
}
