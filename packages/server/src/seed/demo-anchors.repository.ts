import type { Sql } from '../platform/db/database.ts';

/** The organisations the demo accounts attach to: the lead hospital, a township centre with village clinics, one of its clinics. */
export async function demoAnchors(sql: Sql, first: string, second: string) {
  const one = async (q: string, p: unknown[]) => (await sql.query<{ id: string }>(q, p)).rows[0]?.id ?? null;
  const leadHospital = await one(`select id from organization where community_id = $1 and kind = 'lead_hospital'`, [first]);
  const township = await one(
    `select t.id from organization t where t.community_id = $1 and t.kind in ('township_center','community_center')
        and exists (select 1 from organization v join resident r on r.community_id = v.community_id and r.organization_id = v.id
                     where v.community_id = t.community_id and v.parent_id = t.id)
      order by t.name limit 1`, [first]);
  const village = await one(
    `select v.id from organization v where v.community_id = $1 and v.parent_id = $2
        and exists (select 1 from resident r where r.community_id = v.community_id and r.organization_id = v.id) order by v.name limit 1`, [first, township]);
  const secondVillage = await one(
    `select v.id from organization v where v.community_id = $1 and v.kind in ('village_clinic','community_station')
        and exists (select 1 from resident r where r.community_id = v.community_id and r.organization_id = v.id) order by v.name limit 1`, [second]);
  const cardiologist = await one(
    `select p.id from practitioner p join department d on d.community_id = p.community_id and d.id = p.department_id
      where p.community_id = $1 and p.organization_id = $2 and d.code = 'cardiology' order by p.name limit 1`, [first, leadHospital]);
  if (!leadHospital || !township || !village || !secondVillage) throw new Error('demo data lacks a lead hospital, township centre or village clinic with residents');
  return { leadHospital, township, village, secondVillage, cardiologist };
}
