import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeChronicRates, combineRates, signingRates, type EnrollmentFact, type FollowUpFact } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld } from '../../../test/factories/residents.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('chronic disease management (docs/domain/chronic.md)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let vdoc: string;
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    vdoc = await p.login('vdoc');
  });
  afterAll(async () => p.close());

  async function newPatient(disease: 'hypertension' | 'diabetes') {
    const residents = (await p.call('GET', '/api/v1/residents?limit=200', vdoc)).body.items as { id: string; age: number }[];
    const existing = (await p.ctx.db.query<{ resident_id: string }>(`select resident_id from chronic_enrollment where disease = $1`, [disease])).rows.map((r) => r.resident_id);
    const r = residents.find((x) => x.age >= 40 && x.age < 64 && !existing.includes(x.id))!;
    const e = await p.call('POST', '/api/v1/chronic/enrollments', vdoc, { residentId: r.id, disease, enrolledOn: '2024-01-10', organizationId: w.villageId });
    expect(e.status).toBe(201);
    return e.body.id as string;
  }

  it('classifies a follow-up of BP 185/112 as an urgent referral with a green-channel proposal', async () => {
    const id = await newPatient('hypertension');
    const r = await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: id, date: today(), way: 'clinic', sbp: 185, dbp: 112, symptoms: ['severe_headache'], adverseReaction: false, complication: false });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ classification: 'unsatisfactory', nextStep: 'urgent_referral', referralProposal: { direction: 'up', priority: 'green_channel', diagnoses: [{ code: 'I10', primary: true }] } });
    expect(r.body.urgentReasons).toContain('剧烈头痛');
  });

  it('refers after two consecutive unsatisfactory follow-ups and keeps a retried submission single', async () => {
    const id = await newPatient('diabetes');
    const first = await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: id, date: '2025-01-15', way: 'clinic', fastingGlucose: 8.2, symptoms: [], adverseReaction: false, complication: false });
    expect(first.body).toMatchObject({ classification: 'unsatisfactory', nextStep: 'recheck_2w', nextDueDate: '2025-01-29' });
    const body = { id: '0193b6a0-0000-4000-8000-0000000000f1', enrollmentId: id, date: '2025-01-29', way: 'clinic', fastingGlucose: 7.6, symptoms: [], adverseReaction: false, complication: false };
    const second = await p.call('POST', '/api/v1/chronic/followups', vdoc, body);
    expect(second.body).toMatchObject({ classification: 'unsatisfactory', nextStep: 'referral_2w', referralProposal: { priority: 'routine' } });
    const again = await p.call('POST', '/api/v1/chronic/followups', vdoc, body);
    expect(again.body).toMatchObject({ id: body.id, nextStep: 'referral_2w' });
    expect((await p.ctx.db.query('select 1 from chronic_follow_up where enrollment_id = $1', [id])).rowCount).toBe(2);
  });

  it('refuses bad input without writing, and another community', async () => {
    const id = await newPatient('hypertension');
    const before = (await p.ctx.db.query('select 1 from chronic_follow_up')).rowCount;
    expect((await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: id, date: today(), way: 'clinic', sbp: 80, dbp: 120, symptoms: [], adverseReaction: false, complication: false })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: id, date: '2099-01-01', way: 'clinic', sbp: 120, dbp: 80, symptoms: [], adverseReaction: false, complication: false })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: id, date: today(), way: 'video', symptoms: ['itchy'], adverseReaction: false, complication: false })).status).toBe(400);
    const vdoc2 = await p.login('vdoc2');
    expect([403, 404]).toContain((await p.call('POST', '/api/v1/chronic/followups', vdoc2, { enrollmentId: id, date: today(), way: 'clinic', sbp: 120, dbp: 80, symptoms: [], adverseReaction: false, complication: false })).status);
    expect((await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&year=2025`, vdoc2)).status).toBe(403);
    expect((await p.ctx.db.query('select 1 from chronic_follow_up')).rowCount).toBe(before);
  });

  it('puts a patient whose next follow-up has passed on the overdue list, and a call outcome of moved ends the enrolment', async () => {
    const list = await p.call('GET', '/api/v1/chronic/worklist?kind=overdue', vdoc);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const first = list.body.items[0];
    expect(first.days_overdue).toBeGreaterThan(0);
    const call = await p.call('POST', `/api/v1/chronic/enrollments/${first.id}/calls`, vdoc, { calledOn: today(), outcome: 'moved', note: '已迁往杭州' });
    expect(call.status).toBe(201);
    const after = await p.call('GET', '/api/v1/chronic/worklist?kind=overdue', vdoc);
    expect(after.body.items.some((x: { id: string }) => x.id === first.id)).toBe(false);
  });

  it.each([
    ['the current year to date', () => ({ year: Number(today().slice(0, 4)), asOf: today() })],
    ['last full year', () => ({ year: Number(today().slice(0, 4)) - 1, asOf: `${Number(today().slice(0, 4)) - 1}-12-31` })],
  ])('computes the same rates in SQL as the pure function, for the community and for a unit: %s', async (_name, period) => {
    const { year, asOf } = period();
    const manager = await p.login('manager');
    const load = async (orgs: string[] | null) => {
      const es = (await p.ctx.db.query<EnrollmentFact>(
        `select e.id, e.disease, r.birth_date::text as "birthDate", e.enrolled_on::text as "enrolledOn", e.ended_on::text as "endedOn"
           from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id
          where e.community_id = $1 and ($2::uuid[] is null or e.organization_id = any($2))`, [w.first.id, orgs])).rows;
      const fs = (await p.ctx.db.query<FollowUpFact>(
        `select enrollment_id as "enrollmentId", date::text as date, way, controlled from chronic_follow_up where community_id = $1 order by date, created_at, id`, [w.first.id])).rows;
      const h = computeChronicRates(es, fs, year, asOf, 'hypertension');
      const d = computeChronicRates(es, fs, year, asOf, 'diabetes');
      return { hypertension: h, diabetes: d, combined: combineRates(h, d) };
    };
    const sqlCommunity = await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&year=${year}&asOf=${asOf}`, manager);
    expect(sqlCommunity.status).toBe(200);
    const pure = await load(null);
    expect(pure.hypertension.managed).toBeGreaterThan(20);
    expect({ hypertension: sqlCommunity.body.hypertension, diabetes: sqlCommunity.body.diabetes, combined: sqlCommunity.body.combined }).toEqual(pure);
    const unitOrgs = (await p.ctx.db.query<{ id: string }>(
      `with recursive t as (select id from organization where community_id = $1 and id = $2 union select o.id from organization o join t on o.community_id = $1 and o.parent_id = t.id) select id from t`, [w.first.id, w.townshipId])).rows.map((r) => r.id);
    const sqlUnit = await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&organizationId=${w.townshipId}&year=${year}&asOf=${asOf}`, manager);
    const pureUnit = await load(unitOrgs);
    expect({ hypertension: sqlUnit.body.hypertension, diabetes: sqlUnit.body.diabetes, combined: sqlUnit.body.combined }).toEqual(pureUnit);
    if (!asOf.endsWith('-12-31')) return;
    // A full year of demo follow-ups gives plausible rates, not 0 or 100%.
    expect(pure.combined.standardRate).toBeGreaterThan(0.2);
    expect(pure.combined.standardRate).toBeLessThan(0.95);
    expect(pure.combined.controlRate).toBeGreaterThan(0.2);
    expect(pure.combined.controlRate).toBeLessThan(0.95);
  });

  it('computes the same signing rates in SQL as the pure function', async () => {
    const asOf = today();
    const r = await p.call('GET', `/api/v1/family-doctor/rates?communityId=${w.first.id}&asOf=${asOf}`, await p.login('manager'));
    const residents = (await p.ctx.db.query<{ id: string; birthDate: string; problemCodes: string[]; flags: Record<string, unknown> }>(
      `select r.id, r.birth_date::text as "birthDate", r.flags,
              coalesce((select array_agg(p.icd10_code) from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.resolved_date is null), '{}') as "problemCodes"
         from resident r where r.community_id = $1 and r.status = 'active' and r.birth_date <= $2`, [w.first.id, asOf])).rows;
    const contracts = (await p.ctx.db.query<{ residentId: string; startsOn: string; endsOn: string; terminatedOn: string | null }>(
      `select resident_id as "residentId", starts_on::text as "startsOn", ends_on::text as "endsOn", terminated_on::text as "terminatedOn" from fd_contract where community_id = $1`, [w.first.id])).rows;
    const pure = signingRates(residents, contracts, asOf);
    expect(r.body).toMatchObject(pure);
    expect(pure.signingRate).toBeGreaterThan(0.3);
    expect(pure.signingRate).toBeLessThan(0.65);
    expect(pure.keySigningRate).toBeGreaterThan(0.6);
  });
});

describe('long prescriptions (docs/domain/chronic.md)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('allows 12 weeks at the township centre after a recent satisfactory follow-up, and nothing else', async () => {
    const w = await demoWorld(p);
    const town = await p.login('doctor.town');
    const residents = (await p.call('GET', '/api/v1/residents?limit=200', town)).body.items as { id: string; age: number }[];
    const taken = (await p.ctx.db.query<{ resident_id: string }>(`select resident_id from chronic_enrollment where disease = 'hypertension'`)).rows.map((r) => r.resident_id);
    const r = residents.find((x) => x.age >= 40 && x.age < 64 && !taken.includes(x.id))!;
    const e = (await p.call('POST', '/api/v1/chronic/enrollments', town, { residentId: r.id, disease: 'hypertension', enrolledOn: '2024-01-10', organizationId: w.townshipId })).body;
    const rx = { enrollmentId: e.id, weeks: 12, medicines: [{ name: '氨氯地平片', dose: '5mg qd', quantity: 84 }] };
    expect((await p.call('POST', '/api/v1/chronic/prescriptions', town, rx)).status).toBe(400);
    await p.call('POST', '/api/v1/chronic/followups', town, { enrollmentId: e.id, date: today(), way: 'clinic', sbp: 150, dbp: 95, symptoms: [], adverseReaction: false, complication: false });
    const refused = await p.call('POST', '/api/v1/chronic/prescriptions', town, rx);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/控制满意/);
    await p.call('POST', '/api/v1/chronic/followups', town, { enrollmentId: e.id, date: today(), way: 'clinic', sbp: 128, dbp: 80, symptoms: [], adverseReaction: false, complication: false });
    expect((await p.call('POST', '/api/v1/chronic/prescriptions', town, rx)).status).toBe(201);
    expect((await p.call('POST', '/api/v1/chronic/prescriptions', town, { ...rx, weeks: 13 })).status).toBe(400);
    // A village clinic may not issue long prescriptions (400), or the patient is not its own (403).
    expect([400, 403]).toContain((await p.call('POST', '/api/v1/chronic/prescriptions', await p.login('vdoc'), rx)).status);
  });
});

describe('rates by unit', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('adds up to the community figures', async () => {
    const w = await demoWorld(p);
    const manager = await p.login('manager');
    const year = Number(today().slice(0, 4)) - 1;
    const byUnit = await p.call('GET', `/api/v1/chronic/rates/by-unit?communityId=${w.first.id}&year=${year}`, manager);
    const all = await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&year=${year}`, manager);
    const sum = (k: 'managed' | 'standard' | 'controlled') => byUnit.body.items.reduce((a: number, u: any) => a + u.combined[k], 0);
    expect([sum('managed'), sum('standard'), sum('controlled')]).toEqual([all.body.combined.managed, all.body.combined.standard, all.body.combined.controlled]);
    expect((await p.call('GET', '/api/v1/contracts?status=active', await p.login('vdoc'))).body.items.length).toBeGreaterThan(0);
  });
});
