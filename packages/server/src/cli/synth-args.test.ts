import { describe, expect, it } from 'vitest';
import { parseExtras, parseSynthArgs } from './synth.ts';

describe('npm run synth options', () => {
  it('loads a year of encounters and the care data unless told otherwise', () => {
    expect(parseExtras([])).toEqual({ encounterYears: 1, care: true });
    expect(parseExtras(['--size', 'county', '--encounters', '5', '--care', 'no'])).toEqual({ encounterYears: 5, care: false });
    expect(parseSynthArgs(['--size', 'county', '--encounters', '5'], '2026-12-01')).toMatchObject({ size: 'county', seed: 1 });
  });

  it('refuses a bad number of years', () => {
    expect(() => parseExtras(['--encounters', 'many'])).toThrow(/--encounters/);
    expect(() => parseExtras(['--encounters', '50'])).toThrow(/0–10/);
    expect(() => parseExtras(['--care', 'maybe'])).toThrow(/--care/);
  });
});
