import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contributions, periodMonth, type Metric } from './encounter-record.ts';
import { INDICATOR_DEFINITIONS, evaluateIndicator } from './indicator-definitions.ts';
import { indicatorsFromRaw, type ResolvedEncounter } from './indicators-from-raw.ts';

const UNITS = [
  { id: 'lh', kind: 'lead_hospital' }, { id: 'tcm', kind: 'tcm_hospital' }, { id: 'tc', kind: 'township_center' }, { id: 'vc', kind: 'village_clinic' },
];
const MONTHS = ['2025-01-01', '2025-02-01', '2025-03-01'];

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Random resolved encounters: every type, in and out of county, residents or not, graded or not. */
export const resolvedEncounter = (i: number) => fc.record({
  type: fc.constantFrom('outpatient', 'emergency', 'inpatient') as fc.Arbitrary<ResolvedEncounter['type']>,
  month: fc.integer({ min: 1, max: 3 }),
  day: fc.integer({ min: 1, max: 28 }),
  los: fc.integer({ min: 0, max: 40 }),
  unit: fc.integer({ min: -1, max: UNITS.length - 1 }),
  resident: fc.boolean(),
  total: fc.integer({ min: 0, max: 2_000_000 }),
  fundShare: fc.double({ min: 0, max: 1, noNaN: true }),
  oopShare: fc.double({ min: 0, max: 1, noNaN: true }),
  grades: fc.array(fc.option(fc.integer({ min: 0, max: 4 })), { maxLength: 3 }),
  drg: fc.option(fc.integer({ min: 0, max: 300 })),
  dx: fc.constantFrom('C34.9', 'C16.9', 'I63.9', 'J18.9', 'I10', 'K80.2'),
}).map((r): ResolvedEncounter => {
  const start = `2025-0${r.month}-${String(r.day).padStart(2, '0')}`;
  const unit = r.unit >= 0 ? UNITS[r.unit]! : null;
  const fundPaid = Math.floor(r.total * r.fundShare);
  return {
    id: `e${i}`, source: unit ? `HIS-${unit.id}` : 'insurance', orgCode: unit?.id ?? '浙大一院', outOfCounty: !unit, residentIdNumber: '', type: r.type,
    start, end: r.type === 'inpatient' ? addDays(start, r.los) : null, diagnoses: [{ code: r.dx, primary: true }],
    procedures: r.grades.map((g, k) => ({ code: `p${k}`, grade: g })), totalCost: r.total, fundPaid, outOfPocket: Math.floor((r.total - fundPaid) * r.oopShare),
    drg: r.drg === null ? null : { code: 'D', weight: r.drg / 100 },
    organizationId: unit?.id ?? null, organizationKind: unit?.kind ?? null, communityResident: r.resident,
  };
});
const encounters = fc.integer({ min: 0, max: 150 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => resolvedEncounter(i))));

/** What the server's aggregates hold: contributions summed per month and unit, then filtered. */
function aggregated(all: readonly ResolvedEncounter[], months: readonly string[], organizationId: string | null): Partial<Record<Metric, number>> {
  const sums: Partial<Record<Metric, number>> = {};
  for (const e of all) {
    if (!months.includes(periodMonth(e)) || (organizationId !== null && e.organizationId !== organizationId)) continue;
    for (const [k, v] of Object.entries(contributions(e, e))) sums[k as Metric] = (sums[k as Metric] ?? 0) + v;
  }
  return sums;
}

describe('indicators from the aggregates equal the definitions applied to raw encounters', () => {
  it('for the community and each unit, any months, on random encounters', () => {
    fc.assert(fc.property(encounters, fc.subarray(MONTHS, { minLength: 1 }), fc.constantFrom(null, ...UNITS.map((u) => u.id)), (all, months, unit) => {
      const raw = indicatorsFromRaw(all, months, unit);
      const sums = aggregated(all, months, unit);
      for (const d of INDICATOR_DEFINITIONS.filter((x) => !(unit && x.communityOnly))) {
        const v = evaluateIndicator(d, sums);
        const r = raw.counts[d.code]!;
        expect(v.denominator, d.code).toBe(r.denominator);
        // docs/domain/indicators.md "General rules": a zero denominator is null, never 0.
        if (r.denominator === 0) expect(v.value, d.code).toBeNull();
        else expect(v.value, d.code).toBeCloseTo(r.numerator / r.denominator / (d.unit === 'yuan' ? 100 : 1), 9);
      }
    }), { numRuns: 300 });
  });
});
