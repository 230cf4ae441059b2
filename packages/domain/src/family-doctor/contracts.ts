import { deriveKeyPopulationTags, type KeyPopulationTag, type RecordedFlags } from '../residents/key-populations.ts';

/** Populations of the menu-style packages (菜单式签约服务包). */
export const PACKAGE_POPULATIONS = ['general', 'elderly', 'children', 'maternal', 'hypertension', 'diabetes', 'disabled', 'poverty', 'special_family_planning'] as const;
export type PackagePopulation = (typeof PACKAGE_POPULATIONS)[number];

export const TERMINATION_REASONS = ['moved_out', 'lost_contact', 'refused', 'resident_request'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

const NEEDS: Record<Exclude<PackagePopulation, 'general'>, KeyPopulationTag> = {
  elderly: 'elderly_65', children: 'child_0_6', maternal: 'maternal', hypertension: 'hypertension', diabetes: 'diabetes_t2',
  disabled: 'disabled', poverty: 'poverty', special_family_planning: 'special_family_planning',
};

/** A key-population package only for a resident of that population; the basic one for anyone. */
export function packageFits(population: PackagePopulation, tags: readonly KeyPopulationTag[]): boolean {
  return population === 'general' || tags.includes(NEEDS[population]);
}

/** Money in fen: the payers' shares must add up to the price exactly (DESIGN.md: never floats). */
export function feeSplitProblem(p: { priceFen: number; insuranceFen: number; publicHealthFen: number; financeFen: number; residentFen: number }): string | null {
  const parts = [p.insuranceFen, p.publicHealthFen, p.financeFen, p.residentFen];
  if (![p.priceFen, ...parts].every((v) => Number.isInteger(v) && v >= 0)) return '金额须为非负整数（分）';
  return parts.reduce((a, b) => a + b, 0) === p.priceFen ? null : '医保、公卫、财政与个人分担之和须等于服务包价格';
}

/** Fulfilment (履约率): delivered services, each item capped at its yearly frequency, over what the packages promise. */
export function fulfilmentRate(items: readonly { timesPerYear: number; delivered: number }[]): number | null {
  const promised = items.reduce((a, i) => a + i.timesPerYear, 0);
  if (promised === 0) return null;
  return items.reduce((a, i) => a + Math.min(i.delivered, i.timesPerYear), 0) / promised;
}

export interface SigningResident {
  id: string;
  birthDate: string;
  problemCodes: readonly string[];
  flags?: RecordedFlags;
}

export interface SigningContract {
  residentId: string;
  startsOn: string;
  endsOn: string;
  terminatedOn: string | null;
}

/** A contract is active on `asOf` when it has started, not ended and not been terminated by then. */
export function activeOn(c: SigningContract, asOf: string): boolean {
  return c.startsOn <= asOf && asOf < c.endsOn && (c.terminatedOn === null || c.terminatedOn > asOf);
}

/**
 * `signing_rate` and `key_population_signing_rate` as of a date (docs/domain/indicators.md
 * "Signing rates"): residents with a
 * contract active on that day over residents; the same over key-population residents (each once).
 */
export function signingRates(residents: readonly SigningResident[], contracts: readonly SigningContract[], asOf: string) {
  const signedIds = new Set(contracts.filter((c) => activeOn(c, asOf)).map((c) => c.residentId));
  let signed = 0;
  let keyPopulation = 0;
  let keySigned = 0;
  for (const r of residents) {
    const isSigned = signedIds.has(r.id);
    if (isSigned) signed++;
    if (deriveKeyPopulationTags({ birthDate: r.birthDate, problemCodes: r.problemCodes, flags: r.flags ?? {} }, asOf).length > 0) {
      keyPopulation++;
      if (isSigned) keySigned++;
    }
  }
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return { residents: residents.length, signed, signingRate: ratio(signed, residents.length), keyPopulation, keySigned, keySigningRate: ratio(keySigned, keyPopulation) };
}
