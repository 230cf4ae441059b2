import type { Sql } from '../../platform/db/database.ts';

/**
 * Copies a resident's record into another community under the same resident id (迁移): the
 * header, problems and observations. Household and grid belong to the old community and stay.
 */
export async function copyRecordToCommunity(sql: Sql, from: string, to: string, id: string, organizationId: string): Promise<void> {
  // Read, then write: the two communities' rows live on different shards, and Citus runs no
  // UPDATE … FROM joining two shards.
  const source = (await sql.query<Record<string, unknown>>(
    `select name, name_pinyin, name_initials, phone, address, insurance_scheme, flags from resident where community_id = $1 and id = $2`, [from, id])).rows[0];
  if (!source) return;
  const returning = await sql.query(
    `update resident set status = 'active', organization_id = $3, grid_id = null, household_id = null, transferred_to = null,
            name = $4, name_pinyin = $5, name_initials = $6, phone = $7, address = $8, insurance_scheme = $9, flags = $10, updated_at = now()
      where community_id = $1 and id = $2`,
    [to, id, organizationId, source.name, source.name_pinyin, source.name_initials, source.phone, source.address, source.insurance_scheme, JSON.stringify(source.flags)],
  );
  if (!returning.rowCount) {
    await sql.query(
      `insert into resident (community_id, id, organization_id, name, name_pinyin, name_initials, sex, birth_date, id_number_enc, id_number_hash,
         id_region, id_tail, phone, address, insurance_scheme, flags, created_by)
       select $2, id, $4, name, name_pinyin, name_initials, sex, birth_date, id_number_enc, id_number_hash, id_region, id_tail, phone, address,
              insurance_scheme, flags, created_by from resident where community_id = $1 and id = $3`,
      [from, to, id, organizationId],
    );
  }
  await sql.query(
    `insert into resident_problem (community_id, id, resident_id, icd10_code, onset_date, resolved_date, source, recorded_by, created_at)
     select $2, id, resident_id, icd10_code, onset_date, resolved_date, 'transfer', recorded_by, created_at
       from resident_problem where community_id = $1 and resident_id = $3 on conflict do nothing`,
    [from, to, id],
  );
  await sql.query(
    `insert into observation (community_id, id, resident_id, kind, value, value2, unit, observed_at, recorded_by, client_recorded_at, created_at)
     select $2, id, resident_id, kind, value, value2, unit, observed_at, recorded_by, client_recorded_at, created_at
       from observation where community_id = $1 and resident_id = $3 on conflict do nothing`,
    [from, to, id],
  );
  await sql.query(`update resident set status = 'transferred_out', transferred_to = $2, updated_at = now() where community_id = $1 and id = $3`, [from, to, id]);
}

/** Merges `loser` into `survivor` (same person, one ID number mistyped): moves clinical rows. */
export async function mergeResident(sql: Sql, communityId: string, survivor: string, loser: string): Promise<void> {
  await sql.query('update resident_problem set resident_id = $2 where community_id = $1 and resident_id = $3', [communityId, survivor, loser]);
  await sql.query('update observation set resident_id = $2 where community_id = $1 and resident_id = $3', [communityId, survivor, loser]);
  await sql.query(`update resident set status = 'merged', merged_into = $2, updated_at = now() where community_id = $1 and id = $3`, [communityId, survivor, loser]);
}

export interface CandidateRow {
  community_id: string;
  resident_a: string;
  resident_b: string;
  status: 'open' | 'linked' | 'kept_apart';
  created_at: Date;
}

export async function listCandidates(sql: Sql, communityIds: readonly string[] | null, regionPrefix: string | null, status: string): Promise<CandidateRow[]> {
  return (await sql.query<CandidateRow>(
    `select d.* from duplicate_candidate d join community c on c.community_id = d.community_id
      where ($1::uuid[] is null or d.community_id = any($1)) and ($2::text is null or c.region_code like $2 || '%') and d.status = $3
      order by d.created_at desc limit 500`,
    [communityIds, regionPrefix, status],
  )).rows;
}

/** A candidate pair of one community, locked (Citus locks only with the community given). */
export async function findCandidate(sql: Sql, communityId: string, a: string, b: string): Promise<CandidateRow | null> {
  return (await sql.query<CandidateRow>('select * from duplicate_candidate where community_id = $1 and resident_a = $2 and resident_b = $3 for update', [communityId, a, b])).rows[0] ?? null;
}

/** Which community a candidate pair belongs to, for callers whose scope spans several. */
export async function candidateCommunity(sql: Sql, a: string, b: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from duplicate_candidate where resident_a = $1 and resident_b = $2', [a, b])).rows[0]?.community_id ?? null;
}

export async function resolveCandidate(sql: Sql, c: CandidateRow, status: 'linked' | 'kept_apart', by: string): Promise<void> {
  await sql.query(
    `update duplicate_candidate set status = $4, resolved_by = $5, resolved_at = now() where community_id = $1 and resident_a = $2 and resident_b = $3`,
    [c.community_id, c.resident_a, c.resident_b, status, by],
  );
}
