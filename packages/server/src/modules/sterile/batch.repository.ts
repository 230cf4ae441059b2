import type { SteamCycleType, SterilisationMethod } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export type BatchStatus = 'held' | 'released' | 'recalled';

export interface BatchRow {
  community_id: string;
  id: string;
  centre_id: string;
  sterilised_on: string;
  day_seq: number;
  sterilizer_code: string;
  cycle_no: number;
  method: SterilisationMethod;
  steam_cycle_type: SteamCycleType | null;
  started_at: Date;
  ended_at: Date;
  temperature_c: number;
  exposure_minutes: number;
  pressure_kpa: number | null;
  chemical_pass: boolean;
  biological_pass: boolean | null;
  bowie_dick_pass: boolean | null;
  implants: boolean;
  status: BatchStatus;
  hold_reasons: string[];
  operator_name: string;
  released_at: Date | null;
  recalled_at: Date | null;
  recall_reason: string | null;
  recalled_by: string | null;
  pack_counts: Record<string, number> | null;
}

const SELECT = `
  select b.community_id, b.id, b.centre_id, b.sterilised_on::text as sterilised_on, b.day_seq, b.sterilizer_code, b.cycle_no, b.method, b.steam_cycle_type,
         b.started_at, b.ended_at, b.temperature_c::float8 as temperature_c, b.exposure_minutes::float8 as exposure_minutes, b.pressure_kpa::float8 as pressure_kpa,
         b.chemical_pass, b.biological_pass, b.bowie_dick_pass, b.implants, b.status, b.hold_reasons, b.operator_name, b.released_at, b.recalled_at, b.recall_reason, b.recalled_by,
         (select jsonb_object_agg(s.status, s.n) from (select p.status, count(*)::int as n from sterile_pack p where p.community_id = b.community_id and p.batch_id = b.id group by p.status) s) as pack_counts
    from sterile_batch b join sterile_centre c on c.community_id = b.community_id and c.id = b.centre_id`;

export async function findBatch(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<BatchRow | null> {
  if (forUpdate && !(await sql.query('select 1 from sterile_batch where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<BatchRow>(`${SELECT} where b.community_id = $1 and b.id = $2`, [communityId, id])).rows[0] ?? null;
}

export async function findBatchByCycle(sql: Sql, communityId: string, sterilizerCode: string, cycleNo: number): Promise<{ id: string } | null> {
  return (await sql.query<{ id: string }>('select id from sterile_batch where community_id = $1 and sterilizer_code = $2 and cycle_no = $3', [communityId, sterilizerCode, cycleNo])).rows[0] ?? null;
}

export interface BatchFilter {
  communityId: string;
  /** Batches of centres at these units (null: the whole community). */
  centreOrganizationIds: readonly string[] | null;
  status: string | null;
  from: string | null;
  to: string | null;
  limit: number;
}

/** Held ones first (they wait for someone), then newest. */
export async function listBatches(sql: Sql, f: BatchFilter): Promise<BatchRow[]> {
  return (await sql.query<BatchRow>(
    `${SELECT} where b.community_id = $1 and ($2::uuid[] is null or c.organization_id = any($2)) and ($3::text is null or b.status = $3)
        and ($4::date is null or b.sterilised_on >= $4) and ($5::date is null or b.sterilised_on <= $5)
      order by (b.status = 'held') desc, b.started_at desc, b.id limit $6`,
    [f.communityId, f.centreOrganizationIds, f.status, f.from, f.to, f.limit])).rows;
}

/** The next number of a batch that day at the centre (the barcode's 3 digits); the centre row is locked by the caller. */
export async function nextDaySeq(sql: Sql, communityId: string, centreId: string, day: string): Promise<number> {
  return (await sql.query<{ n: number }>('select coalesce(max(day_seq), 0)::int + 1 as n from sterile_batch where community_id = $1 and centre_id = $2 and sterilised_on = $3', [communityId, centreId, day])).rows[0]!.n;
}

export interface NewBatch {
  communityId: string; id: string; centreId: string; sterilisedOn: string; daySeq: number; sterilizerCode: string; cycleNo: number;
  method: SterilisationMethod; steamCycleType: SteamCycleType | null; startedAt: Date; endedAt: Date; temperatureC: number; exposureMinutes: number;
  pressureKpa: number | null; chemicalPass: boolean; biologicalPass: boolean | null; bowieDickPass: boolean | null; implants: boolean;
  status: BatchStatus; holdReasons: string[]; operatorId: string | null; operatorName: string; releasedAt: Date | null; createdAt: Date;
}

export async function insertBatch(sql: Sql, b: NewBatch): Promise<void> {
  await sql.query(
    `insert into sterile_batch (community_id, id, centre_id, sterilised_on, day_seq, sterilizer_code, cycle_no, method, steam_cycle_type, started_at, ended_at,
       temperature_c, exposure_minutes, pressure_kpa, chemical_pass, biological_pass, bowie_dick_pass, implants, status, hold_reasons, operator_id, operator_name, released_at, created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)`,
    [b.communityId, b.id, b.centreId, b.sterilisedOn, b.daySeq, b.sterilizerCode, b.cycleNo, b.method, b.steamCycleType, b.startedAt, b.endedAt, b.temperatureC,
      b.exposureMinutes, b.pressureKpa, b.chemicalPass, b.biologicalPass, b.bowieDickPass, b.implants, b.status, JSON.stringify(b.holdReasons), b.operatorId, b.operatorName, b.releasedAt, b.createdAt]);
}

export async function updateBatch(sql: Sql, communityId: string, id: string, set: { status: BatchStatus; biologicalPass?: boolean; holdReasons: string[]; releasedAt?: Date | null; recalledAt?: Date | null; recallReason?: string | null; recalledBy?: string | null }): Promise<void> {
  await sql.query(
    `update sterile_batch set status = $3, biological_pass = coalesce($4, biological_pass), hold_reasons = $5, released_at = coalesce($6, released_at),
            recalled_at = coalesce($7, recalled_at), recall_reason = coalesce($8, recall_reason), recalled_by = coalesce($9, recalled_by)
      where community_id = $1 and id = $2`,
    [communityId, id, set.status, set.biologicalPass ?? null, JSON.stringify(set.holdReasons), set.releasedAt ?? null, set.recalledAt ?? null, set.recallReason ?? null, set.recalledBy ?? null]);
}

/** The steriliser's cycles (for batchesToRecall): start and biological result of each, not yet recalled ones marked. */
export async function sterilizerHistory(sql: Sql, communityId: string, sterilizerCode: string): Promise<{ id: string; cycle_no: number; started_at: Date; biological_pass: boolean | null; status: BatchStatus }[]> {
  return (await sql.query<{ id: string; cycle_no: number; started_at: Date; biological_pass: boolean | null; status: BatchStatus }>(
    'select id, cycle_no, started_at, biological_pass, status from sterile_batch where community_id = $1 and sterilizer_code = $2 order by started_at, cycle_no',
    [communityId, sterilizerCode])).rows;
}

export async function batchesRecalledBy(sql: Sql, communityId: string, failedId: string): Promise<{ id: string; sterilizer_code: string; cycle_no: number }[]> {
  return (await sql.query<{ id: string; sterilizer_code: string; cycle_no: number }>(
    'select id, sterilizer_code, cycle_no from sterile_batch where community_id = $1 and recalled_by = $2 order by started_at', [communityId, failedId])).rows;
}
