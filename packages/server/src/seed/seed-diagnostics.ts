import { DEFAULT_DIAGNOSTIC_CENTRES, DEFAULT_SERVICE_CATALOGUE } from '@yigong/domain';
import { createRng } from '@yigong/synth';
import type { Sql } from '../platform/db/database.ts';
import { bulkInsertDemoConsultations, bulkInsertDemoOrders, bulkInsertRota, bulkUpsertCentre, bulkUpsertItem } from '../modules/diagnostics/index.ts';
import { demoConsultationRows } from './demo-consultations.ts';
import { demoOrderRows, type DemoOrderContext, type DemoUnit } from './demo-diagnostic-orders.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Midnight in Asia/Shanghai (UTC+8, no daylight saving) of the day `t` falls in. */
function shanghaiMidnight(t: number): number {
  return Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
}

/**
 * The shared centres of a community (issue #13) at its lead hospital: the four centres, the
 * default service catalogue (docs/domain/diagnostics.md "Centres"), the reading rota of the last
 * month and the next week (day shift by the demo reader accounts, nights by the hospital's
 * doctors), and — for the demo county — a month of orders in every status with their results,
 * reports, critical values and recognition outcomes. Storage only; deterministic from the seed.
 */
export async function seedDiagnostics(sql: Sql, communityId: string, seed: number, now: Date, withOrders: boolean): Promise<{ orders: number }> {
  const rng = createRng(seed, 'diagnostics', communityId);
  const lead = (await sql.query<{ id: string; name: string }>(`select id, name from organization where community_id = $1 and kind = 'lead_hospital' order by id limit 1`, [communityId])).rows[0];
  if (!lead) return { orders: 0 };
  const centres = new Map<string, string>();
  for (const c of DEFAULT_DIAGNOSTIC_CENTRES) {
    const id = rng.uuid();
    centres.set(c.code, id);
    await bulkUpsertCentre(sql, { communityId, id, organizationId: lead.id, modality: c.modality, name: c.name, phone: `0572-8${String(rng.int(100000, 999999))}` });
  }
  for (const i of DEFAULT_SERVICE_CATALOGUE) {
    await bulkUpsertItem(sql, communityId, {
      code: i.code, name: i.name, modality: i.modality, centre_id: centres.get(i.centre)!, routine_minutes: i.turnaroundMinutes.routine, urgent_minutes: i.turnaroundMinutes.urgent,
      validity_days: i.validityDays, price_fen: i.priceFen, recognised_by: i.recognisedBy === 'all' ? null : [...i.recognisedBy],
      analytes: (i.analytes ?? []).map((a) => ({ code: a.code, name: a.name, unit: a.unit, ...(a.low !== undefined ? { low: a.low } : {}), ...(a.high !== undefined ? { high: a.high } : {}), ...(a.criticalLow !== undefined ? { criticalLow: a.criticalLow } : {}), ...(a.criticalHigh !== undefined ? { criticalHigh: a.criticalHigh } : {}) })),
      template: { findings: i.template.findingsTemplate, conclusion: i.template.conclusionTemplate },
    });
  }
  const users = new Map((await sql.query<{ username: string; id: string }>(`select username, id from app_user where community_id = $1`, [communityId])).rows.map((u) => [u.username, u.id]));
  const doctors = (await sql.query<{ name: string }>(`select name from practitioner where community_id = $1 and organization_id = $2 order by name limit 12`, [communityId, lead.id])).rows.map((d) => d.name);
  const day0 = shanghaiMidnight(now.getTime());
  const rota = [];
  for (let d = -30; d <= 7; d++) {
    const start = day0 + d * DAY;
    for (const c of DEFAULT_DIAGNOSTIC_CENTRES) {
      const dayReader = c.modality === 'ecg' || c.modality === 'imaging' ? 'reader' : 'reader.lab';
      const night = doctors.length ? doctors[(d + 30 + c.code.length) % doctors.length]! : '值班医师';
      rota.push(
        { id: rng.uuid(), centre_id: centres.get(c.code)!, user_id: users.get(dayReader) ?? null, reader_name: users.has(dayReader) ? dayReader : '值班医师', starts_at: new Date(start + 8 * HOUR), ends_at: new Date(start + 17.5 * HOUR) },
        { id: rng.uuid(), centre_id: centres.get(c.code)!, user_id: null, reader_name: night, starts_at: new Date(start + 17.5 * HOUR), ends_at: new Date(start + 32 * HOUR) },
      );
    }
  }
  await bulkInsertRota(sql, communityId, rota);
  if (!withOrders) return { orders: 0 };

  const units = (await sql.query<DemoUnit>(
    `select o.id, o.kind, o.parent_id, o.name, (select p.name from practitioner p where p.community_id = o.community_id and p.organization_id = o.id order by p.name limit 1) as doctor
       from organization o where o.community_id = $1 and o.kind in ('township_center', 'community_center', 'village_clinic', 'community_station')
      order by o.id`, [communityId])).rows;
  const residents = (await sql.query<{ id: string; organization_id: string; name: string; sex: 'male' | 'female'; birth_date: string }>(
    `select id, organization_id, name, sex, birth_date::text as birth_date from resident where community_id = $1 and organization_id = any($2) order by id`,
    [communityId, units.map((u) => u.id)])).rows;
  const vdocVillage = (await sql.query<{ organization_id: string }>(`select organization_id from app_user where username = 'vdoc'`)).rows[0]?.organization_id ?? null;
  const township = (await sql.query<{ organization_id: string }>(`select organization_id from app_user where username = 'doctor.town'`)).rows[0]?.organization_id ?? null;
  const ctx: DemoOrderContext = {
    communityId, now, rng: rng.fork('orders'), leadHospital: lead, centres, units, residents, users,
    anchors: { village: vdocVillage, township }, catalogue: DEFAULT_SERVICE_CATALOGUE,
  };
  const rows = demoOrderRows(ctx);
  await bulkInsertDemoOrders(sql, rows);
  const byUnit = new Map<string, typeof residents>();
  for (const r of residents) byUnit.set(r.organization_id, [...(byUnit.get(r.organization_id) ?? []), r]);
  const townshipClinics = units.filter((u) => u.parent_id === township).map((u) => u.id);
  await bulkInsertDemoConsultations(sql, demoConsultationRows({
    communityId, now, rng: rng.fork('consultations'), leadHospital: lead.id, users, units: { vdoc: vdocVillage, 'doctor.town': township },
    residentOf: (unit) => { const list = byUnit.get(unit) ?? townshipClinics.flatMap((v) => byUnit.get(v) ?? []); return list[rng.int(0, Math.max(0, list.length - 1))]; },
  }));
  return { orders: rows.orders.length };
}
