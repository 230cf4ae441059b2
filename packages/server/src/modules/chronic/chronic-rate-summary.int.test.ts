import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SETS, computeChronicRates, type EnrollmentFact, type FollowUpFact } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld } from '../../../test/factories/residents.ts';
import { SUMMARY_MIN_AGE, chronicRatesRawRows, chronicRatesSummaryRows } from './chronic-rates.repository.ts';
import { rebuildRateSummaries, refreshChronicRates, refreshChronicRatesOfResidents } from '../rate-summaries/index.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
type Row = { organizationId: string | null; disease: string; managed: number; standard: number; controlled: number };
const sorted = (rows: Row[]) => [...rows].sort((a, b) => `${a.organizationId}${a.disease}`.localeCompare(`${b.organizationId}${b.disease}`));

/** As-of days that cross every kind of step: year and month edges, leap day, mid-months, and extra days. */
function probeDays(year: number, extra: readonly string[]): string[] {
  const days = [`${year}-01-01`, `${year}-02-28`, `${year}-03-01`, ...Array.from({ length: 12 }, (_, i) => [`${year}-${String(i + 1).padStart(2, '0')}-15`, lastDay(year, i + 1)]).flat()];
  return [...new Set([...days, ...extra.filter((d) => d.startsWith(String(year)))])];
}

describe('chronic rate summary (modules/rate-summaries) after writes', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let vdoc: string;
  const touched: string[] = [];
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    vdoc = await p.login('vdoc');
  });
  afterAll(async () => p.close());

  /** Summary = raw SQL = pure function, per unit, for the community and for the township's subtree, on every probe day. */
  async function expectSummaryExact(years: readonly number[]) {
    const db = p.ctx.db;
    const es = (await db.query<EnrollmentFact & { org: string }>(
      `select e.id, e.disease, e.organization_id as org, r.birth_date::text as "birthDate", e.enrolled_on::text as "enrolledOn", e.ended_on::text as "endedOn"
         from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id where e.community_id = $1`, [w.first.id])).rows;
    const fs = (await db.query<FollowUpFact>(
      `select enrollment_id as "enrollmentId", date::text as date, way, controlled from chronic_follow_up where community_id = $1 order by date, created_at, id`, [w.first.id])).rows;
    const units = (await db.query<{ id: string }>(
      `with recursive t as (select id from organization where community_id = $1 and id = $2 union select o.id from organization o join t on o.community_id = $1 and o.parent_id = t.id) select id from t`,
      [w.first.id, w.townshipId])).rows.map((r) => r.id);
    const orgs = [...new Set(es.map((e) => e.org))];
    for (const year of years) {
      for (const asOf of probeDays(year, touched)) {
        const q = { communityId: w.first.id, organizationIds: null, year, asOf, minAge: SUMMARY_MIN_AGE };
        const pure = orgs.flatMap((org) => (['hypertension', 'diabetes'] as const).map((disease) => {
          const r = computeChronicRates(es.filter((e) => e.org === org), fs, year, asOf, disease);
          return { organizationId: org, disease, managed: r.managed, standard: r.standard, controlled: r.controlled };
        })).filter((r) => r.managed > 0);
        const byUnit = await chronicRatesSummaryRows(db, q, true);
        expect(sorted(byUnit), `${year} as of ${asOf}`).toEqual(sorted(pure));
        expect(sorted(byUnit)).toEqual(sorted(await chronicRatesRawRows(db, q, true)));
        expect(sorted(await chronicRatesSummaryRows(db, q, false))).toEqual(sorted(await chronicRatesRawRows(db, q, false)));
        const unit = { ...q, organizationIds: units };
        expect(sorted(await chronicRatesSummaryRows(db, unit, false))).toEqual(sorted(await chronicRatesRawRows(db, unit, false)));
      }
    }
  }

  async function newPatient(disease: 'hypertension' | 'diabetes', enrolledOn: string) {
    const residents = (await p.call('GET', '/api/v1/residents?limit=200', vdoc)).body.items as { id: string; age: number }[];
    const taken = (await p.ctx.db.query<{ resident_id: string }>(`select resident_id from chronic_enrollment where disease = $1`, [disease])).rows.map((r) => r.resident_id);
    const r = residents.find((x) => x.age >= 40 && x.age < 64 && !taken.includes(x.id))!;
    const e = await p.call('POST', '/api/v1/chronic/enrollments', vdoc, { residentId: r.id, disease, enrolledOn, organizationId: w.villageId });
    expect(e.status).toBe(201);
    touched.push(enrolledOn, addDays(enrolledOn, -1));
    return { enrollmentId: e.body.id as string, residentId: r.id };
  }

  async function followUp(enrollmentId: string, date: string, way: 'clinic' | 'home' | 'phone', sbp: number, id?: string) {
    const r = await p.call('POST', '/api/v1/chronic/followups', vdoc, { id, enrollmentId, date, way, sbp, dbp: 80, symptoms: [], adverseReaction: false, complication: false });
    expect(r.status).toBe(201);
    touched.push(date, addDays(date, -1));
    return r.body.id as string;
  }

  const year = Number(today().slice(0, 4));

  it('uses the minimum age of the default rule set', () => {
    expect(RULE_SETS[DEFAULT_RULE_SET]!.ratesMinAge).toBe(SUMMARY_MIN_AGE);
  });

  it('equals the raw SQL and the pure function on the seeded data, for every probe day of three years', async () => {
    await expectSummaryExact([year - 2, year - 1, year]);
  });

  it('stays exact after new enrolments and follow-ups (same day twice, phone, year edges) through the services', async () => {
    const a = await newPatient('hypertension', `${year - 1}-03-10`);
    // Two on one day: the later recorded is the latest (its id sorts first, so only the recording time can tell).
    await followUp(a.enrollmentId, `${year - 1}-04-02`, 'clinic', 128, 'ffffffff-0000-4000-8000-000000000001');
    await followUp(a.enrollmentId, `${year - 1}-04-02`, 'phone', 165, '00000000-0000-4000-8000-000000000001');
    await followUp(a.enrollmentId, `${year - 1}-12-31`, 'home', 132);
    await followUp(a.enrollmentId, `${year}-01-01`, 'clinic', 150);
    await followUp(a.enrollmentId, today(), 'clinic', 126);
    const b = await newPatient('diabetes', addDays(today(), -20));
    const r = await p.call('POST', '/api/v1/chronic/followups', vdoc, { enrollmentId: b.enrollmentId, date: today(), way: 'clinic', fastingGlucose: 6.1, symptoms: [], adverseReaction: false, complication: false });
    expect(r.status).toBe(201);
    await expectSummaryExact([year - 1, year]);
  });

  it('stays exact after an enrolment ends (moved, died) through the overdue call', async () => {
    const a = await newPatient('hypertension', `${year - 1}-06-20`);
    await followUp(a.enrollmentId, `${year - 1}-07-01`, 'clinic', 128);
    expect((await p.call('POST', `/api/v1/chronic/enrollments/${a.enrollmentId}/calls`, vdoc, { calledOn: today(), outcome: 'moved' })).status).toBe(201);
    const list = (await p.call('GET', '/api/v1/chronic/worklist?kind=overdue', vdoc)).body.items as { id: string }[];
    expect((await p.call('POST', `/api/v1/chronic/enrollments/${list[0]!.id}/calls`, vdoc, { calledOn: `${year}-01-01`, outcome: 'died' })).status).toBe(201);
    touched.push(today(), `${year}-01-01`);
    await expectSummaryExact([year - 1, year]);
  });

  it('stays exact when a follow-up is corrected or deleted, an enrolment is back-dated or a birth date corrected (any write path)', async () => {
    const a = await newPatient('hypertension', `${year - 1}-01-05`);
    const f1 = await followUp(a.enrollmentId, `${year - 1}-02-10`, 'clinic', 128);
    const f2 = await followUp(a.enrollmentId, `${year - 1}-05-10`, 'clinic', 170);
    // No correction service exists yet: a future one writes and then refreshes, as here.
    const c = w.first.id;
    await p.ctx.db.query('update chronic_follow_up set date = $2, controlled = not controlled where community_id = $3 and id = $1', [f1, `${year - 1}-03-31`, c]);
    await p.ctx.db.query('delete from chronic_follow_up where community_id = $2 and id = $1', [f2, c]);
    await p.ctx.db.query('update chronic_enrollment set enrolled_on = $2 where community_id = $3 and id = $1', [a.enrollmentId, `${year - 2}-11-30`, c]);
    await refreshChronicRates(p.ctx.db, c, [a.enrollmentId]);
    // 35th birthday inside the year, and a 29 February birthday (its 35th falls on 1 March).
    await p.ctx.db.query('update resident set birth_date = $2 where community_id = $1 and id = $3', [c, `${year - 36}-06-15`, a.residentId]);
    const b = await newPatient('diabetes', `${year - 4}-06-01`);
    await p.ctx.db.query('update resident set birth_date = $2 where community_id = $1 and id = $3', [c, '1988-02-29', b.residentId]);
    await refreshChronicRatesOfResidents(p.ctx.db, c, [a.residentId, b.residentId]);
    touched.push(`${year - 1}-03-31`, `${year - 1}-06-14`, `${year - 1}-06-15`, '2023-02-28', '2023-03-01');
    await expectSummaryExact([2023, year - 2, year - 1, year]);
  });

  it('keeps incremental deltas equal to a rebuild from the sources', async () => {
    const snapshot = async () => (await p.ctx.db.query(
      `select grain, bucket::text, organization_id, disease, managed, standard, controlled from chronic_rate_delta
        where community_id = $1 and (managed <> 0 or standard <> 0 or controlled <> 0) order by 1, 2, 3, 4`, [w.first.id])).rows;
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(0);
    await rebuildRateSummaries(p.ctx.db, w.first.id, ['chronic']);
    expect(await snapshot()).toEqual(incremental);
  });
});
