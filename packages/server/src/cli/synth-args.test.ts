import { describe, expect, it } from 'vitest';
import { parseExtras, parseSynthArgs, parseSynthPlan } from './synth.ts';

const TODAY = '2026-12-01';

describe('npm run synth options', () => {
  it('loads a year of encounters and the care data unless told otherwise', () => {
    expect(parseExtras([])).toEqual({ encounterYears: 1, care: true });
    expect(parseExtras(['--size', 'county', '--encounters', '5', '--care', 'no'])).toEqual({ encounterYears: 5, care: false });
    expect(parseSynthArgs(['--size', 'county', '--encounters', '5'], TODAY)).toMatchObject({ size: 'county', seed: 1 });
  });

  it('refuses a bad number of years', () => {
    expect(() => parseExtras(['--encounters', 'many'])).toThrow(/--encounters/);
    expect(() => parseExtras(['--encounters', '50'])).toThrow(/0–10/);
    expect(() => parseExtras(['--care', 'maybe'])).toThrow(/--care/);
  });

  it('loads one community of 德清县 by default', () => {
    expect(parseSynthPlan([], TODAY)).toEqual([{ size: 'demo', seed: 1, regionCode: '330521', asOf: TODAY, kind: 'county_community' }]);
    expect(parseSynthPlan(['--size', '3000', '--region', '330522', '--name', '长兴'], TODAY))
      .toEqual([{ size: 3000, seed: 1, regionCode: '330522', asOf: TODAY, kind: 'county_community', name: '长兴' }]);
  });

  it('refuses a size out of the generator range or a province option without --size province', () => {
    expect(() => parseSynthArgs(['--size', 'huge'], TODAY)).toThrow(/--size must be tiny, demo, county or a number/);
    expect(() => parseSynthArgs(['--size', '50'], TODAY)).toThrow(/--size: .*100–5,000,000/);
    expect(() => parseSynthPlan(['--size', 'county', '--communities', '3'], TODAY)).toThrow(/go with --size province/);
  });
});

describe('npm run synth -- --size province', () => {
  it('loads ten county-size communities, each in its own county, with the shared seed and date', () => {
    const plan = parseSynthPlan(['--size', 'province', '--seed', '7', '--as-of', '2026-11-01'], TODAY);
    expect(plan).toHaveLength(10);
    expect(plan.map((o) => o.regionCode)).toEqual(['330521', '330522', '330523', '330421', '330424', '330481', '330482', '330483', '330624', '330681']);
    expect(plan.every((o) => o.size === 'county' && o.seed === 7 && o.asOf === '2026-11-01' && o.kind === 'county_community')).toBe(true);
  });

  it('scales down with --communities and --per-community', () => {
    expect(parseSynthPlan(['--size', 'province', '--communities', '2', '--per-community', '3000'], TODAY))
      .toEqual([
        { regionCode: '330521', size: 3000, seed: 1, asOf: TODAY, kind: 'county_community' },
        { regionCode: '330522', size: 3000, seed: 1, asOf: TODAY, kind: 'county_community' },
      ]);
    expect(parseSynthPlan(['--size', 'province', '--communities', '1', '--per-community', 'tiny'], TODAY)[0]?.size).toBe('tiny');
  });

  it('refuses a bad number of communities, a bad size or a single county', () => {
    expect(() => parseSynthPlan(['--size', 'province', '--communities', '11'], TODAY)).toThrow(/1–10 communities/);
    expect(() => parseSynthPlan(['--size', 'province', '--communities', 'all'], TODAY)).toThrow(/--communities/);
    expect(() => parseSynthPlan(['--size', 'province', '--per-community', 'province'], TODAY)).toThrow(/--per-community must be/);
    expect(() => parseSynthPlan(['--size', 'province', '--region', '330521'], TODAY)).toThrow(/--region and --name/);
  });
});
