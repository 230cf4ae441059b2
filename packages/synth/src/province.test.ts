import { describe, expect, it } from 'vitest';
import { loadCountyDivisions, loadVillages } from './divisions.ts';
import { PROVINCE_COUNTIES, provinceCommunities } from './province.ts';

describe('the synthetic province', () => {
  it('names ten distinct counties that all resolve in the division data, with townships and villages', () => {
    expect(PROVINCE_COUNTIES).toHaveLength(10);
    expect(new Set(PROVINCE_COUNTIES.map((c) => c.code)).size).toBe(10);
    for (const county of PROVINCE_COUNTIES) {
      const d = loadCountyDivisions(county.code);
      expect(d.province.name).toBe('浙江省');
      expect(d.area.name).toBe(county.name);
      expect(d.streets.length).toBeGreaterThan(0);
      expect(loadVillages(county.code).length).toBeGreaterThan(0);
    }
  });

  it('gives each community its own county with the shared size, seed and date', () => {
    const opts = provinceCommunities({ communities: 3, perCommunity: 'county', seed: 7, asOf: '2026-11-01' });
    expect(opts).toEqual([
      { regionCode: '330521', size: 'county', seed: 7, asOf: '2026-11-01' },
      { regionCode: '330522', size: 'county', seed: 7, asOf: '2026-11-01' },
      { regionCode: '330523', size: 'county', seed: 7, asOf: '2026-11-01' },
    ]);
    expect(provinceCommunities({ communities: 10, perCommunity: 3000, seed: 1, asOf: '2026-11-01', kind: 'urban_group' }).at(-1))
      .toEqual({ regionCode: '330681', size: 3000, seed: 1, asOf: '2026-11-01', kind: 'urban_group' });
  });

  it('refuses no community, more counties than it knows, or a fraction', () => {
    for (const communities of [0, 11, 2.5]) {
      expect(() => provinceCommunities({ communities, perCommunity: 'tiny', seed: 1, asOf: '2026-11-01' })).toThrow(/1–10 communities/);
    }
  });
});
