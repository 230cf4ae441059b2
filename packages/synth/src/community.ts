import type { CommunityKind } from '@yigong/domain';
import { populationShape } from './census.ts';
import { isIsoDate } from './dates.ts';
import { loadCountyDivisions, loadVillages } from './divisions.ts';
import { generateHouseholds } from './households.ts';
import { buildOrganizations } from './organizations.ts';
import { createRng, hashSeed } from './prng.ts';
import { buildStaff } from './staff.ts';
import type { SynthCommunity, SynthOptions, SynthSize } from './types.ts';

/** Residents per named size. */
export const SYNTH_SIZES = { tiny: 2_000, demo: 20_000, county: 500_000 } as const;

/** The number of residents of a size (a number is taken as is). */
export function residentsOf(size: SynthSize): number {
  const n = typeof size === 'number' ? size : SYNTH_SIZES[size];
  if (!Number.isInteger(n) || n < 100 || n > 5_000_000) throw new Error(`Synthetic size must be 100–5,000,000 residents, got ${String(size)}`);
  return n;
}

/**
 * Generates a synthetic medical community in a real county: the community, grids (one per
 * township), member organisations, departments, staff and assignments as arrays, and the
 * residents as a stream of households. Deterministic: the same options give byte-identical
 * output; a different seed, region or kind gives different ids.
 */
export function generateCommunity(opts: SynthOptions): SynthCommunity {
  if (!/^\d{6}$/.test(opts.regionCode)) throw new Error(`regionCode must be a 6-digit GB/T 2260 code, got ${opts.regionCode}`);
  if (!isIsoDate(opts.asOf)) throw new Error(`asOf must be an ISO date (YYYY-MM-DD), got ${opts.asOf}`);
  const kind: CommunityKind = opts.kind ?? 'county_community';
  const residents = residentsOf(opts.size);
  // One base seed per (seed, region, kind, size): two communities never share ids.
  const base = hashSeed('yigong-synth', opts.seed, opts.regionCode, kind, residents);
  const rng = createRng(base, 'structure');
  const div = loadCountyDivisions(opts.regionCode);
  const villages = loadVillages(opts.regionCode);
  const structure = buildOrganizations(rng.fork('organizations'), div, villages, residents);
  const staff = buildStaff(rng.fork('staff'), structure, residents, div.area.code, div.province.code, opts.asOf);
  const name = opts.name ?? `${div.area.name}${kind === 'county_community' ? '医共体' : '城市医疗集团'}`;
  const context = {
    seed: base,
    regionCode: opts.regionCode,
    asOf: opts.asOf,
    urban: kind === 'urban_group',
    shape: populationShape(kind),
    units: structure.units,
  };
  return {
    community: { id: rng.uuid(), kind, name, regionCode: opts.regionCode, leadOrganizationId: structure.lead.id },
    asOf: opts.asOf,
    residentCount: residents,
    grids: structure.grids,
    organizations: structure.organizations,
    departments: staff.departments,
    practitioners: staff.practitioners,
    assignments: staff.assignments,
    households: () => generateHouseholds(context),
  };
}
