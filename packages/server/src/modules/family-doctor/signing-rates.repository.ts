import type { Sql } from '../../platform/db/database.ts';

export interface SigningCounts {
  residents: number;
  signed: number;
  key_population: number;
  key_signed: number;
}

/**
 * docs/domain/indicators.md signing rates as of any date from the summary of migrations/0014: each resident's
 * contribution is a step function of the day (born, contract active, key population), its steps
 * summed per day, month and year; the counts as of t are the sums up to t — year buckets before
 * t's year, month buckets of the year before t's month, day buckets of t's month up to t (≈ 400
 * rows instead of 500k residents). Triggers keep it in the writing transaction for every path,
 * including the residents module's (flags, problems, status), so it equals the raw query (tested).
 */
export async function signingRatesSql(sql: Sql, communityId: string, asOf: string): Promise<SigningCounts> {
  const { rows } = await sql.query<SigningCounts>(
    `select coalesce(sum(residents), 0)::int as residents, coalesce(sum(signed), 0)::int as signed,
            coalesce(sum(key_population), 0)::int as key_population, coalesce(sum(key_signed), 0)::int as key_signed
       from fd_signing_delta
      where community_id = $1
        and ((grain = 'y' and bucket < $2::date) or (grain = 'm' and bucket >= $2::date and bucket < $3::date) or (grain = 'd' and bucket >= $3::date and bucket <= $4::date))`,
    [communityId, `${asOf.slice(0, 4)}-01-01`, `${asOf.slice(0, 7)}-01`, asOf],
  );
  return rows[0]!;
}

/**
 * docs/domain/indicators.md signing rates as of a date, in SQL — the same definition as `signingRates` in
 * packages/domain (tested against it): active residents; a contract active on the day; key
 * population per `deriveKeyPopulationTags` (age ≥ 65, 0–6, maternal window, I10–I15, E11, TB
 * A15–A19, severe mental F20/F22/F25/F31/F06/F70–F79, disabled, poverty, special family planning).
 * A scan of every resident (4 s at county scale): the reference the summary is tested against.
 */
export async function signingRatesRawSql(sql: Sql, communityId: string, asOf: string, organizationIds: readonly string[] | null = null): Promise<SigningCounts> {
  const { rows } = await sql.query<SigningCounts>(
    `with r as (
       select x.id,
              exists (select 1 from fd_contract c where c.community_id = $1 and c.resident_id = x.id
                        and c.starts_on <= $2 and $2 < c.ends_on and (c.terminated_on is null or c.terminated_on > $2)) as signed,
              (x.birth_date <= ($2::date - interval '65 years')::date
               or x.birth_date > ($2::date - interval '7 years')::date
               or ((x.flags->>'pregnancyDueDate') >= $2::text and x.flags->>'deliveryDate' is null)
               or ((x.flags->>'deliveryDate') <= $2::text and $2::date <= ((x.flags->>'deliveryDate')::date + 42))
               or coalesce((x.flags->>'disabled')::boolean, false) or coalesce((x.flags->>'poverty')::boolean, false)
               or coalesce((x.flags->>'specialFamilyPlanning')::boolean, false)
               or exists (select 1 from resident_problem p where p.community_id = $1 and p.resident_id = x.id and p.resolved_date is null
                            and (substr(p.icd10_code, 1, 3) between 'I10' and 'I15' or substr(p.icd10_code, 1, 3) = 'E11'
                                 or substr(p.icd10_code, 1, 3) between 'A15' and 'A19' or substr(p.icd10_code, 1, 3) in ('F20', 'F22', 'F25', 'F31', 'F06')
                                 or substr(p.icd10_code, 1, 3) between 'F70' and 'F79'))) as key_pop
         from resident x where x.community_id = $1 and x.status = 'active' and x.birth_date <= $2 and ($3::uuid[] is null or x.organization_id = any($3)))
     select count(*)::int as residents, count(*) filter (where signed)::int as signed,
            count(*) filter (where key_pop)::int as key_population, count(*) filter (where key_pop and signed)::int as key_signed from r`,
    [communityId, asOf, organizationIds],
  );
  return rows[0]!;
}
