import type { Sql } from '../platform/db/database.ts';

/**
 * Demo vital signs so record charts are not empty: four quarterly blood pressures for residents
 * with hypertension and four fasting glucoses for those with type-2 diabetes, over the past year.
 * Values are deterministic (hashed from the resident id) and clinically plausible: most
 * controlled, some not (issue #4 replaces this with real follow-ups).
 */
export async function seedObservations(sql: Sql, communityId: string, asOf: string): Promise<number> {
  const bp = await sql.query(
    `insert into observation (community_id, id, resident_id, kind, value, value2, unit, observed_at, organization_id)
     select r.community_id, md5(r.id::text || 'bp' || n)::uuid, r.id, 'blood_pressure',
            118 + abs(hashtext(r.id::text || 's' || n)) % 48, 72 + abs(hashtext(r.id::text || 'd' || n)) % 26, 'mmHg',
            ($2::date - (n * 91 + abs(hashtext(r.id::text)) % 60) * interval '1 day') + interval '1 hour' * (abs(hashtext(r.id::text || n)) % 8),
            r.organization_id
       from resident r cross join generate_series(0, 3) n
      where r.community_id = $1 and exists (select 1 from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.icd10_code like 'I1%')
     on conflict do nothing`,
    [communityId, asOf],
  );
  const glu = await sql.query(
    `insert into observation (community_id, id, resident_id, kind, value, unit, observed_at, organization_id)
     select r.community_id, md5(r.id::text || 'glu' || n)::uuid, r.id, 'fasting_glucose',
            round((5.2 + (abs(hashtext(r.id::text || 'g' || n)) % 45) / 10.0)::numeric, 1), 'mmol/L',
            ($2::date - (n * 91 + abs(hashtext(r.id::text)) % 60) * interval '1 day') + interval '2 hours',
            r.organization_id
       from resident r cross join generate_series(0, 3) n
      where r.community_id = $1 and exists (select 1 from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.icd10_code like 'E11%')
     on conflict do nothing`,
    [communityId, asOf],
  );
  return bp.rowCount + glu.rowCount;
}
