import type { WrapMaterial } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface CentreRow {
  community_id: string;
  id: string;
  organization_id: string;
  organization_name: string;
  name: string;
  phone: string | null;
  storage_meets_standard: boolean;
}

export interface PackTypeRow {
  code: string;
  name: string;
  wrap: WrapMaterial;
  contents: string;
  price_fen: number;
  centre_id: string;
  active: boolean;
}

const CENTRE = `select c.community_id, c.id, c.organization_id, o.name as organization_name, c.name, c.phone, c.storage_meets_standard
  from sterile_centre c join organization o on o.community_id = c.community_id and o.id = c.organization_id`;

/** The community's sterile supply centre (one per community, at the lead hospital). */
export async function findCentre(sql: Sql, communityId: string, forUpdate = false): Promise<CentreRow | null> {
  if (forUpdate) await sql.query('select 1 from sterile_centre where community_id = $1 for update', [communityId]);
  return (await sql.query<CentreRow>(`${CENTRE} where c.community_id = $1 order by c.created_at, c.id limit 1`, [communityId])).rows[0] ?? null;
}

/** Packs by status, batches held, requests open — the centre's board, one statement. */
export async function centreCounts(sql: Sql, communityId: string): Promise<{ packs: Record<string, number>; held: number; open: number }> {
  const r = (await sql.query<{ packs: Record<string, number> | null; held: number; open: number }>(
    `select (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from sterile_pack p where p.community_id = $1 group by status) s) as packs,
            (select count(*)::int from sterile_batch b where b.community_id = $1 and b.status = 'held') as held,
            (select count(*)::int from sterile_request r where r.community_id = $1 and r.status in ('requested', 'partially_delivered')) as open`, [communityId])).rows[0]!;
  return { packs: r.packs ?? {}, held: r.held, open: r.open };
}

export async function listPackTypes(sql: Sql, communityId: string, today: string): Promise<(PackTypeRow & { on_shelf: number })[]> {
  return (await sql.query<PackTypeRow & { on_shelf: number }>(
    `select t.code, t.name, t.wrap, t.contents, t.price_fen::int as price_fen, t.centre_id, t.active,
            (select count(*)::int from sterile_pack p where p.community_id = t.community_id and p.pack_type = t.code and p.status = 'released' and p.expires_on >= $2::date) as on_shelf
       from sterile_pack_type t where t.community_id = $1 order by t.active desc, t.code`, [communityId, today])).rows;
}

export async function upsertCentre(sql: Sql, c: { communityId: string; id: string; organizationId: string; name: string; phone: string | null; storageMeetsStandard: boolean }): Promise<void> {
  await sql.query(
    `insert into sterile_centre (community_id, id, organization_id, name, phone, storage_meets_standard) values ($1,$2,$3,$4,$5,$6)
     on conflict (community_id, id) do update set name = excluded.name, phone = excluded.phone, storage_meets_standard = excluded.storage_meets_standard`,
    [c.communityId, c.id, c.organizationId, c.name, c.phone, c.storageMeetsStandard]);
}

export async function upsertPackType(sql: Sql, communityId: string, centreId: string, t: { code: string; name: string; wrap: WrapMaterial; contents: string; priceFen: number }): Promise<void> {
  await sql.query(
    `insert into sterile_pack_type (community_id, code, name, wrap, contents, price_fen, centre_id, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$8)
     on conflict (community_id, code) do update set name = excluded.name, wrap = excluded.wrap, contents = excluded.contents, price_fen = excluded.price_fen, updated_at = excluded.updated_at`,
    [communityId, t.code, t.name, t.wrap, t.contents, t.priceFen, centreId, new Date()]);
}
