import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { releaseDecision, STERILISATION_METHODS, STEAM_CYCLE_TYPES } from '@yigong/domain';
import { checksRelease, releaseChecks } from './release-checks.ts';

const steam = { method: 'pressure_steam' as const, steamCycleType: 'pre_vacuum' as const, temperatureC: 134, exposureMinutes: 4, chemicalPass: true, biologicalPass: null, bowieDickPass: true, implants: false };
const states = (b: Parameters<typeof releaseChecks>[0]) => Object.fromEntries(releaseChecks(b).map((c) => [c.check, c.state]));

describe('releaseChecks', () => {
  it('passes the usual pre-vacuum cycle, with no biological indicator needed', () => {
    expect(states(steam)).toEqual({ physical: 'pass', bowieDick: 'pass', chemical: 'pass', biological: 'not_required' });
  });

  it('fails steam below 132 °C for a pre-vacuum time, and takes 121 °C for 20 minutes', () => {
    expect(states({ ...steam, temperatureC: 131.5 }).physical).toBe('fail');
    expect(states({ ...steam, steamCycleType: 'gravity', temperatureC: 121, exposureMinutes: 20, bowieDickPass: null })).toMatchObject({ physical: 'pass', bowieDick: 'not_required' });
  });

  it('marks a missing B-D test and an awaited biological result for implants', () => {
    expect(states({ ...steam, bowieDickPass: null, implants: true })).toMatchObject({ bowieDick: 'not_done', biological: 'pending' });
  });

  it('leaves plasma parameters to the manufacturer and waits for ethylene oxide’s biological result', () => {
    expect(states({ ...steam, method: 'low_temp_plasma', steamCycleType: null, temperatureC: 50, bowieDickPass: null })).toMatchObject({ physical: 'manufacturer', bowieDick: 'not_required', biological: 'not_required' });
    expect(states({ ...steam, method: 'ethylene_oxide', steamCycleType: null, temperatureC: 55, bowieDickPass: null }).biological).toBe('pending');
  });

  it('agrees with the domain’s releaseDecision on every cycle', () => {
    const tri = fc.constantFrom(true, false, null);
    fc.assert(
      fc.property(
        fc.constantFrom(...STERILISATION_METHODS),
        fc.constantFrom(...STEAM_CYCLE_TYPES),
        fc.integer({ min: 100, max: 150 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        tri,
        tri,
        fc.boolean(),
        (method, cycleType, temp, minutes, chemicalPass, biologicalPass, bowieDickPass, implants) => {
          const isSteam = method === 'pressure_steam';
          const temperatureC = isSteam ? temp : 20 + (temp % 60);
          const b = { method, steamCycleType: isSteam ? cycleType : null, temperatureC, exposureMinutes: minutes, chemicalPass, biologicalPass, bowieDickPass, implants };
          const d = releaseDecision({
            sterilizerCode: 'S1', cycleNo: 1, method, steamCycleType: b.steamCycleType, startedAt: new Date('2026-03-01T00:00:00Z'), endedAt: new Date('2026-03-01T01:00:00Z'),
            exposureTemperatureC: temperatureC, exposureMinutes: minutes, pressureKpa: isSteam ? 210 : null, chemicalIndicatorPass: chemicalPass,
            biologicalIndicatorPass: biologicalPass, bowieDickPass, containsImplants: implants,
          });
          expect(checksRelease(releaseChecks(b))).toBe(d.release);
        },
      ),
    );
  });
});
