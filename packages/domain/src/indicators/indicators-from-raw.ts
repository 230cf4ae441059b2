import { lengthOfStay, periodMonth, primaryCategory, type EncounterRecord } from './encounter-record.ts';
import { isGrassrootsKind } from '../org/org-kinds.ts';

/** A raw encounter with what the server resolved about it. */
export interface ResolvedEncounter extends EncounterRecord {
  /** The in-county organisation where care happened (null out of county). */
  organizationId: string | null;
  organizationKind: string | null;
  /** The patient is a resident of the community (属地). */
  communityResident: boolean;
}

export interface RawCounts {
  numerator: number;
  denominator: number;
}

/**
 * docs/domain/indicators.md applied straight to raw encounters, one indicator at a time, with no
 * shared counters: the obvious, slow computation that the incremental aggregates are checked against
 * (property tests). Sums of money are in fen, CMI weights as given. `organizationId` scopes the
 * non-resident indicators to one unit; resident-based ones are community-wide and absent then.
 */
export function indicatorsFromRaw(all: readonly ResolvedEncounter[], months: readonly string[], organizationId: string | null = null): {
  counts: Record<string, RawCounts>;
  topOutCountyDiseases: { icd3: string; count: number; share: number }[];
} {
  const inPeriod = all.filter((e) => months.includes(periodMonth(e)));
  const residents = inPeriod.filter((e) => e.communityResident);
  const atScope = inPeriod.filter((e) => !e.outOfCounty && (organizationId === null || e.organizationId === organizationId));
  const inCounty = inPeriod.filter((e) => !e.outOfCounty);
  const count = (xs: readonly ResolvedEncounter[], p: (e: ResolvedEncounter) => boolean = () => true) => xs.filter(p).length;
  const sum = (xs: readonly ResolvedEncounter[], f: (e: ResolvedEncounter) => number, p: (e: ResolvedEncounter) => boolean = () => true) => xs.filter(p).reduce((a, e) => a + f(e), 0);
  const ip = (e: ResolvedEncounter) => e.type === 'inpatient';
  const opEm = (e: ResolvedEncounter) => e.type !== 'inpatient';
  const grassroots = (e: ResolvedEncounter) => isGrassrootsKind(e.organizationKind);
  const grades = (e: ResolvedEncounter) => (e.procedures ?? []).map((p) => p.grade ?? 0).filter((g) => g > 0);
  const hasDrg = (e: ResolvedEncounter) => !!e.drg && e.drg.weight > 0;

  const counts: Record<string, RawCounts> = {
    avg_length_of_stay: { numerator: sum(atScope, lengthOfStay, ip), denominator: count(atScope, ip) },
    outpatient_cost_per_visit: { numerator: sum(atScope, (e) => e.totalCost, opEm), denominator: count(atScope, opEm) },
    inpatient_cost_per_case: { numerator: sum(atScope, (e) => e.totalCost, ip), denominator: count(atScope, ip) },
    grade34_surgery_share: { numerator: count(atScope, (e) => ip(e) && grades(e).some((g) => g >= 3)), denominator: count(atScope, (e) => ip(e) && grades(e).length > 0) },
    cmi: { numerator: sum(atScope, (e) => e.drg!.weight, (e) => ip(e) && hasDrg(e)), denominator: count(atScope, (e) => ip(e) && hasDrg(e)) },
  };
  const outIp = residents.filter((e) => ip(e) && e.outOfCounty);
  const byDisease = new Map<string, number>();
  for (const e of outIp) byDisease.set(primaryCategory(e), (byDisease.get(primaryCategory(e)) ?? 0) + 1);
  const top = [...byDisease].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 10).map(([icd3, n]) => ({ icd3, count: n, share: n / outIp.length }));
  if (organizationId !== null) return { counts, topOutCountyDiseases: [] };
  Object.assign(counts, {
    county_inpatient_rate: { numerator: count(residents, (e) => ip(e) && !e.outOfCounty), denominator: count(residents, ip) },
    county_visit_rate: { numerator: count(residents, (e) => !e.outOfCounty), denominator: residents.length },
    out_transfer_rate: { numerator: outIp.length, denominator: count(residents, ip) },
    grassroots_visit_rate: { numerator: count(inCounty, (e) => opEm(e) && grassroots(e)), denominator: count(inCounty, opEm) },
    out_of_pocket_share: { numerator: sum(residents, (e) => e.outOfPocket), denominator: sum(residents, (e) => e.totalCost) },
    fund_in_county_share: { numerator: sum(residents, (e) => e.fundPaid, (e) => !e.outOfCounty), denominator: sum(residents, (e) => e.fundPaid) },
    fund_grassroots_share: { numerator: sum(inCounty, (e) => e.fundPaid, grassroots), denominator: sum(inCounty, (e) => e.fundPaid) },
  } satisfies Record<string, RawCounts>);
  return { counts, topOutCountyDiseases: top };
}
