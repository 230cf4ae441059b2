import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';
import { recomputeAggregates } from '../indicators/index.ts';

describe('encounter ingest and indicators (docs/domain/encounters.md, docs/domain/indicators.md)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let manager: string;
  let codes: { lead: string; village: string };
  let residents: string[];
  const outsider = validIdNumber('19700101', '110105', 321);

  const ingest = async (lines: unknown[], token = manager, type = 'application/x-ndjson') => {
    const payload = type === 'text/csv' ? (lines as string[]).join('\n') : lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
    const r = await p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };
  const indicators = async (period = '2024-03', organizationId?: string) =>
    (await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=${period}${organizationId ? `&organizationId=${organizationId}` : ''}`, manager)).body;
  const value = (body: { values: { code: string; value: number | null }[] }, code: string) => body.values.find((v) => v.code === code)?.value;

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    manager = await p.login('manager');
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}`, manager)).body.items as { id: string; code: string; kind: string }[];
    codes = { lead: orgs.find((o) => o.kind === 'lead_hospital')!.code, village: orgs.find((o) => o.id === w.villageId)!.code };
    residents = [];
    for (const birth of ['19500101', '19600202', '19700303']) {
      const idNumber = validIdNumber(birth);
      await p.call('POST', '/api/v1/residents', manager, residentBody(w.first.id, w.villageId, { idNumber, name: '就诊测试' }));
      residents.push(idNumber);
    }
  });
  afterAll(async () => p.close());

  const base = (o: Record<string, unknown>): Record<string, unknown> => ({ source: 'HIS-LH', orgCode: codes.lead, outOfCounty: false, residentIdNumber: residents[0], type: 'outpatient', start: '2024-03-04', diagnoses: [{ code: 'I10', primary: true }], totalCost: 10000, fundPaid: 6000, outOfPocket: 3000, ...o });
  const fixture = (): Record<string, unknown>[] => [
    base({ id: 'a', type: 'inpatient', start: '2024-03-01', end: '2024-03-06', procedures: [{ code: 'x', grade: 3 }], drg: { code: 'ES1', weight: 1.2 }, totalCost: 800000, fundPaid: 560000, outOfPocket: 200000 }),
    base({ id: 'b', orgCode: 'TBD', type: 'inpatient', start: '2024-03-10', end: '2024-03-10', residentIdNumber: residents[1], totalCost: 200000, fundPaid: 140000, outOfPocket: 50000 }),
    base({ id: 'c', source: 'insurance', orgCode: '浙江大学医学院附属第一医院', outOfCounty: true, type: 'inpatient', start: '2024-03-02', end: '2024-03-12', residentIdNumber: residents[2], diagnoses: [{ code: 'C34.9', primary: true }], totalCost: 3000000, fundPaid: 1800000, outOfPocket: 1100000 }),
    base({ id: 'd', orgCode: codes.village }),
    base({ id: 'e', orgCode: codes.village, type: 'emergency' }),
    base({ id: 'f' }),
    base({ id: 'g', residentIdNumber: outsider }),
  ];

  it('stores good lines, reports bad ones by line number, and computes the hand-checked values', async () => {
    const rows = fixture();
    rows[1] = { ...rows[1], orgCode: codes.village };
    const bad = [
      '{not json',
      base({ id: 'x1', residentIdNumber: residents[0]!.slice(0, 17) + (residents[0]!.endsWith('0') ? '1' : '0') }),
      base({ id: 'x2', orgCode: 'NOPE' }),
      base({ id: 'x3', diagnoses: [{ code: 'Q99', primary: false }] }),
      base({ id: 'x4', fundPaid: 9000, outOfPocket: 3000 }),
    ];
    const r = await ingest([...rows, ...bad]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 7, duplicates: 0, rejected: 5 });
    expect(r.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [8, 'INVALID_JSON'], [9, 'INVALID_ID_NUMBER'], [10, 'UNKNOWN_ORGANIZATION'], [11, 'INVALID_RECORD'], [12, 'INVALID_COSTS'],
    ]);
    const v = await indicators();
    expect(value(v, 'county_inpatient_rate')).toBeCloseTo(2 / 3, 10);
    expect(value(v, 'out_transfer_rate')).toBeCloseTo(1 / 3, 10);
    expect(value(v, 'grassroots_visit_rate')).toBeCloseTo(2 / 4, 10);
    expect(value(v, 'avg_length_of_stay')).toBe(3);
    expect(value(v, 'cmi')).toBeCloseTo(1.2, 10);
    expect(v.values.find((x: { code: string }) => x.code === 'top_out_county_diseases').items).toEqual([{ icd3: 'C34', name: expect.any(String), count: 1, share: 1 }]);
  });

  it('changes nothing when a batch is re-sent, and lets a corrected record replace the old one', async () => {
    const before = await indicators();
    const rows = fixture();
    rows[1] = { ...rows[1], orgCode: codes.village };
    const again = await ingest(rows);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 7, rejected: 0 });
    expect(await indicators()).toEqual(before);
    const corrected = await ingest([{ ...rows[0], end: '2024-03-08' }]);
    expect(corrected.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(value(await indicators(), 'avg_length_of_stay')).toBe((7 + 1) / 2);
    expect((await p.ctx.db.query(`select 1 from encounter where source = 'HIS-LH' and id = 'a'`)).rowCount).toBe(1);
  });

  it('takes CSV with the same fields', async () => {
    const r = await ingest([
      'id,source,orgCode,outOfCounty,residentIdNumber,type,start,end,diagnoses,procedures,totalCost,fundPaid,outOfPocket,drg',
      `h,HIS-VC,${codes.village},false,${residents[0]},outpatient,2024-04-02,,I10;E11.9,,5000,3000,1000,`,
      `i,HIS-LH,${codes.lead},false,${residents[1]},inpatient,2024-04-01,2024-04-05,I63.9,p1:4,900000,600000,200000,ES1:1.5`,
    ], manager, 'text/csv');
    expect(r.body).toMatchObject({ accepted: 2, rejected: 0 });
    const v = await indicators('2024-04');
    expect(value(v, 'grade34_surgery_share')).toBe(1);
  });

  it('reads an NDJSON file that starts with a byte-order mark', async () => {
    const r = await ingest(['\uFEFF' + JSON.stringify(base({ id: 'bom-1', start: '2024-04-03' }))]);
    expect(r.body).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('gives identical values after a full recompute', async () => {
    const before = [await indicators('2024'), await indicators('2024-Q1'), await indicators('2024-03', w.villageId)];
    await recomputeAggregates(p.ctx, w.first.id);
    expect([await indicators('2024'), await indicators('2024-Q1'), await indicators('2024-03', w.villageId)]).toEqual(before);
  });

  it('serves the trend and the unit ranking in one request each, equal to the single-period values', async () => {
    const strip = (vs: { code: string }[]) => vs.filter((v) => !['top_out_county_diseases'].includes(v.code));
    const series = (await p.call('GET', `/api/v1/indicators/series?communityId=${w.first.id}&from=2024-02&to=2024-04`, manager)).body;
    expect(series.months.map((m: { period: string }) => m.period)).toEqual(['2024-02', '2024-03', '2024-04']);
    for (const m of series.months) {
      const single = (await indicators(m.period)).values as { code: string; module?: boolean }[];
      expect(m.values).toEqual(strip(single).filter((v) => m.values.some((x: { code: string }) => x.code === v.code)));
      expect(m.values.length).toBeGreaterThan(5);
    }
    const unitSeries = (await p.call('GET', `/api/v1/indicators/series?communityId=${w.first.id}&organizationId=${w.villageId}&from=2024-03&to=2024-03`, manager)).body;
    expect(unitSeries.months[0].values).toEqual((await indicators('2024-03', w.villageId)).values);
    const ranking = (await p.call('GET', `/api/v1/indicators/by-unit?communityId=${w.first.id}&period=2024-Q1`, manager)).body;
    expect(ranking.units.length).toBeGreaterThanOrEqual(2);
    for (const u of ranking.units) expect(u.values).toEqual((await indicators('2024-Q1', u.organizationId)).values);
    expect((await p.call('GET', `/api/v1/indicators/series?communityId=${w.first.id}&from=2024-05&to=2024-01`, manager)).status).toBe(400);
    expect((await p.call('GET', `/api/v1/indicators/series?communityId=${w.first.id}&from=2019-01&to=2024-12`, manager)).status).toBe(400);
    const vdoc2 = await p.login('vdoc2');
    expect((await p.call('GET', `/api/v1/indicators/series?communityId=${w.first.id}&from=2024-01&to=2024-03`, vdoc2)).status).toBe(403);
    expect((await p.call('GET', `/api/v1/indicators/by-unit?communityId=${w.first.id}&period=2024`, vdoc2)).status).toBe(403);
  });

  it('lists the definitions as data with their version', async () => {
    const defs = (await p.call('GET', '/api/v1/indicators/definitions', manager)).body.items as Record<string, unknown>[];
    const codes = defs.map((d) => d.code);
    for (const c of ['county_inpatient_rate', 'county_visit_rate', 'out_transfer_rate', 'grassroots_visit_rate', 'avg_length_of_stay', 'out_of_pocket_share', 'cmi', 'signing_rate', 'chronic_standard_mgmt_rate']) expect(codes).toContain(c);
    for (const d of defs) expect(d).toMatchObject({ code: expect.any(String), name_zh: expect.any(String), name_en: expect.any(String), version: expect.any(String), source: expect.any(String) });
    expect(defs.find((d) => d.code === 'grassroots_visit_rate')).toMatchObject({ numerator: ['op_em_grassroots'], denominator: ['op_em'], direction: 'up', target: 0.65, unit: 'ratio' });
  });

  it('keeps senders to their rights: a village doctor cannot ingest, the insurer only out-of-county care', async () => {
    expect((await ingest([base({ id: 'z' })], await p.login('vdoc'))).status).toBe(403);
    const insurer = await ingest([base({ id: 'z1' }), base({ id: 'z2', source: 'insurance', outOfCounty: true, orgCode: '上海瑞金医院', type: 'inpatient', start: '2024-05-01', end: '2024-05-03' })], await p.login('insurer'));
    expect(insurer.body).toMatchObject({ accepted: 1, rejected: 1, errors: [{ line: 1, code: 'NOT_ALLOWED' }] });
    expect((await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=2024`, await p.login('vdoc2'))).status).toBe(403);
    expect((await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=2024`, await p.login('regulator'))).status).toBe(200);
  });

  it('lets a unit’s integration account send only its own and its village clinics’ encounters', async () => {
    const his = await p.login('his.town');
    const { rows: [acct] } = await p.ctx.db.query<{ organization_id: string }>(`select organization_id from app_user where username = 'his.town'`);
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}`, manager)).body.items as { id: string; code: string; parentId: string | null }[];
    const township = orgs.find((o) => o.id === acct!.organization_id)!;
    const clinic = orgs.find((o) => o.parentId === township.id)!;
    const r = await ingest([
      base({ id: 'his-1', source: township.code, orgCode: township.code }),
      base({ id: 'his-2', source: township.code, orgCode: clinic.code }),
      base({ id: 'his-3', source: township.code, orgCode: codes.lead }),
      base({ id: 'his-4', source: 'HIS-LH', orgCode: township.code }),
      base({ id: 'his-5', source: township.code, orgCode: '浙江省人民医院', outOfCounty: true }),
    ], his);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 3 });
    expect(r.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, 'NOT_ALLOWED'], [4, 'NOT_ALLOWED'], [5, 'NOT_ALLOWED']]);
    expect((await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=2024`, his)).status).toBe(403);
    expect((await p.call('GET', '/api/v1/residents', his)).status).toBe(403);
    const other = (await p.call('GET', '/api/v1/communities', await p.login('admin'))).body.items.find((c: { id: string }) => c.id !== w.first.id);
    const elsewhere = await p.app.inject({ method: 'POST', url: `/api/v1/encounters:ingest?communityId=${other.id}`, headers: { authorization: `Bearer ${his}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(base({ id: 'his-6', source: township.code, orgCode: township.code })) });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('FHIR Bundle ingest', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('maps Encounter + Condition + Procedure + Claim to the same record', async () => {
    const w = await demoWorld(p);
    const manager = await p.login('manager');
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, manager)).body.items[0];
    const idNumber = validIdNumber('19551111');
    await p.call('POST', '/api/v1/residents', manager, residentBody(w.first.id, w.villageId, { idNumber, name: '病案测试' }));
    const bundle = {
      resourceType: 'Bundle', type: 'collection', entry: [
        { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', identifier: [{ system: 'urn:yigong:source:HIS-LH', value: 'fhir-1' }], status: 'finished', class: { code: 'IMP' },
          period: { start: '2024-06-01', end: '2024-06-05' }, serviceProvider: { identifier: { value: lead.code } }, subject: { identifier: { value: idNumber } },
          diagnosis: [{ condition: { reference: 'urn:uuid:c1' }, rank: 1 }, { condition: { reference: 'urn:uuid:c2' }, rank: 2 }] } },
        { fullUrl: 'urn:uuid:c1', resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I63.9' }] } } },
        { fullUrl: 'urn:uuid:c2', resource: { resourceType: 'Condition', code: { coding: [{ code: 'I10' }] } } },
        { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Procedure', encounter: { reference: 'urn:uuid:e1' }, code: { coding: [{ code: '00.66' }] }, extension: [{ url: 'urn:yigong:surgery-grade', valueInteger: 4 }] } },
        { fullUrl: 'urn:uuid:cl1', resource: { resourceType: 'Claim', item: [{ encounter: [{ reference: 'urn:uuid:e1' }] }], total: { value: 12000.5, currency: 'CNY' },
          extension: [{ url: 'urn:yigong:fund-paid', valueMoney: { value: 8000 } }, { url: 'urn:yigong:out-of-pocket', valueMoney: { value: 3000 } }] } },
      ],
    };
    const r = await p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle) });
    expect(JSON.parse(r.body)).toMatchObject({ accepted: 1, rejected: 0 });
    const row = (await p.ctx.db.query<{ type: string; total_cost: number; primary_icd3: string; procedures: unknown }>(`select type, total_cost::int, primary_icd3, procedures from encounter where id = 'fhir-1'`)).rows[0];
    expect(row).toMatchObject({ type: 'inpatient', total_cost: 1200050, primary_icd3: 'I63', procedures: [{ code: '00.66', grade: 4 }] });
  });
});

describe('an ingest cut off half-way (docs/domain/encounters.md: a batch is never half-stored)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('stores none of the batch, and the re-sent batch once', async () => {
    const { ingestEncounters } = await import('./ingest.service.ts');
    // Small chunks: several are written and several in flight when the cut comes.
    const chunks = { first: 40, rest: 100 };
    const w = await demoWorld(p);
    const manager = await p.login('manager');
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, manager)).body.items[0];
    const actor = { userId: '00000000-0000-4000-8000-0000000000aa', username: 'manager', role: 'manager' as const, organizationId: null, scope: { kind: 'community' as const, communityId: w.first.id }, organizationIds: [] };
    const total = 1_120;
    const records = Array.from({ length: total }, (_, i) => ({ id: `cut-${i}`, source: 'HIS-CUT', orgCode: lead.code, outOfCounty: false, residentIdNumber: validIdNumber('19600101', '330521', i % 1000), type: 'outpatient', start: '2024-02-03', diagnoses: [{ code: 'J06.9', primary: true }], totalCost: 5000, fundPaid: 3000, outOfPocket: 1000 }));
    async function* cutAfter(n: number) {
      for (const [i, r] of records.entries()) {
        if (i === n) throw new Error('connection lost');
        yield { line: i + 1, value: r };
      }
    }
    async function* all() {
      for (const [i, r] of records.entries()) yield { line: i + 1, value: r };
    }
    const indicators = async () => (await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=2024-02`, manager)).body;
    const before = await indicators();
    // Eight chunks were written inside the batch's transaction before the cut: none of it may stay.
    await expect(ingestEncounters(p.ctx, actor, w.first.id, cutAfter(1_050), chunks)).rejects.toThrow(/connection lost/);
    const stored = async () => Number((await p.ctx.db.query<{ n: number }>(`select count(*)::int as n from encounter where source = 'HIS-CUT'`)).rows[0]!.n);
    expect(await stored()).toBe(0);
    expect(await indicators()).toEqual(before);
    const again = await ingestEncounters(p.ctx, actor, w.first.id, all(), chunks);
    expect(again).toMatchObject({ accepted: total, duplicates: 0, rejected: 0 });
    expect(await stored()).toBe(total);
    const after = await indicators();
    const visits = (b: { values: { code: string; denominator: number }[] }) => b.values.find((v) => v.code === 'outpatient_cost_per_visit')!.denominator;
    expect(visits(after) - visits(before)).toBe(total);
    expect(await ingestEncounters(p.ctx, actor, w.first.id, all())).toMatchObject({ accepted: 0, duplicates: total });
    await recomputeAggregates(p.ctx, w.first.id);
    expect(await indicators()).toEqual(after);
  });
});

describe('indicators from the other modules', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('reports referrals, signing and chronic rates beside the encounter indicators, equal to their own endpoints', async () => {
    const w = await demoWorld(p);
    const manager = await p.login('manager');
    const vdoc = await p.login('vdoc');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0];
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', vdoc)).body.items[0];
    await p.call('POST', '/api/v1/referrals', vdoc, { residentId: resident.id, direction: 'up', toOrganizationId: lead.id, priority: 'routine', reason: '复查', diagnoses: [{ code: 'I10', primary: true }] });
    const v = (await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=${today.slice(0, 7)}`, manager)).body.values as { code: string; value: number | null; numerator: number; denominator: number; status: string }[];
    const get = (code: string) => v.find((x) => x.code === code)!;
    expect(get('up_referrals').numerator).toBeGreaterThanOrEqual(1);
    const signing = (await p.call('GET', `/api/v1/family-doctor/rates?communityId=${w.first.id}&asOf=${today}`, manager)).body;
    expect(get('signing_rate')).toMatchObject({ numerator: signing.signed, denominator: signing.residents });
    expect(get('key_population_signing_rate').value).toBeCloseTo(signing.keySigningRate, 10);
    const chronic = (await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&year=${today.slice(0, 4)}&asOf=${today}`, manager)).body;
    expect(get('chronic_standard_mgmt_rate')).toMatchObject({ numerator: chronic.combined.standard, denominator: chronic.combined.managed });
    expect(get('htn_control_rate').value).toBeCloseTo(chronic.hypertension.controlRate, 10);
    expect(['green', 'amber', 'red']).toContain(get('chronic_standard_mgmt_rate').status);
  });
});

describe('two senders posting the same new batch at once', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('stores and counts it once: one is accepted, the other sees duplicates', async () => {
    const w = await demoWorld(p);
    const manager = await p.login('manager');
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, manager)).body.items[0];
    const n = 1200;
    const body = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `twin-${i}`, source: 'HIS-TWIN', orgCode: lead.code, outOfCounty: false, residentIdNumber: validIdNumber('19660606', '330521', i % 1000), type: 'outpatient', start: '2024-01-15', diagnoses: [{ code: 'J20.9', primary: true }], totalCost: 4000, fundPaid: 2000, outOfPocket: 1000 })).join('\n');
    const visits = async () => (await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=2024-01`, manager)).body.values.find((v: { code: string }) => v.code === 'outpatient_cost_per_visit').denominator as number;
    const before = await visits();
    const post = () => p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/x-ndjson' }, payload: body }).then((r) => JSON.parse(r.body));
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.accepted + b.accepted).toBe(n);
    expect(a.duplicates + b.duplicates).toBe(n);
    expect((await visits()) - before).toBe(n);
    expect((await p.ctx.db.query<{ n: number }>(`select count(*)::int as n from encounter where source = 'HIS-TWIN'`)).rows[0]!.n).toBe(n);
  });
});
