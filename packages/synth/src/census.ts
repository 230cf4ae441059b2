/**
 * Age–sex shape of the population, from China's Seventh National Population Census (第七次全国人口
 * 普查, reference date 2020-11-01), 《中国人口普查年鉴—2020》 table 3-1 "全国分年龄、性别的人口":
 * persons per five-year age band in millions (rounded to 0.1 M) and the male share of each band.
 * Check sums: 0–14 = 17.9 % (census 17.95 %), 60+ = 18.8 % (18.70 %), 65+ = 13.6 % (13.50 %).
 */

/** Five-year age band `[from, to]`, both inclusive. The last band is 100–104. */
export interface AgeBand {
  from: number;
  to: number;
}

/** The 21 bands 0–4 … 95–99, 100+ (capped at 104). */
export const AGE_BANDS: readonly AgeBand[] = Array.from({ length: 21 }, (_, i) => ({ from: i * 5, to: i * 5 + 4 }));

// Millions of persons per band, both sexes (2020 census, rounded).
const NATIONAL_MILLIONS = [
  77.9, 90.2, 84.3, 72.7, 75.4, 91.8, 124.1, 99.0, 93.3, 114.2, 121.2, 101.4, 73.4, 74.0, 49.6, 32.1, 21.0, 10.8, 3.4, 0.8,
  0.1,
] as const;

// Male share per band: the 2020 sex ratio is ~113 among children and teenagers (sex ratio at
// birth was skewed 1990–2015), ~104 at working ages, and women outlive men in old age.
const MALE_SHARE = [
  0.532, 0.535, 0.536, 0.533, 0.53, 0.518, 0.516, 0.509, 0.513, 0.508, 0.505, 0.503, 0.504, 0.5, 0.49, 0.483, 0.453, 0.416,
  0.36, 0.32, 0.3,
] as const;

/**
 * Rural counties are older than the nation: in the 2020 census rural areas had 23.8 % aged 60+
 * (national 18.7 %) because working-age adults migrate to cities (乡村人口老龄化). Weights per band
 * applied to the national shape for `county_community`; `urban_group` uses the national shape.
 */
const RURAL_ADJUSTMENT = [
  0.95, 0.97, 0.97, 0.9, 0.78, 0.78, 0.8, 0.88, 0.95, 1.02, 1.08, 1.12, 1.25, 1.3, 1.32, 1.32, 1.3, 1.3, 1.3, 1.3, 1.3,
] as const;

/** Share of the population per band and sex; the 42 values sum to 1. */
export interface PopulationShape {
  male: readonly number[];
  female: readonly number[];
}

/** The census shape for a community kind (rural counties skew older). */
export function populationShape(kind: 'county_community' | 'urban_group'): PopulationShape {
  const weights = NATIONAL_MILLIONS.map((m, i) => m * (kind === 'county_community' ? RURAL_ADJUSTMENT[i]! : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  return {
    male: weights.map((w, i) => (w * MALE_SHARE[i]!) / total),
    female: weights.map((w, i) => (w * (1 - MALE_SHARE[i]!)) / total),
  };
}

/**
 * Household sizes, 2020 census (家庭户规模): 1 person 25.4 %, 2 persons 29.7 %, 3 persons 21.0 %,
 * 4 persons 13.2 %, 5 or more 10.7 % (average 2.62). Five-plus households are generated with 5.
 */
export const HOUSEHOLD_SIZE_SHARES: readonly number[] = [0.254, 0.297, 0.21, 0.132, 0.107];

/** The band index of an age in whole years. */
export function bandOf(age: number): number {
  return Math.min(AGE_BANDS.length - 1, Math.floor(age / 5));
}
