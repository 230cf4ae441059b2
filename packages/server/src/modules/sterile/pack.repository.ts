import type { PackEventKind, PackStatus } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface PackRow {
  community_id: string;
  barcode: string;
  pack_type: string;
  pack_type_name: string;
  batch_id: string;
  centre_id: string;
  centre_organization_id: string;
  sterilizer_code: string;
  cycle_no: number;
  sterilised_on: string;
  expires_on: string;
  status: PackStatus;
  batch_status: 'held' | 'released' | 'recalled';
  organization_id: string | null;
  organization_name: string | null;
  request_id: string | null;
  resident_id: string | null;
  resident_name: string | null;
  used_at: Date | null;
}

const SELECT = `
  select p.community_id, p.barcode, p.pack_type, t.name as pack_type_name, p.batch_id, p.centre_id, c.organization_id as centre_organization_id,
         b.sterilizer_code, b.cycle_no, b.sterilised_on::text as sterilised_on, p.expires_on::text as expires_on, p.status, b.status as batch_status,
         p.organization_id, o.name as organization_name, p.request_id, p.resident_id, r.name as resident_name, p.used_at
    from sterile_pack p
    join sterile_pack_type t on t.community_id = p.community_id and t.code = p.pack_type
    join sterile_batch b on b.community_id = p.community_id and b.id = p.batch_id
    join sterile_centre c on c.community_id = p.community_id and c.id = p.centre_id
    left join organization o on o.community_id = p.community_id and o.id = p.organization_id
    left join resident r on r.community_id = p.community_id and r.id = p.resident_id`;

export async function findPack(sql: Sql, communityId: string, barcode: string, forUpdate = false): Promise<PackRow | null> {
  if (forUpdate && !(await sql.query('select 1 from sterile_pack where community_id = $1 and barcode = $2 for update', [communityId, barcode])).rowCount) return null;
  return (await sql.query<PackRow>(`${SELECT} where p.community_id = $1 and p.barcode = $2`, [communityId, barcode])).rows[0] ?? null;
}

export async function packsOfBatch(sql: Sql, communityId: string, batchId: string): Promise<PackRow[]> {
  return (await sql.query<PackRow>(`${SELECT} where p.community_id = $1 and p.batch_id = $2 order by p.barcode`, [communityId, batchId])).rows;
}

export interface PackFilter {
  communityId: string;
  /** Visible when held by one of these units or made by a centre at one of them (null: the whole community). */
  organizationIds: readonly string[] | null;
  status: string | null;
  packType: string | null;
  holder: string | null;
  expiresBy: string | null;
  limit: number;
}

/** In circulation first, earliest last day first (the order a shelf is used in). */
export async function listPacks(sql: Sql, f: PackFilter): Promise<PackRow[]> {
  return (await sql.query<PackRow>(
    `${SELECT} where p.community_id = $1 and ($2::uuid[] is null or p.organization_id = any($2) or c.organization_id = any($2))
        and ($3::text is null or p.status = $3) and ($4::text is null or p.pack_type = $4) and ($5::uuid is null or p.organization_id = $5)
        and ($6::date is null or (p.expires_on <= $6 and p.status in ('sterilised', 'released', 'delivered')))
      order by (p.status in ('sterilised', 'released', 'delivered')) desc, p.expires_on, p.barcode limit $7`,
    [f.communityId, f.organizationIds, f.status, f.packType, f.holder, f.expiresBy, f.limit])).rows;
}

/** Released packs of these types on the centre's shelf, locked for picking (others picking skip them). */
export async function shelfStock(sql: Sql, communityId: string, centreId: string, packTypes: readonly string[]): Promise<{ barcode: string; pack_type: string; expires_on: string; status: PackStatus; batch_status: string }[]> {
  return (await sql.query<{ barcode: string; pack_type: string; expires_on: string; status: PackStatus; batch_status: string }>(
    `select p.barcode, p.pack_type, p.expires_on::text as expires_on, p.status, b.status as batch_status
       from sterile_pack p join sterile_batch b on b.community_id = p.community_id and b.id = p.batch_id
      where p.community_id = $1 and p.centre_id = $2 and p.status = 'released' and p.organization_id is null and p.pack_type = any($3)
      order by p.expires_on, p.barcode for update of p skip locked`,
    [communityId, centreId, packTypes])).rows;
}

export async function insertPacks(sql: Sql, communityId: string, p: { barcodes: string[]; packTypes: string[]; expiresOn: string[]; batchId: string; centreId: string; status: PackStatus; now: Date }): Promise<void> {
  await sql.query(
    `insert into sterile_pack (community_id, barcode, pack_type, batch_id, centre_id, status, expires_on, updated_at)
     select $1, x.barcode, x.pack_type, $5, $6, $7, x.expires_on::date, $8 from unnest($2::text[], $3::text[], $4::text[]) as x(barcode, pack_type, expires_on)`,
    [communityId, p.barcodes, p.packTypes, p.expiresOn, p.batchId, p.centreId, p.status, p.now]);
}

/** Moves packs to a status; `organizationId`/`requestId` set where given (undefined: unchanged, null: cleared). */
export async function setPackStatus(sql: Sql, communityId: string, barcodes: readonly string[], status: PackStatus, now: Date, at: { organizationId?: string | null; requestId?: string | null; residentId?: string; usedAt?: Date } = {}): Promise<void> {
  if (barcodes.length === 0) return;
  await sql.query(
    `update sterile_pack set status = $3, updated_at = $4,
            organization_id = case when $5 then $6::uuid else organization_id end, request_id = case when $7 then $8::uuid else request_id end,
            resident_id = coalesce($9::uuid, resident_id), used_at = coalesce($10::timestamptz, used_at)
      where community_id = $1 and barcode = any($2)`,
    [communityId, barcodes, status, now, at.organizationId !== undefined, at.organizationId ?? null, at.requestId !== undefined, at.requestId ?? null, at.residentId ?? null, at.usedAt ?? null]);
}

export interface NewPackEvent {
  kind: PackEventKind;
  batchId?: string | null;
  organizationId?: string | null;
  residentId?: string | null;
  restocked?: boolean | null;
  comment?: string | null;
}

/** One event for each barcode, one statement. */
export async function appendPackEvents(sql: Sql, communityId: string, barcodes: readonly string[], at: Date, e: NewPackEvent, who: { actorId: string | null; username: string | null }): Promise<void> {
  if (barcodes.length === 0) return;
  await sql.query(
    `insert into sterile_pack_event (community_id, barcode, at, kind, batch_id, organization_id, resident_id, restocked, actor_id, username, comment)
     select $1, b, $3, $4, $5, $6, $7, $8, $9, $10, $11 from unnest($2::text[]) as b`,
    [communityId, barcodes, at, e.kind, e.batchId ?? null, e.organizationId ?? null, e.residentId ?? null, e.restocked ?? null, who.actorId, who.username, e.comment ?? null]);
}

export interface PackEventRow {
  barcode: string;
  at: Date;
  kind: PackEventKind;
  batch_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  resident_id: string | null;
  restocked: boolean | null;
  username: string | null;
  comment: string | null;
}

/** Events of one pack, or of every pack of a batch, in the order they were written. */
export async function packEvents(sql: Sql, communityId: string, by: { barcode: string } | { batchId: string }): Promise<PackEventRow[]> {
  const [cond, value] = 'barcode' in by ? ['e.barcode = $2', by.barcode] : ['e.barcode in (select p.barcode from sterile_pack p where p.community_id = $1 and p.batch_id = $2)', by.batchId];
  return (await sql.query<PackEventRow>(
    `select e.barcode, e.at, e.kind, e.batch_id, e.organization_id, o.name as organization_name, e.resident_id, e.restocked, e.username, e.comment
       from sterile_pack_event e left join organization o on o.community_id = e.community_id and o.id = e.organization_id
      where e.community_id = $1 and ${cond} order by e.barcode, e.id`, [communityId, value])).rows;
}

/**
 * docs/domain/sterile-supply.md "Pack states" (expire): packs in circulation past their last day
 * of use become expired, each with its event — one community, one statement.
 */
export async function expireDuePacks(sql: Sql, communityId: string, today: string, now: Date): Promise<number> {
  const r = await sql.query(
    `with due as (
       update sterile_pack set status = 'expired', updated_at = $3
        where community_id = $1 and status in ('sterilised', 'released', 'delivered') and expires_on < $2::date
        returning community_id, barcode, organization_id)
     insert into sterile_pack_event (community_id, barcode, at, kind, organization_id, username, comment)
     select community_id, barcode, $3, 'expired', organization_id, '系统', '超过有效期' from due`,
    [communityId, today, now]);
  return r.rowCount;
}

export async function communitiesWithCentre(sql: Sql): Promise<string[]> {
  return (await sql.query<{ community_id: string }>('select distinct community_id from sterile_centre')).rows.map((r) => r.community_id);
}
