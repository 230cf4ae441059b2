import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INDICATOR_DEFINITIONS, indicatorsFromRaw, periodMonths, type ResolvedEncounter } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';

/**
 * Issue #5 "Done when": indicator values equal a straightforward recomputation from the raw
 * encounters (`indicatorsFromRaw`, docs/domain/indicators.md applied directly) on random data sent through
 * the real ingest endpoint — in several batches, with duplicates and corrections — for the
 * community and every unit, by month, quarter and year. 2024 holds no demo data, so the stored
 * encounters of that year are exactly the ones this test sent.
 */
describe('indicators equal the definitions applied to the raw encounters (random data)', () => {
  let p: TestPlatform;
  let manager: string;
  let communityId: string;
  let units: { id: string; code: string; kind: string }[];
  let people: { idNumber: string; communityResident: boolean }[];

  beforeAll(async () => {
    p = await openTestPlatform();
    const w = await demoWorld(p);
    communityId = w.first.id;
    manager = await p.login('manager');
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}&limit=500`, manager)).body.items as { id: string; code: string; kind: string }[];
    units = ['lead_hospital', 'tcm_hospital', 'township_center', 'village_clinic'].flatMap((k) => orgs.filter((o) => o.kind === k).slice(0, 2));
    const own = [];
    for (const birth of ['19400101', '19620505', '19881212', '20200606']) {
      const idNumber = validIdNumber(birth);
      expect((await p.call('POST', '/api/v1/residents', manager, residentBody(communityId, w.villageId, { idNumber, name: '随机测试' }))).status).toBe(201);
      own.push({ idNumber, communityResident: true });
    }
    const elsewhere = (await p.ctx.db.query<{ id_number_enc: string }>('select id_number_enc from resident where community_id = $1 limit 2', [w.second.id])).rows;
    people = [...own, ...elsewhere.map((r) => ({ idNumber: p.ctx.cipher.decrypt(r.id_number_enc), communityResident: false })), { idNumber: validIdNumber('19770707', '110105'), communityResident: false }];
  });
  afterAll(async () => p.close());

  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const encounter = fc.record({
    type: fc.constantFrom('outpatient', 'emergency', 'inpatient') as fc.Arbitrary<ResolvedEncounter['type']>,
    month: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 1, max: 28 }), los: fc.integer({ min: 0, max: 40 }),
    unit: fc.integer({ min: -1, max: 7 }), person: fc.nat(), total: fc.integer({ min: 0, max: 3_000_000 }),
    fundShare: fc.double({ min: 0, max: 1, noNaN: true }), oopShare: fc.double({ min: 0, max: 1, noNaN: true }),
    grades: fc.array(fc.option(fc.integer({ min: 1, max: 4 })), { maxLength: 3 }), drg: fc.option(fc.integer({ min: 1, max: 300 })),
    dx: fc.constantFrom('C34.9', 'C16.9', 'C22.0', 'I63.9', 'J18.9', 'I10', 'K80.2', 'N18.9', 'I21.9', 'C50.9', 'C18.9', 'Q21.1'),
  });
  const scenario = fc.record({
    encounters: fc.array(encounter, { maxLength: 60 }),
    corrections: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3_000_000 })), { maxLength: 8 }),
    batches: fc.integer({ min: 1, max: 3 }),
  });

  let run = 0;
  const stored = new Map<string, ResolvedEncounter>();

  it('for the community and every unit, by month, quarter and year', async () => {
    await fc.assert(fc.asyncProperty(scenario, async (sc) => {
      run++;
      const sent = sc.encounters.map((r, i): ResolvedEncounter => {
        const unit = units[r.unit % units.length] && r.unit >= 0 ? units[r.unit % units.length]! : null;
        const who = people[r.person % people.length]!;
        const start = `2024-0${r.month}-${String(r.day).padStart(2, '0')}`;
        const fundPaid = Math.floor(r.total * r.fundShare);
        return {
          id: `r${run}-${i}`, source: unit ? `HIS-${unit.code}` : 'insurance', orgCode: unit?.code ?? '浙江大学医学院附属第一医院', outOfCounty: !unit,
          residentIdNumber: who.idNumber, type: r.type, start, end: r.type === 'inpatient' ? addDays(start, r.los) : null,
          diagnoses: [{ code: r.dx, primary: true }], procedures: r.grades.map((g, k) => ({ code: `p${k}`, grade: g })),
          totalCost: r.total, fundPaid, outOfPocket: Math.floor((r.total - fundPaid) * r.oopShare), drg: r.drg && r.type === 'inpatient' ? { code: 'ES1', weight: r.drg / 100 } : null,
          organizationId: unit?.id ?? null, organizationKind: unit?.kind ?? null, communityResident: who.communityResident,
        };
      });
      // Corrections of earlier records (changed cost) and exact re-sends of this run's first records.
      const earlier = [...stored.values()];
      const corrected = earlier.length ? sc.corrections.map(([k, total]) => ({ ...earlier[k % earlier.length]!, totalCost: total, fundPaid: 0, outOfPocket: 0 })) : [];
      const lines = [...sent, ...corrected, ...sent.slice(0, 3)];
      const size = Math.ceil(lines.length / sc.batches) || 1;
      for (let b = 0; b * size < lines.length; b++) {
        const batch = lines.slice(b * size, (b + 1) * size);
        const body = batch.map(({ organizationId: _o, organizationKind: _k, communityResident: _c, ...record }) => JSON.stringify(record)).join('\n');
        const r = await p.app.inject({ method: 'POST', url: '/api/v1/encounters:ingest', headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/x-ndjson' }, payload: body });
        expect(JSON.parse(r.body)).toMatchObject({ rejected: 0 });
        for (const e of batch) stored.set(`${e.source}|${e.id}`, e);
      }
      const all = [...stored.values()];
      for (const period of ['2024-01', '2024-02', '2024-03', '2024-Q1', '2024']) {
        const months = periodMonths(period);
        for (const unit of [null, ...units]) {
          const api = (await p.call('GET', `/api/v1/indicators?communityId=${communityId}&period=${period}${unit ? `&organizationId=${unit.id}` : ''}`, manager)).body as { values: { code: string; value: number | null; denominator: number; items?: unknown[] }[] };
          const raw = indicatorsFromRaw(all, months, unit?.id ?? null);
          for (const d of INDICATOR_DEFINITIONS.filter((x) => !(unit && x.communityOnly))) {
            const got = api.values.find((v) => v.code === d.code)!;
            const want = raw.counts[d.code]!;
            expect(got.denominator, `${d.code} ${period} ${unit?.code ?? 'community'}`).toBe(want.denominator);
            if (want.denominator === 0) expect(got.value).toBeNull();
            else expect(got.value, `${d.code} ${period} ${unit?.code ?? 'community'}`).toBeCloseTo(want.numerator / want.denominator / (d.unit === 'yuan' ? 100 : 1), 9);
          }
          if (!unit) {
            const top = api.values.find((v) => v.code === 'top_out_county_diseases')!.items as { icd3: string; count: number; share: number }[];
            expect(top.map(({ icd3, count, share }) => ({ icd3, count, share }))).toEqual(raw.topOutCountyDiseases);
          }
        }
      }
    }), { numRuns: 6 });
  });
});
