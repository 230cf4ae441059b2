import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STERILISATION_METHODS, batchesToRecall, fefoPick, releaseDecision, validateCycleRecord, type CycleRef, type SterilisationCycleRecord, type StockPack } from './batches.ts';
import { PACK_STATUSES } from './packs.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const steam: SterilisationCycleRecord = {
  sterilizerCode: 'ZQ-01',
  cycleNo: 1203,
  method: 'pressure_steam',
  steamCycleType: 'pre_vacuum',
  startedAt: new Date('2026-03-02T00:30:00Z'),
  endedAt: new Date('2026-03-02T01:15:00Z'),
  exposureTemperatureC: 134.2,
  exposureMinutes: 4,
  pressureKpa: 205,
  chemicalIndicatorPass: true,
  biologicalIndicatorPass: null,
  bowieDickPass: true,
  containsImplants: false,
};
const plasma: SterilisationCycleRecord = { ...steam, method: 'low_temp_plasma', steamCycleType: null, exposureTemperatureC: 50, exposureMinutes: 28, pressureKpa: null, bowieDickPass: null };
const eo: SterilisationCycleRecord = { ...plasma, method: 'ethylene_oxide', exposureTemperatureC: 55, exposureMinutes: 180, endedAt: new Date('2026-03-02T06:30:00Z') };

describe('validateCycleRecord (docs/domain/sterile-supply.md "Cycle record")', () => {
  it('accepts well-formed records of each method', () => {
    for (const r of [steam, plasma, eo]) expect(validateCycleRecord(r)).toBe(r);
  });

  it('names the field that breaks a rule', () => {
    const f = (more: Partial<SterilisationCycleRecord>) => fieldOf(() => validateCycleRecord({ ...steam, ...more }));
    expect(f({ sterilizerCode: ' ' })).toBe('sterilizerCode');
    expect(f({ sterilizerCode: 'ZQ\u000001' })).toBe('sterilizerCode');
    expect(f({ cycleNo: 0 })).toBe('cycleNo');
    expect(f({ method: 'dry_heat' as never })).toBe('method');
    expect(f({ steamCycleType: null })).toBe('steamCycleType');
    expect(f({ startedAt: new Date('nope') })).toBe('startedAt');
    expect(f({ endedAt: steam.startedAt })).toBe('endedAt');
    expect(f({ endedAt: new Date('2026-03-05T00:00:00Z') })).toBe('endedAt');
    expect(f({ exposureTemperatureC: 99 })).toBe('exposureTemperatureC');
    expect(f({ exposureTemperatureC: 1340 })).toBe('exposureTemperatureC');
    expect(f({ exposureTemperatureC: Number.NaN })).toBe('exposureTemperatureC');
    expect(f({ exposureMinutes: 0 })).toBe('exposureMinutes');
    expect(f({ exposureMinutes: 46 })).toBe('exposureMinutes');
    expect(f({ pressureKpa: null })).toBe('pressureKpa');
    expect(f({ pressureKpa: -3 })).toBe('pressureKpa');
    expect(f({ chemicalIndicatorPass: undefined as never })).toBe('chemicalIndicatorPass');
    expect(f({ biologicalIndicatorPass: 'yes' as never })).toBe('biologicalIndicatorPass');
    expect(f({ bowieDickPass: 1 as never })).toBe('bowieDickPass');
    expect(f({ containsImplants: null as never })).toBe('containsImplants');
    expect(fieldOf(() => validateCycleRecord({ ...plasma, exposureTemperatureC: 121 }))).toBe('exposureTemperatureC');
  });

  it('does not ask a plasma or ethylene oxide cycle for a pressure or a steam cycle type', () => {
    expect(() => validateCycleRecord({ ...plasma, pressureKpa: null, steamCycleType: undefined })).not.toThrow();
  });
});

describe('releaseDecision (docs/domain/sterile-supply.md "Release")', () => {
  it('releases a steam batch at 132 °C for 4 min or 121 °C for 20 min', () => {
    expect(releaseDecision(steam)).toEqual({ release: true, recallRequired: false, reasons: [] });
    expect(releaseDecision({ ...steam, steamCycleType: 'gravity', bowieDickPass: null, exposureTemperatureC: 121, exposureMinutes: 20, pressureKpa: 110 }).release).toBe(true);
  });

  it('holds a steam batch under those parameters', () => {
    const low = releaseDecision({ ...steam, exposureTemperatureC: 131.9 });
    expect(low.release).toBe(false);
    expect(low.reasons[0]).toContain('物理监测不合格');
    expect(releaseDecision({ ...steam, exposureMinutes: 3.5 }).release).toBe(false);
    expect(releaseDecision({ ...steam, exposureTemperatureC: 125, exposureMinutes: 14 }).release).toBe(false);
  });

  it('takes a community table of exposures instead of the default', () => {
    const ws = [{ minTemperatureC: 134, minMinutes: 4 }, { minTemperatureC: 121, minMinutes: 30 }];
    expect(releaseDecision({ ...steam, exposureTemperatureC: 132 }, ws).release).toBe(false);
    expect(releaseDecision({ ...steam, exposureTemperatureC: 121, exposureMinutes: 20 }, ws).release).toBe(false);
    expect(releaseDecision({ ...steam, exposureTemperatureC: 121, exposureMinutes: 30 }, ws).release).toBe(true);
  });

  it('needs the day\'s Bowie-Dick test on a pre-vacuum steriliser only', () => {
    expect(releaseDecision({ ...steam, bowieDickPass: null }).reasons).toEqual(['当日未记录 B-D 测试，灭菌器不得使用']);
    expect(releaseDecision({ ...steam, bowieDickPass: false }).reasons).toEqual(['当日 B-D 测试不合格，灭菌器不得使用']);
    expect(releaseDecision({ ...steam, steamCycleType: 'gravity', bowieDickPass: null }).release).toBe(true);
    expect(releaseDecision({ ...plasma, bowieDickPass: false }).release).toBe(true);
  });

  it('holds any batch whose chemical indicator failed', () => {
    for (const r of [steam, plasma, eo]) expect(releaseDecision({ ...r, chemicalIndicatorPass: false, biologicalIndicatorPass: true })).toEqual({ release: false, recallRequired: false, reasons: ['化学监测不合格'] });
  });

  it('holds implants and ethylene oxide until a biological indicator has passed', () => {
    expect(releaseDecision({ ...steam, containsImplants: true }).release).toBe(false);
    expect(releaseDecision({ ...steam, containsImplants: true, biologicalIndicatorPass: true }).release).toBe(true);
    expect(releaseDecision(eo).release).toBe(false);
    expect(releaseDecision({ ...eo, biologicalIndicatorPass: true }).release).toBe(true);
    expect(releaseDecision(plasma).release).toBe(true);
  });

  it('asks for a recall when the biological indicator failed', () => {
    const d = releaseDecision({ ...steam, biologicalIndicatorPass: false });
    expect(d.release).toBe(false);
    expect(d.recallRequired).toBe(true);
    expect(d.reasons.join()).toContain('召回');
  });

  it('releases only when every check passes, whatever the record', () => {
    const recordArb = fc.record({
      method: fc.constantFrom(...STERILISATION_METHODS),
      steamCycleType: fc.constantFrom('pre_vacuum' as const, 'gravity' as const),
      temp: fc.double({ min: 0, max: 1, noNaN: true }),
      exposureMinutes: fc.integer({ min: 1, max: 40 }),
      chemicalIndicatorPass: fc.boolean(),
      biologicalIndicatorPass: fc.constantFrom(true, false, null),
      bowieDickPass: fc.constantFrom(true, false, null),
      containsImplants: fc.boolean(),
    });
    fc.assert(
      fc.property(recordArb, (x) => {
        const isSteam = x.method === 'pressure_steam';
        const exposureTemperatureC = isSteam ? 100 + x.temp * 40 : 20 + x.temp * 40;
        const r: SterilisationCycleRecord = { ...steam, ...x, exposureTemperatureC, pressureKpa: isSteam ? 200 : null };
        const d = releaseDecision(r);
        expect(d.release).toBe(d.reasons.length === 0);
        expect(d.recallRequired).toBe(x.biologicalIndicatorPass === false);
        if (d.release) {
          expect(x.chemicalIndicatorPass).toBe(true);
          expect(x.biologicalIndicatorPass).not.toBe(false);
          if (x.containsImplants || x.method === 'ethylene_oxide') expect(x.biologicalIndicatorPass).toBe(true);
          if (isSteam) expect((exposureTemperatureC >= 132 && x.exposureMinutes >= 4) || (exposureTemperatureC >= 121 && x.exposureMinutes >= 20)).toBe(true);
          if (isSteam && x.steamCycleType === 'pre_vacuum') expect(x.bowieDickPass).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('batchesToRecall (docs/domain/sterile-supply.md "Recall")', () => {
  const c = (cycleNo: number, hour: number, bi: boolean | null, sterilizerCode = 'ZQ-01'): CycleRef => ({ sterilizerCode, cycleNo, startedAt: new Date(Date.UTC(2026, 2, 2, hour)), biologicalIndicatorPass: bi });

  it('recalls from the cycle after the last passing indicator, through every later cycle', () => {
    const history = [c(1, 0, true), c(2, 1, null), c(3, 2, true), c(4, 3, null), c(5, 4, false), c(6, 5, null), c(9, 6, null, 'ZQ-02')];
    expect(batchesToRecall(history, history[4]!).map((x) => x.cycleNo)).toEqual([4, 5, 6]);
  });

  it('recalls the whole history of the steriliser when no indicator passed before', () => {
    const history = [c(2, 1, null), c(1, 0, null), c(3, 2, false)];
    expect(batchesToRecall(history, history[2]!).map((x) => x.cycleNo)).toEqual([1, 2, 3]);
  });

  it('includes the failed cycle even when the history lacks it', () => {
    expect(batchesToRecall([c(1, 0, true)], c(2, 1, false))).toEqual([{ sterilizerCode: 'ZQ-01', cycleNo: 2 }]);
  });
});

describe('fefoPick (docs/domain/sterile-supply.md "Picking")', () => {
  const today = '2026-03-10';
  const stock: StockPack[] = [
    { barcode: 'B', packType: 'suture', expiresOn: '2026-03-20', status: 'released' },
    { barcode: 'A', packType: 'suture', expiresOn: '2026-03-12', status: 'released' },
    { barcode: 'C', packType: 'suture', expiresOn: '2026-03-09', status: 'released' },
    { barcode: 'D', packType: 'suture', expiresOn: '2026-03-11', status: 'delivered' },
    { barcode: 'E', packType: 'dressing', expiresOn: '2026-03-10', status: 'released' },
    { barcode: 'F', packType: 'suture', expiresOn: '2026-03-10', status: 'released' },
  ];

  it('takes the earliest expiry first and skips expired, unreleased and other types', () => {
    expect(fefoPick(stock, 'suture', 2, today)).toEqual({ picked: ['F', 'A'], short: 0 });
    expect(fefoPick(stock, 'suture', 5, today)).toEqual({ picked: ['F', 'A', 'B'], short: 2 });
    expect(fefoPick(stock, 'gauze', 1, today)).toEqual({ picked: [], short: 1 });
  });

  it('refuses a bad quantity or day', () => {
    expect(fieldOf(() => fefoPick(stock, 'suture', 0, today))).toBe('quantity');
    expect(fieldOf(() => fefoPick(stock, 'suture', 1.5, today))).toBe('quantity');
    expect(fieldOf(() => fefoPick(stock, 'suture', 1, '10/03/2026'))).toBe('today');
  });

  it('picks only eligible packs, never leaves an earlier-expiring one behind, and counts the shortfall', () => {
    const packArb = fc.record({
      packType: fc.constantFrom('suture', 'dressing'),
      expiresOn: fc.integer({ min: 0, max: 30 }).map((n) => new Date(Date.UTC(2026, 2, n + 1)).toISOString().slice(0, 10)),
      status: fc.constantFrom(...PACK_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(packArb, { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (raw, quantity) => {
        const packs = raw.map((p, i) => ({ ...p, barcode: `P${String(i).padStart(3, '0')}` }));
        const { picked, short } = fefoPick(packs, 'suture', quantity, today);
        const eligible = packs.filter((p) => p.packType === 'suture' && p.status === 'released' && p.expiresOn >= today);
        expect(picked.length).toBe(Math.min(quantity, eligible.length));
        expect(short).toBe(quantity - picked.length);
        expect(new Set(picked).size).toBe(picked.length);
        const chosen = picked.map((b) => packs.find((p) => p.barcode === b)!);
        for (const p of chosen) expect(eligible).toContain(p);
        for (let i = 1; i < chosen.length; i++) expect(chosen[i - 1]!.expiresOn <= chosen[i]!.expiresOn).toBe(true);
        const latest = chosen.at(-1)?.expiresOn;
        for (const p of eligible) if (!picked.includes(p.barcode) && latest) expect(p.expiresOn >= latest).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
