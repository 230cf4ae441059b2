import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METRICS, contributions, type EncounterRecord } from './encounter-record.ts';
import { INDICATOR_DEFINITIONS, MODULE_INDICATOR_DEFINITIONS, evaluateIndicator } from './indicator-definitions.ts';
import { COUNT_METRICS, contributesTo, contributionTo, drillDownOf, maskPersonName, patientDisplay } from './encounter-drilldown.ts';

const encounter = fc.record({
  type: fc.constantFrom('outpatient', 'emergency', 'inpatient') as fc.Arbitrary<EncounterRecord['type']>,
  outOfCounty: fc.boolean(),
  days: fc.integer({ min: 0, max: 40 }),
  totalCost: fc.integer({ min: 0, max: 5_000_000 }),
  fundShare: fc.double({ min: 0, max: 1, noNaN: true }),
  grades: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
  drg: fc.option(fc.double({ min: 0.1, max: 5, noNaN: true })),
  kind: fc.constantFrom('lead_hospital', 'township_center', 'village_clinic', null),
  resident: fc.boolean(),
}).map((x) => {
  const fundPaid = Math.floor(x.totalCost * x.fundShare);
  const e: EncounterRecord = {
    id: 'e', source: 'HIS', orgCode: 'X', outOfCounty: x.outOfCounty, residentIdNumber: '', type: x.type, start: '2025-03-01',
    end: x.type === 'inpatient' ? `2025-03-${String(1 + Math.min(x.days, 27)).padStart(2, '0')}` : null,
    diagnoses: [{ code: 'I10', primary: true }], procedures: x.grades.map((g) => ({ code: 'p', grade: g })),
    totalCost: x.totalCost, fundPaid, outOfPocket: Math.floor((x.totalCost - fundPaid) / 2), drg: x.drg === null ? null : { code: 'D', weight: x.drg },
  };
  return { e, c: { organizationKind: x.outOfCounty ? null : x.kind, communityResident: x.resident } };
});

describe('drill-down from an indicator to its encounters', () => {
  it('names the counters of the numerator and of the denominator', () => {
    expect(drillDownOf('county_inpatient_rate', 'numerator', 'community')).toEqual({ ok: true, value: { code: 'county_inpatient_rate', part: 'numerator', metrics: ['res_ip_in'], weighted: false } });
    expect(drillDownOf('county_inpatient_rate', 'denominator', 'community')).toMatchObject({ ok: true, value: { metrics: ['res_ip'], weighted: false } });
    expect(drillDownOf('avg_length_of_stay', 'numerator', 'unit')).toMatchObject({ ok: true, value: { metrics: ['ip_los'], weighted: true } });
    expect(drillDownOf('avg_length_of_stay', 'denominator', 'unit')).toMatchObject({ ok: true, value: { metrics: ['ip'], weighted: false } });
    expect(drillDownOf('cmi', 'numerator', 'unit')).toMatchObject({ ok: true, value: { metrics: ['ip_drg_weight'], weighted: true } });
    expect(drillDownOf('out_of_pocket_share', 'denominator', 'community')).toMatchObject({ ok: true, value: { metrics: ['res_total_cost'], weighted: true } });
  });

  it('has a list for both parts of every encounter indicator at community level', () => {
    for (const d of INDICATOR_DEFINITIONS) {
      for (const part of ['numerator', 'denominator'] as const) expect(drillDownOf(d.code, part, 'community').ok).toBe(true);
    }
  });

  it('refuses resident-based indicators at unit level, as the indicators API has no unit value for them', () => {
    expect(drillDownOf('county_visit_rate', 'denominator', 'unit')).toEqual({ ok: false, problem: 'community_only' });
    expect(drillDownOf('grassroots_visit_rate', 'numerator', 'unit')).toEqual({ ok: false, problem: 'community_only' });
    for (const d of INDICATOR_DEFINITIONS.filter((x) => !x.communityOnly)) expect(drillDownOf(d.code, 'numerator', 'unit').ok).toBe(true);
  });

  it('tells an unknown code from an indicator that other modules count', () => {
    expect(drillDownOf('nope', 'numerator', 'community')).toEqual({ ok: false, problem: 'unknown_indicator' });
    for (const d of MODULE_INDICATOR_DEFINITIONS) expect(drillDownOf(d.code, 'numerator', 'community')).toEqual({ ok: false, problem: 'not_encounter_based' });
  });

  it('classifies every counter, and a count counter adds 0 or 1 per encounter', () => {
    expect(METRICS.filter((m) => COUNT_METRICS.has(m))).toHaveLength(COUNT_METRICS.size);
    fc.assert(fc.property(encounter, ({ e, c }) => {
      const m = contributions(e, c);
      for (const k of COUNT_METRICS) expect([undefined, 1]).toContain(m[k]);
      for (const v of Object.values(m)) expect(v).toBeGreaterThan(0);
    }));
  });

  it('lists exactly the encounters whose contributions make the indicator’s numerator and denominator', () => {
    fc.assert(fc.property(fc.array(encounter, { maxLength: 40 }), (rows) => {
      const stored = rows.map(({ e, c }) => contributions(e, c));
      const sums: Record<string, number> = {};
      for (const m of stored) for (const [k, v] of Object.entries(m)) sums[k] = (sums[k] ?? 0) + v!;
      for (const d of INDICATOR_DEFINITIONS) {
        const v = evaluateIndicator(d, sums);
        for (const part of ['numerator', 'denominator'] as const) {
          const dd = drillDownOf(d.code, part, 'community');
          if (!dd.ok) throw new Error(dd.problem);
          const listed = stored.filter((m) => contributesTo(m, dd.value.metrics));
          const total = listed.reduce((a, m) => a + contributionTo(m, dd.value.metrics), 0);
          expect(total).toBe(v[part]);
          if (!dd.value.weighted) expect(listed.length).toBe(v[part]);
        }
      }
    }));
  });
});

describe('the patient of a listed encounter', () => {
  it('masks all but the first character of a name', () => {
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('李')).toBe('李*');
    expect(maskPersonName('')).toBe('');
  });

  it('shows a readable resident by name with a link, others masked without one, non-residents without a name', () => {
    const resident = { communityResident: true, residentId: 'r1', name: '钱建国' };
    expect(patientDisplay(resident, true)).toEqual({ residentId: 'r1', residentName: '钱建国', nameMasked: false });
    expect(patientDisplay(resident, false)).toEqual({ residentId: null, residentName: '钱**', nameMasked: true });
    expect(patientDisplay({ communityResident: false, residentId: 'r2', name: null }, true)).toEqual({ residentId: null, residentName: null, nameMasked: false });
    expect(patientDisplay({ communityResident: false, residentId: null, name: null }, true)).toEqual({ residentId: null, residentName: null, nameMasked: false });
  });
});
