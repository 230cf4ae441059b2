import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCapitationBudget, DEFAULT_INSURANCE_POLICY, mergePolicy } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
const last = year - 1;

describe('insurance: policy, budget, settlement, DIP, adjudication (issue #12)', () => {
  let p: TestPlatform;
  let communityId: string;
  let otherCommunityId: string;
  let insurer: string;
  let manager: string;
  beforeAll(async () => {
    p = await openTestPlatform();
    const c = (await p.ctx.db.query<{ community_id: string }>('select community_id from community order by created_at, community_id')).rows;
    communityId = (await p.ctx.db.query<{ community_id: string }>(`select community_id from app_user where username = 'insurer'`)).rows[0]!.community_id;
    otherCommunityId = c.map((x) => x.community_id).find((x) => x !== communityId)!;
    insurer = await p.login('insurer');
    manager = await p.login('manager');
  });
  afterAll(async () => p.close());

  const count = async (table: string) => Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

  it('versions the policy: a bad parameter is a 400 naming it and stores nothing; omitted fields take their defaults', async () => {
    const before = await p.call('GET', `/api/v1/insurance/policies/${communityId}/${last}`, insurer);
    expect(before.status).toBe(200);
    const versions = await count('insurance_policy');
    for (const [body, field] of [
      [{ financing: -1, reason: '测试' }, 'financing'],
      [{ riskReserveRate: 1.5, reason: '测试' }, 'riskReserveRate'],
      [{ retention: [{ minScore: 60, ratio: 0.7 }, { minScore: 90, ratio: 1 }, { minScore: 0, ratio: 0 }], reason: '测试' }, 'retention'],
      [{ budgetShare: 0.9, reason: '测试' }, 'budgetShare'],
    ] as const) {
      const r = await p.call('PUT', `/api/v1/insurance/policies/${communityId}/${last}`, insurer, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain(field);
    }
    expect(await count('insurance_policy')).toBe(versions);
    const put = await p.call('PUT', `/api/v1/insurance/policies/${communityId}/${last}`, insurer, { financing: before.body.financing, financingPrevYear: before.body.financingPrevYear, catastrophicPremium: before.body.catastrophicPremium, accidentPremium: before.body.accidentPremium, overspendFundShare: 0.6, reason: '调整超支分担比例' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: before.body.version + 1, overspendFundShare: 0.6, riskReserveRate: 0.1, budgetShare: 0.95, prepaymentRate: 0.9, levelWeights: { hospital: 6, center: 3, village: 1 }, changedBy: 'insurer', reason: '调整超支分担比例' });
    expect((await p.call('GET', `/api/v1/insurance/policies/${communityId}/${last}`, insurer)).body.version).toBe(before.body.version + 1);
    const audit = await p.ctx.db.query<{ details: { changed: string[] } }>(`select details from audit_log where community_id = $1 and action = 'insurance.policy' order by at desc limit 1`, [communityId]);
    expect(audit.rows[0]!.details.changed).toEqual(['overspendFundShare']);
  });

  it('gives the budget of the policy in force and the outlay of the community residents, in and out of county', async () => {
    const policy = (await p.call('GET', `/api/v1/insurance/policies/${communityId}/${last}`, insurer)).body;
    const r = await p.call('GET', `/api/v1/insurance/budget?communityId=${communityId}&year=${last}`, insurer);
    expect(r.status).toBe(200);
    const expected = computeCapitationBudget(mergePolicy(DEFAULT_INSURANCE_POLICY, policy));
    const raw = (await p.ctx.db.query<{ all: string; out: string }>(
      `select coalesce(sum(fund_paid), 0) as all, coalesce(sum(fund_paid) filter (where out_of_county), 0) as out from encounter
        where community_id = $1 and community_resident and period_month >= make_date($2, 1, 1) and period_month < make_date($2 + 1, 1, 1)`, [communityId, last])).rows[0]!;
    expect(r.body).toMatchObject({ budget: expected.budget, riskReserve: expected.riskReserve, outlay: Number(raw.all), outlayOutOfCounty: Number(raw.out), position: expected.budget - Number(raw.all) });
    expect(r.body.outlay).toBeGreaterThan(0);
    expect(r.body.months).toHaveLength(12);
    expect(r.body.months.at(-1).cumulative).toBe(r.body.outlay);
    expect(r.body.projectionDetail.completedMonths).toBe(12);
  });

  it('refuses a year with no policy with a 400 naming the year, and other communities and units', async () => {
    const none = await p.call('GET', `/api/v1/insurance/budget?communityId=${communityId}&year=2001`, insurer);
    expect(none.status).toBe(400);
    expect(none.body.error.details.field).toBe('year');
    expect((await p.call('GET', `/api/v1/insurance/budget?communityId=${otherCommunityId}&year=${last}`, insurer)).status).toBe(403);
    expect((await p.call('GET', `/api/v1/insurance/budget?communityId=${communityId}&year=${last}`, await p.login('vdoc'))).status).toBe(403);
    expect((await p.call('PUT', `/api/v1/insurance/policies/${communityId}/${last}`, await p.login('regulator'), { reason: '监管不能改' })).status).toBe(403);
    expect((await p.call('GET', `/api/v1/insurance/budget?communityId=${communityId}&year=${last}`, await p.login('regulator'))).status).toBe(200);
  });

  it('settles with given scores: shares add up to the retained amount; the CDC gets none; a second person confirms', async () => {
    const units = (await p.ctx.db.query<{ id: string; kind: string }>('select id, kind from organization where community_id = $1', [communityId])).rows;
    const memberScores = units.map((u, i) => ({ organizationId: u.id, score: 70 + (i % 30) }));
    const r = await p.call('POST', '/api/v1/insurance/settlements', insurer, { communityId, year: last, score: 85, memberScores });
    expect(r.status).toBe(201);
    const s = r.body;
    expect(s).toMatchObject({ status: 'draft', scoreSource: 'request', communityScore: 85 });
    expect(s.budget - s.outlay).toBe(s.difference);
    if (s.difference >= 0) expect(s.retained).toBe(Math.round(s.difference * 0.9));
    expect(s.members.reduce((a: number, m: { share: number }) => a + m.share, 0)).toBe(s.retained);
    for (const m of s.members as { kind: string; level: string | null; share: number }[]) {
      if (m.kind === 'cdc') expect(m).toMatchObject({ level: null, share: 0 });
      if (m.kind === 'village_clinic') expect(m.level).toBe('village');
      if (m.kind === 'township_center') expect(m.level).toBe('center');
    }
    expect((await p.call('POST', `/api/v1/insurance/settlements/${s.id}/confirm`, insurer)).status).toBe(403);
    // The seed confirmed last year's settlement already: one confirmed a year.
    expect((await p.call('POST', `/api/v1/insurance/settlements/${s.id}/confirm`, manager)).status).toBe(409);
    const own = await p.call('POST', '/api/v1/insurance/settlements', manager, { communityId, year });
    expect(own.status).toBe(201);
    expect(own.body.scoreSource).toBe('appraisal');
    expect((await p.call('POST', `/api/v1/insurance/settlements/${own.body.id}/confirm`, manager)).status).toBe(403);
    const draft = (await p.call('GET', `/api/v1/insurance/settlements?communityId=${communityId}&year=${year}`, manager)).body.items.find((x: { preparedBy: string; status: string }) => x.preparedBy === 'insurer' && x.status === 'draft');
    const confirmed = await p.call('POST', `/api/v1/insurance/settlements/${draft.id}/confirm`, manager);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: 'manager' });
    expect((await p.call('POST', `/api/v1/insurance/settlements/${draft.id}/confirm`, manager)).status).toBe(409);
    expect((await p.call('GET', `/api/v1/insurance/settlements/${draft.id}`, await p.login('vdoc2'))).status).toBe(403);
  });

  it('pays DIP points: payments add up to budget − adjustment reserve, one case per in-county inpatient discharge', async () => {
    const r = await p.call('POST', '/api/v1/insurance/dip/point-value', insurer, { communityId, referenceYear: last, period: String(year), budget: 123_456_789, adjustmentReserve: 3_456_789 });
    expect(r.status).toBe(200);
    const cases = Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from encounter where community_id = $1 and type = 'inpatient' and not out_of_county and period_month >= make_date($2, 1, 1) and period_month < make_date($2 + 1, 1, 1)`, [communityId, year])).rows[0]!.n);
    expect(r.body.cases).toBe(cases);
    expect(r.body.members.reduce((a: number, m: { payment: number }) => a + m.payment, 0)).toBe(120_000_000);
    expect(r.body.members.reduce((a: number, m: { cases: number }) => a + m.cases, 0)).toBe(cases);
    expect(r.body.pointValue).toBeCloseTo(120_000_000 / r.body.totalPoints, 9);
  });

  it('pays DRG: outliers by item, the rest at the base rate, adding up to the budget; CMI = Σ RW ÷ cases', async () => {
    const r = await p.call('POST', '/api/v1/insurance/drg/base-rate', insurer, { communityId, referenceYear: last, period: String(year), budget: 98_765_432 });
    expect(r.status).toBe(200);
    const raw = (await p.ctx.db.query<{ n: string; w: number }>(`select count(*) as n, sum(drg_weight)::float8 as w from encounter where community_id = $1 and type = 'inpatient' and not out_of_county and drg_code is not null and period_month >= make_date($2, 1, 1) and period_month < make_date($2 + 1, 1, 1)`, [communityId, year])).rows[0]!;
    expect(r.body.cases).toBe(Number(raw.n));
    expect(r.body.cmi).toBeCloseTo(raw.w / Number(raw.n), 9);
    expect(r.body.members.reduce((a: number, m: { payment: number }) => a + m.payment, 0)).toBe(98_765_432);
    expect((await p.call('POST', '/api/v1/insurance/drg/base-rate', insurer, { communityId, referenceYear: 2001, period: String(year), budget: 1 })).body.error.details.field).toBe('referenceYear');
  });

  it('adjudicates: out-of-county inpatient care without an approved referral is reimbursed lower, and says so', async () => {
    const base = { orgCode: '浙江大学医学院附属第一医院', outOfCounty: true, type: 'inpatient', start: `${last}-05-01`, end: `${last}-05-10`, totalCost: 2_000_000, scheme: 'resident' };
    const r = await p.call('POST', '/api/v1/insurance/adjudicate', insurer, { ...base, communityId });
    expect(r.status).toBe(200);
    // Default resident out-of-county inpatient row: deductible 1,000 yuan, 65 % lowered by 10 points to 55 %.
    expect(r.body).toMatchObject({ deductible: 100_000, eligible: 2_000_000, ratio: 0.55, fundPaid: Math.round((2_000_000 - 100_000) * 0.55), referral: 'none', level: 'out_of_county' });
    expect(r.body.fundPaid + r.body.outOfPocket).toBe(2_000_000);
    expect(r.body.rule.join('\n')).toContain('县外住院未经转诊');
    expect((await p.call('POST', '/api/v1/insurance/adjudicate', insurer, { ...base, communityId, totalCost: -5 })).status).toBe(400);
  });
});
