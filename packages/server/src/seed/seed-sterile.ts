import { DEFAULT_PACK_CATALOGUE } from '@yigong/domain';
import { createRng } from '@yigong/synth';
import type { Sql } from '../platform/db/database.ts';
import { bulkInsertDemoSterile, bulkUpsertPackType, bulkUpsertSterileCentre } from '../modules/sterile/index.ts';
import { demoSterileRows, type SterileDemoUnit } from './demo-sterile.ts';

/**
 * The sterile supply centre of a community (issue #13 item 6) at its lead hospital with the
 * default pack catalogue (docs/domain/sterile-supply.md "Pack catalogue") and — for the demo
 * county — a month of batches, requests and packs in every state (src/seed/demo-sterile.ts).
 * Storage only; deterministic from the seed.
 */
export async function seedSterile(sql: Sql, communityId: string, seed: number, now: Date, withActivity: boolean): Promise<{ packs: number }> {
  const rng = createRng(seed, 'sterile', communityId);
  const lead = (await sql.query<{ id: string }>(`select id from organization where community_id = $1 and kind = 'lead_hospital' order by id limit 1`, [communityId])).rows[0];
  if (!lead) return { packs: 0 };
  const centreId = rng.uuid();
  await bulkUpsertSterileCentre(sql, { communityId, id: centreId, organizationId: lead.id, name: '消毒供应中心', phone: `0572-8${String(rng.int(100000, 999999))}`, storageMeetsStandard: true });
  for (const t of DEFAULT_PACK_CATALOGUE) await bulkUpsertPackType(sql, communityId, centreId, t);
  if (!withActivity) return { packs: 0 };

  const units = (await sql.query<{ id: string; kind: string; parent_id: string | null; doctor: string | null }>(
    `select o.id, o.kind, o.parent_id, (select p.name from practitioner p where p.community_id = o.community_id and p.organization_id = o.id order by p.name limit 1) as doctor
       from organization o where o.community_id = $1 and o.kind in ('lead_hospital', 'township_center', 'community_center', 'village_clinic', 'community_station') order by o.id`, [communityId])).rows;
  const residents = (await sql.query<{ id: string; organization_id: string }>(
    `select id, organization_id from resident where community_id = $1 and status = 'active' order by id`, [communityId])).rows;
  const byUnit = new Map<string, string[]>();
  for (const r of residents) {
    const list = byUnit.get(r.organization_id) ?? [];
    list.push(r.id);
    byUnit.set(r.organization_id, list);
  }
  // A township centre treats its own residents and those of its village clinics.
  const served = (id: string) => [id, ...units.filter((u) => u.parent_id === id).map((u) => u.id)].flatMap((u) => byUnit.get(u) ?? []);
  const members: SterileDemoUnit[] = units.filter((u) => u.id !== lead.id).map((u) => ({ id: u.id, kind: u.kind, doctor: u.doctor, residents: served(u.id).slice(0, 400) }));
  // Lead-hospital wards operate on residents from anywhere in the county.
  const leadUnit: SterileDemoUnit = { id: lead.id, kind: 'lead_hospital', doctor: units.find((u) => u.id === lead.id)?.doctor ?? null, residents: residents.filter((_, i) => i % 7 === 0).slice(0, 400).map((r) => r.id) };
  const anchors = (await sql.query<{ organization_id: string }>(`select organization_id from app_user where community_id = $1 and username in ('vdoc', 'doctor.town') and organization_id is not null order by username`, [communityId])).rows.map((r) => r.organization_id);
  const rows = demoSterileRows({ communityId, now, rng: rng.fork('month'), centreId, lead: leadUnit, units: members, anchors, catalogue: DEFAULT_PACK_CATALOGUE, storageMeetsStandard: true, operator: '供应室 沈美华', days: 35 });
  await bulkInsertDemoSterile(sql, rows);
  return { packs: rows.packs.length };
}
