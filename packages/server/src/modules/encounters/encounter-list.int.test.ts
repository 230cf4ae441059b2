import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_DEFINITIONS, contributesTo, drillDownOf } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';

const DIRECTOR_PASSWORD = 'Str0ng!Passw0rd';

interface Value { code: string; numerator: number; denominator: number }
interface Item { id: string; source: string; type: string; residentId: string | null; residentName: string | null; nameMasked: boolean; communityResident: boolean; outOfCounty: boolean; organizationName: string; diagnosisCode: string; diagnosisName: string | null; lengthOfStay: number | null; totalCost: number; contribution: number | null; startDate: string; periodMonth: string }

/** The last full month of the seeded year of encounters (they run to yesterday), its quarter and year. */
function periods(): string[] {
  const d = new Date(Date.now() + 8 * 3_600_000);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const y = last.getUTCFullYear();
  const m = last.getUTCMonth() + 1;
  return [`${y}-${String(m).padStart(2, '0')}`, `${y}-Q${Math.ceil(m / 3)}`, String(y)];
}

describe('the encounters behind an indicator (GET /encounters)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let manager: string;
  let lead: string;
  let township: string;
  const [month, quarter, year] = periods() as [string, string, string];
  /** A manager scoped to one township centre (and its village clinics below it). */
  const director = () => p.login('director.town', DIRECTOR_PASSWORD);
  const auditRows = async () => Number((await p.ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'encounter.list'`)).rows[0]!.n);
  const list = (q: string, token = manager) => p.call('GET', `/api/v1/encounters?communityId=${w.first.id}&${q}`, token);
  const indicators = async (period: string, organizationId?: string) =>
    (await p.call('GET', `/api/v1/indicators?communityId=${w.first.id}&period=${period}${organizationId ? `&organizationId=${organizationId}` : ''}`, manager)).body.values as Value[];

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    manager = await p.login('manager');
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}`, manager)).body.items as { id: string; kind: string }[];
    lead = orgs.find((o) => o.kind === 'lead_hospital')!.id;
    township = w.townshipId;
    const made = await p.call('POST', '/api/v1/accounts', await p.login('admin'), {
      username: 'director.town', password: DIRECTOR_PASSWORD, displayName: '卫生院院长', role: 'manager', scopeKind: 'organization', communityId: w.first.id, organizationId: township,
    });
    expect(made.status).toBe(201);
  });
  afterAll(async () => p.close());

  for (const period of [month, quarter, year]) {
    it(`lists as many encounters as the indicators API counts, community-wide, for ${period}`, async () => {
      const values = await indicators(period);
      expect(values.find((v) => v.code === 'grassroots_visit_rate')!.denominator).toBeGreaterThan(0);
      for (const d of INDICATOR_DEFINITIONS) {
        const v = values.find((x) => x.code === d.code)!;
        for (const part of ['numerator', 'denominator'] as const) {
          const r = await list(`period=${period}&indicator=${d.code}&part=${part}&limit=1`);
          expect(r.status).toBe(200);
          // A count is the list's length; a sum (days, fen, weight) is the sum of its rows' contributions.
          if (!r.body.indicator.weighted) expect([d.code, part, r.body.total]).toEqual([d.code, part, v[part]]);
          expect(r.body.sum).toBe(v[part]);
        }
      }
    });
  }

  for (const period of [month, quarter, year]) {
    it(`lists as many encounters as the indicators API counts for one unit, for ${period}`, async () => {
      for (const unit of [lead, township]) {
        const values = await indicators(period, unit);
        expect(values.find((v) => v.code === 'outpatient_cost_per_visit')!.denominator).toBeGreaterThan(0);
        for (const d of INDICATOR_DEFINITIONS.filter((x) => !x.communityOnly)) {
          const v = values.find((x) => x.code === d.code)!;
          for (const part of ['numerator', 'denominator'] as const) {
            const r = await list(`organizationId=${unit}&period=${period}&indicator=${d.code}&part=${part}&limit=1`);
            expect([d.code, part, r.body.sum]).toEqual([d.code, part, v[part]]);
            if (!r.body.indicator.weighted) expect(r.body.total).toBe(v[part]);
          }
        }
      }
    });
  }

  it('pages newest first through exactly the rows the domain rule selects', async () => {
    const q = `organizationId=${lead}&period=${quarter}&indicator=avg_length_of_stay&part=denominator`;
    const first = await list(`${q}&limit=20&page=1`);
    const second = await list(`${q}&limit=20&page=2`);
    expect(first.body.items).toHaveLength(Math.min(20, first.body.total));
    const rows = [...first.body.items, ...second.body.items] as Item[];
    expect(new Set(rows.map((r) => `${r.source}/${r.id}`)).size).toBe(rows.length);
    const keys = rows.map((r) => `${r.periodMonth}${r.startDate}`);
    expect(keys).toEqual([...keys].sort().reverse());
    for (const r of rows) expect(r).toMatchObject({ type: 'inpatient', organizationName: '德清县人民医院', contribution: 1, diagnosisCode: expect.stringMatching(/^[A-Z]\d{2}/) });
    expect(rows.every((r) => r.lengthOfStay! >= 1 && r.diagnosisName)).toBe(true);
    const stored = (await p.ctx.db.query<{ contrib: Record<string, number> }>(
      `select contrib from encounter where community_id = $1 and organization_id = $2 and period_month between $3 and $4`,
      [w.first.id, lead, `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`, `${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3).padStart(2, '0')}-01`])).rows;
    const dd = drillDownOf('avg_length_of_stay', 'denominator', 'unit');
    if (!dd.ok) throw new Error(dd.problem);
    expect(first.body.total).toBe(stored.filter((s) => contributesTo(s.contrib, dd.value.metrics)).length);
    const beyond = await list(`${q}&limit=20&page=${Math.ceil(first.body.total / 20) + 1}`);
    expect(beyond.body).toMatchObject({ items: [], total: first.body.total });
  });

  it('lists residents’ care out of county for a resident-based indicator, with the outside facility', async () => {
    const r = await list(`period=${year}&indicator=out_transfer_rate&part=numerator&limit=50`);
    expect(r.body.total).toBeGreaterThan(0);
    for (const i of r.body.items as Item[]) expect(i).toMatchObject({ outOfCounty: true, communityResident: true, type: 'inpatient', residentId: expect.any(String), nameMasked: false });
    expect((r.body.items as Item[]).every((i) => i.organizationName.length > 0 && i.residentName)).toBe(true);
  });

  it('lists every encounter of the scope and period without an indicator', async () => {
    const all = await list(`organizationId=${township}&period=${month}&limit=5`);
    const values = await indicators(month, township);
    const get = (c: string) => values.find((v) => v.code === c)!;
    expect(all.body).toMatchObject({ indicator: null, sum: null });
    expect(all.body.total).toBe(get('outpatient_cost_per_visit').denominator + get('avg_length_of_stay').denominator);
  });

  it('shows a non-resident without a name, and masks names for the regulator, who gets no record ids', async () => {
    const idNumber = validIdNumber('19800505', '110105');
    const body = { id: 'list-outsider', source: 'HIS-LH', orgCode: null as string | null, outOfCounty: false, residentIdNumber: idNumber, type: 'outpatient', start: `${month}-03`, diagnoses: [{ code: 'J06.9', primary: true }], totalCost: 5000, fundPaid: 0, outOfPocket: 5000 };
    body.orgCode = (await p.call('GET', `/api/v1/organizations/${lead}`, manager)).body.code;
    const ingest = await p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(body) });
    expect(JSON.parse(ingest.body)).toMatchObject({ accepted: 1 });
    const rows = (await list(`organizationId=${lead}&period=${month}&limit=500`)).body.items as Item[];
    expect(rows.find((r) => r.id === 'list-outsider')).toMatchObject({ communityResident: false, residentId: null, residentName: null, nameMasked: false, diagnosisName: expect.any(String) });
    const seen = await list(`period=${month}&indicator=county_visit_rate&part=denominator&limit=20`, await p.login('regulator'));
    expect(seen.status).toBe(200);
    for (const i of seen.body.items as Item[]) expect(i).toMatchObject({ residentId: null, nameMasked: true, residentName: expect.stringMatching(/^.\*+$/) });
  });

  it('writes one audit row per page shown, naming the residents shown by name', async () => {
    const before = await auditRows();
    const r = await list(`period=${month}&indicator=county_inpatient_rate&part=denominator&limit=10`);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(await auditRows()).toBe(before + 1);
    const row = (await p.ctx.db.query<{ username: string; community_id: string; details: { residentsNamed: string[]; indicator: string; rows: number } }>(
      `select username, community_id, details from audit_log where action = 'encounter.list' order by id desc limit 1`)).rows[0]!;
    expect(row).toMatchObject({ username: 'manager', community_id: w.first.id, details: { indicator: 'county_inpatient_rate', rows: r.body.items.length } });
    expect(row.details.residentsNamed.sort()).toEqual([...new Set((r.body.items as Item[]).map((i) => i.residentId))].sort());
  });

  it('refuses another community, roles without indicator rights, and a unit-scoped account outside its units', async () => {
    const before = await auditRows();
    expect((await list(`period=${month}`, await p.login('vdoc2'))).status).toBe(403);
    expect((await p.call('GET', `/api/v1/encounters?communityId=${w.second.id}&period=${month}`, manager)).status).toBe(403);
    expect((await list(`period=${month}`, await p.login('vdoc'))).status).toBe(403);
    const town = await director();
    expect((await list(`organizationId=${township}&period=${month}&limit=5`, town)).status).toBe(200);
    expect((await list(`organizationId=${w.villageId}&period=${month}&limit=5`, town)).status).toBe(200);
    expect((await list(`organizationId=${lead}&period=${month}`, town)).status).toBe(403);
    expect((await list(`period=${month}`, town)).status).toBe(403);
    expect((await list(`organizationId=${w.secondVillageId}&period=${month}`, town)).status).toBe(403);
    expect(await auditRows()).toBe(before + 2);
  });

  it('answers bad input with a clear 400 and writes nothing', async () => {
    const before = await auditRows();
    const bad = [
      [`period=${month}&indicator=no_such_indicator`, 'unknown_indicator'],
      [`period=${month}&indicator=signing_rate`, 'not_encounter_based'],
      [`organizationId=${lead}&period=${month}&indicator=county_visit_rate`, 'community_only'],
    ] as const;
    for (const [q, problem] of bad) {
      const r = await list(q);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'indicator', problem } });
    }
    for (const q of ['period=2025-13', 'period=25', 'period=2025-Q5', `period=${month}&part=both`, `period=${month}&part=numerator`, `period=${month}&limit=0`, `period=${month}&indicator=DROP%20TABLE`]) {
      const r = await list(q);
      expect([q, r.status, r.body.error.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(r.body.error.message.length).toBeGreaterThan(0);
    }
    expect((await p.call('GET', `/api/v1/encounters?period=${month}`, manager)).status).toBe(400);
    expect(await auditRows()).toBe(before);
  });

  it('masks a resident whose record lies outside a unit-scoped account’s units, and names them for the community manager', async () => {
    const idNumber = validIdNumber('19660606');
    const made = await p.call('POST', '/api/v1/residents', manager, residentBody(w.first.id, lead, { idNumber, name: '冯志远' }));
    expect(made.status).toBe(201);
    const code = (await p.call('GET', `/api/v1/organizations/${township}`, manager)).body.code;
    const rec = { id: 'list-masked', source: 'HIS-TC', orgCode: code, outOfCounty: false, residentIdNumber: idNumber, type: 'outpatient', start: `${month}-04`, diagnoses: [{ code: 'I10', primary: true }], totalCost: 9000, fundPaid: 5000, outOfPocket: 3000 };
    const ingest = await p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(rec) });
    expect(JSON.parse(ingest.body)).toMatchObject({ accepted: 1 });
    const find = async (token: string) => ((await list(`organizationId=${township}&period=${month}&limit=500`, token)).body.items as Item[]).find((i) => i.id === 'list-masked');
    expect(await find(manager)).toMatchObject({ residentId: made.body.id, residentName: '冯志远', nameMasked: false });
    expect(await find(await director())).toMatchObject({ residentId: null, residentName: '冯**', nameMasked: true, communityResident: true });
  });
});
