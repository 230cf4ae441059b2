import type { Sql } from '../../platform/db/database.ts';

/** A mutual-recognition outcome (docs/domain/diagnostics.md "Mutual recognition"): used instead of a new order, or repeated with a reason. */
export async function insertRecognitionEvent(sql: Sql, e: { communityId: string; id: string; residentId: string; itemCode: string; recognisedOrderId: string; organizationId: string; userId: string | null; outcome: 'used' | 'repeated'; newOrderId: string | null; priceFen: number; at: Date }): Promise<boolean> {
  const r = await sql.query(
    `insert into recognition_event (community_id, id, resident_id, item_code, recognised_order_id, organization_id, user_id, outcome, new_order_id, price_fen, at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) on conflict (community_id, id) do nothing`,
    [e.communityId, e.id, e.residentId, e.itemCode, e.recognisedOrderId, e.organizationId, e.userId, e.outcome, e.newOrderId, e.priceFen, e.at],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function findRecognitionEvent(sql: Sql, communityId: string, id: string): Promise<{ resident_id: string; recognised_order_id: string; outcome: string } | null> {
  return (await sql.query<{ resident_id: string; recognised_order_id: string; outcome: string }>(
    'select resident_id, recognised_order_id, outcome from recognition_event where community_id = $1 and id = $2',
    [communityId, id],
  )).rows[0] ?? null;
}
