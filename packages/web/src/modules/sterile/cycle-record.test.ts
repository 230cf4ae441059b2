import { describe, expect, it } from 'vitest';
import { cycleFieldOf, defaultCycleValues, loadLines, missingCycleFields, previewRelease, toCreateBatchRequest, type CycleValues } from './cycle-record.ts';

const now = new Date('2026-03-01T02:30:40Z');
/** The defaults with what the operator reads off the indicators and types in. */
const filled = (over: Partial<CycleValues> = {}): CycleValues => ({
  ...defaultCycleValues(now),
  sterilizerCode: 'S1',
  cycleNo: 1203,
  chemical: 'pass',
  bowieDick: 'pass',
  packs: [{ packType: 'DRESSING', quantity: 20 }],
  ...over,
});

describe('defaultCycleValues', () => {
  it('starts with a pre-vacuum steam cycle at 134 °C for 4 minutes ending on the whole minute', () => {
    const v = defaultCycleValues(now);
    expect(v).toMatchObject({ method: 'pressure_steam', steamCycleType: 'pre_vacuum', temperatureC: 134, exposureMinutes: 4, biological: 'none', implants: false });
    expect(v.endedAt).toBe('2026-03-01T02:30:00.000Z');
    expect(v.startedAt).toBe('2026-03-01T01:45:00.000Z');
  });

  it('leaves the chemical indicator and the Bowie-Dick test for the operator to read', () => {
    expect(missingCycleFields(defaultCycleValues(now))).toEqual(['sterilizerCode', 'cycleNo', 'chemical', 'bowieDick']);
  });
});

describe('previewRelease', () => {
  it('says what is still to fill in', () => {
    expect(previewRelease(defaultCycleValues(now))).toEqual({ kind: 'incomplete', missing: ['sterilizerCode', 'cycleNo', 'chemical', 'bowieDick'] });
  });

  it('releases the usual cycle with every check passed', () => {
    expect(previewRelease(filled())).toEqual({ kind: 'decision', release: true, recallRequired: false, reasons: [] });
  });

  it('holds a cycle below 132 °C or under 4 minutes, and a failed B-D test', () => {
    const d = previewRelease(filled({ temperatureC: 130, bowieDick: 'fail' }));
    expect(d.kind === 'decision' && d.release).toBe(false);
    expect(d.kind === 'decision' && d.reasons.join('；')).toMatch(/物理监测不合格.*B-D 测试不合格/);
  });

  it('holds a load with implants until its biological indicator passes', () => {
    const held = previewRelease(filled({ implants: true }));
    expect(held).toMatchObject({ kind: 'decision', release: false, reasons: ['含植入物，须生物监测合格后方可放行'] });
    expect(previewRelease(filled({ implants: true, biological: 'pass' }))).toMatchObject({ kind: 'decision', release: true });
  });

  it('requires a recall for a failed biological indicator', () => {
    expect(previewRelease(filled({ biological: 'fail' }))).toMatchObject({ kind: 'decision', release: false, recallRequired: true });
  });

  it('needs no pressure, cycle type nor B-D test for low-temperature plasma', () => {
    const plasma = filled({ method: 'low_temp_plasma', steamCycleType: null, temperatureC: 50, exposureMinutes: 30, pressureKpa: null, bowieDick: undefined });
    expect(previewRelease(plasma)).toEqual({ kind: 'decision', release: true, recallRequired: false, reasons: [] });
  });

  it('names the form field of an implausible reading, as the domain refuses it', () => {
    expect(previewRelease(filled({ temperatureC: 13.4 }))).toMatchObject({ kind: 'invalid', field: 'temperatureC' });
    expect(previewRelease(filled({ endedAt: '2026-03-01T01:00:00.000Z' }))).toMatchObject({ kind: 'invalid', field: 'endedAt' });
  });
});

describe('toCreateBatchRequest', () => {
  it('writes the contract’s body: steam fields only for steam, one line per pack type', () => {
    const body = toCreateBatchRequest(filled({ packs: [{ packType: 'DRESSING', quantity: 20 }, undefined, { packType: 'SUTURE', quantity: 5 }, { packType: 'DRESSING', quantity: 2 }] }), 'id-1');
    expect(body).toMatchObject({ id: 'id-1', sterilizerCode: 'S1', cycleNo: 1203, method: 'pressure_steam', steamCycleType: 'pre_vacuum', temperatureC: 134, pressureKpa: 210, chemicalPass: true, biologicalPass: null, bowieDickPass: true, implants: false });
    expect(body.packs).toEqual([
      { packType: 'DRESSING', quantity: 22 },
      { packType: 'SUTURE', quantity: 5 },
    ]);
    const eo = toCreateBatchRequest(filled({ method: 'ethylene_oxide', temperatureC: 55, exposureMinutes: 30 }), 'id-2');
    expect(eo).toMatchObject({ steamCycleType: null, pressureKpa: null, bowieDickPass: null });
  });

  it('leaves out load rows not filled in', () => {
    expect(loadLines([{ packType: 'DRESSING' }, { quantity: 3 }, { packType: 'SUTURE', quantity: 0 }])).toEqual([]);
  });
});

describe('cycleFieldOf', () => {
  it('maps the domain’s and the contract’s names onto the form’s', () => {
    expect(cycleFieldOf('exposureTemperatureC')).toBe('temperatureC');
    expect(cycleFieldOf('chemicalPass')).toBe('chemical');
    expect(cycleFieldOf('containsImplants')).toBe('implants');
    expect(cycleFieldOf('packs.0.packType')).toBe('packs.0.packType');
    expect(cycleFieldOf(undefined)).toBeNull();
  });
});
