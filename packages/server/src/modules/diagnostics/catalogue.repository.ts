import type { Modality } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

/** Centres, the service catalogue, the reading rota and the community's parameters. */

export interface ItemRow {
  code: string;
  name: string;
  modality: Modality;
  centre_id: string;
  centre_name: string;
  performing_organization_id: string;
  routine_minutes: number;
  urgent_minutes: number;
  validity_days: number;
  price_fen: number;
  recognised_by: string[] | null;
  analytes: { code: string; name: string; unit: string; low?: number; high?: number; criticalLow?: number; criticalHigh?: number }[];
  template: { findings?: string; conclusion?: string };
  active: boolean;
}

const ITEM_SELECT = `
  select i.code, i.name, i.modality, i.centre_id, c.name as centre_name, c.organization_id as performing_organization_id, i.routine_minutes, i.urgent_minutes,
         i.validity_days, i.price_fen::float8 as price_fen, i.recognised_by, i.analytes, i.template, i.active
    from diagnostic_item i join diagnostic_centre c on c.community_id = i.community_id and c.id = i.centre_id`;

export async function listItems(sql: Sql, communityId: string): Promise<ItemRow[]> {
  return (await sql.query<ItemRow>(`${ITEM_SELECT} where i.community_id = $1 and i.active order by i.modality, i.code`, [communityId])).rows;
}

export async function findItem(sql: Sql, communityId: string, code: string): Promise<ItemRow | null> {
  return (await sql.query<ItemRow>(`${ITEM_SELECT} where i.community_id = $1 and i.code = $2`, [communityId, code])).rows[0] ?? null;
}

export interface CentreRow {
  id: string;
  name: string;
  modality: Modality;
  organization_id: string;
  organization_name: string;
  phone: string | null;
  items: number;
  open_orders: number;
}

export async function listCentres(sql: Sql, communityId: string): Promise<CentreRow[]> {
  return (await sql.query<CentreRow>(
    `select c.id, c.name, c.modality, c.organization_id, o.name as organization_name, c.phone,
            (select count(*)::int from diagnostic_item i where i.community_id = c.community_id and i.centre_id = c.id and i.active) as items,
            (select count(*)::int from diagnostic_order d where d.community_id = c.community_id and d.centre_id = c.id and d.status in ('ordered', 'accepted', 'resulted')) as open_orders
       from diagnostic_centre c join organization o on o.community_id = c.community_id and o.id = c.organization_id
      where c.community_id = $1 and c.active order by c.modality`,
    [communityId],
  )).rows;
}

export interface RotaRow {
  id: string;
  centre_id: string;
  user_id: string | null;
  reader_name: string;
  starts_at: Date;
  ends_at: Date;
}

export async function listRota(sql: Sql, communityId: string, from: Date, to: Date): Promise<RotaRow[]> {
  return (await sql.query<RotaRow>(
    `select id, centre_id, user_id, reader_name, starts_at, ends_at from diagnostic_rota
      where community_id = $1 and starts_at < $3 and ends_at > $2 order by centre_id, starts_at`,
    [communityId, from, to],
  )).rows;
}

/** Minutes to acknowledge a critical value in this community (30 when never set). */
export async function criticalAckMinutes(sql: Sql, communityId: string): Promise<number> {
  return (await sql.query<{ m: number }>('select critical_ack_minutes as m from diagnostic_setting where community_id = $1', [communityId])).rows[0]?.m ?? 30;
}

// Bulk writes for the seed (storage only).

export async function upsertCentre(sql: Sql, c: { communityId: string; id: string; organizationId: string; modality: Modality; name: string; phone: string | null }): Promise<void> {
  await sql.query(
    `insert into diagnostic_centre (community_id, id, organization_id, modality, name, phone) values ($1,$2,$3,$4,$5,$6)
     on conflict (community_id, id) do update set name = excluded.name, phone = excluded.phone`,
    [c.communityId, c.id, c.organizationId, c.modality, c.name, c.phone],
  );
}

export async function upsertItem(sql: Sql, communityId: string, i: Omit<ItemRow, 'centre_name' | 'performing_organization_id' | 'active'>): Promise<void> {
  await sql.query(
    `insert into diagnostic_item (community_id, code, name, modality, centre_id, routine_minutes, urgent_minutes, validity_days, price_fen, recognised_by, analytes, template)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     on conflict (community_id, code) do update set name = excluded.name, modality = excluded.modality, centre_id = excluded.centre_id,
       routine_minutes = excluded.routine_minutes, urgent_minutes = excluded.urgent_minutes, validity_days = excluded.validity_days,
       price_fen = excluded.price_fen, recognised_by = excluded.recognised_by, analytes = excluded.analytes, template = excluded.template`,
    [communityId, i.code, i.name, i.modality, i.centre_id, i.routine_minutes, i.urgent_minutes, i.validity_days, i.price_fen, i.recognised_by,
      JSON.stringify(i.analytes), JSON.stringify(i.template)],
  );
}

export async function insertRota(sql: Sql, communityId: string, rows: readonly Omit<RotaRow, never>[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `insert into diagnostic_rota (community_id, id, centre_id, user_id, reader_name, starts_at, ends_at)
     select $1, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[]) on conflict do nothing`,
    [communityId, rows.map((r) => r.id), rows.map((r) => r.centre_id), rows.map((r) => r.user_id), rows.map((r) => r.reader_name), rows.map((r) => r.starts_at), rows.map((r) => r.ends_at)],
  );
}
