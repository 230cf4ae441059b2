import type { CreateBatchRequest } from '@yigong/contracts';
import { releaseDecision, type SteamCycleType, type SterilisationCycleRecord, type SterilisationMethod } from '@yigong/domain';
import { fieldProblemOf } from './domain-problem.ts';

/** A monitoring result as the form asks it: passed, failed, or not done / no indicator in this load. */
export type Monitoring = 'pass' | 'fail' | 'none';

/** The 新建灭菌批次 form: the steriliser's printout, the monitoring results and the load. */
export interface CycleValues {
  sterilizerCode?: string;
  cycleNo?: number | null;
  method?: SterilisationMethod;
  steamCycleType?: SteamCycleType | null;
  /** Instants with their offset (+08:00), as the Shanghai picker gives them. */
  startedAt?: string;
  endedAt?: string;
  temperatureC?: number | null;
  exposureMinutes?: number | null;
  pressureKpa?: number | null;
  chemical?: Monitoring;
  biological?: Monitoring;
  bowieDick?: Monitoring;
  implants?: boolean;
  packs?: ({ packType?: string; quantity?: number | null } | undefined)[];
}

/** The form's fields a cycle record needs, in the order the form shows them. */
export const CYCLE_FIELDS = ['sterilizerCode', 'cycleNo', 'method', 'steamCycleType', 'startedAt', 'endedAt', 'temperatureC', 'exposureMinutes', 'pressureKpa', 'chemical', 'bowieDick', 'biological', 'implants'] as const;
export type CycleField = (typeof CYCLE_FIELDS)[number];

/**
 * The domain's (and the server's) field names → the form's: validateCycleRecord names
 * `exposureTemperatureC`, the contract `temperatureC`; both land on the same input.
 */
const FORM_FIELD: Readonly<Record<string, CycleField>> = {
  exposureTemperatureC: 'temperatureC',
  temperatureC: 'temperatureC',
  chemicalIndicatorPass: 'chemical',
  chemicalPass: 'chemical',
  biologicalIndicatorPass: 'biological',
  biologicalPass: 'biological',
  bowieDickPass: 'bowieDick',
  containsImplants: 'implants',
};

/** The form field a rule or a 400 names (`packs.1.quantity` stays as it is), or null. */
export function cycleFieldOf(field: string | null | undefined): string | null {
  if (!field) return null;
  return FORM_FIELD[field] ?? field;
}

/**
 * What the form starts with (the brief of the centre: the usual pre-vacuum steam cycle, 134 °C,
 * 4 minutes' exposure); the monitoring results of chemical indicator and Bowie-Dick test are left
 * for the operator to read, never assumed. `now`: the end of the cycle, the start 45 minutes before.
 */
export function defaultCycleValues(now: Date): CycleValues {
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = new Date(end.getTime() - 45 * 60_000);
  return {
    method: 'pressure_steam',
    steamCycleType: 'pre_vacuum',
    startedAt: start.toISOString(),
    endedAt: end.toISOString(),
    temperatureC: 134,
    exposureMinutes: 4,
    pressureKpa: 210,
    biological: 'none',
    implants: false,
    packs: [{ quantity: 1 }],
  };
}

const result = (m: Monitoring | undefined): boolean | null => (m === 'pass' ? true : m === 'fail' ? false : null);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Fields still empty that the record needs (steam: cycle type, pressure and the B-D test; any method: chemical indicator). */
export function missingCycleFields(v: CycleValues): CycleField[] {
  const steam = v.method === 'pressure_steam';
  const missing: CycleField[] = [];
  if (!v.sterilizerCode?.trim()) missing.push('sterilizerCode');
  if (!isNumber(v.cycleNo)) missing.push('cycleNo');
  if (!v.method) missing.push('method');
  if (steam && !v.steamCycleType) missing.push('steamCycleType');
  if (!v.startedAt) missing.push('startedAt');
  if (!v.endedAt) missing.push('endedAt');
  if (!isNumber(v.temperatureC)) missing.push('temperatureC');
  if (!isNumber(v.exposureMinutes)) missing.push('exposureMinutes');
  if (steam && !isNumber(v.pressureKpa)) missing.push('pressureKpa');
  if (!v.chemical) missing.push('chemical');
  // The day's Bowie-Dick test concerns pre-vacuum steam sterilisers only.
  if (steam && v.steamCycleType === 'pre_vacuum' && !v.bowieDick) missing.push('bowieDick');
  if (!v.biological) missing.push('biological');
  return missing;
}

/** The cycle record of complete values (missingCycleFields empty), in the domain's terms. */
export function toCycleRecord(v: CycleValues): SterilisationCycleRecord {
  const steam = v.method === 'pressure_steam';
  return {
    sterilizerCode: (v.sterilizerCode ?? '').trim(),
    cycleNo: v.cycleNo ?? Number.NaN,
    method: v.method!,
    steamCycleType: steam ? (v.steamCycleType ?? null) : null,
    startedAt: new Date(v.startedAt ?? Number.NaN),
    endedAt: new Date(v.endedAt ?? Number.NaN),
    exposureTemperatureC: v.temperatureC ?? Number.NaN,
    exposureMinutes: v.exposureMinutes ?? Number.NaN,
    pressureKpa: steam ? (v.pressureKpa ?? null) : null,
    chemicalIndicatorPass: v.chemical === 'pass',
    biologicalIndicatorPass: result(v.biological),
    bowieDickPass: steam && v.steamCycleType === 'pre_vacuum' ? result(v.bowieDick) : null,
    containsImplants: !!v.implants,
  };
}

export type ReleasePreview =
  | { kind: 'incomplete'; missing: CycleField[] }
  | { kind: 'invalid'; field: string | null; message: string }
  | { kind: 'decision'; release: boolean; recallRequired: boolean; reasons: string[] };

/**
 * What the server will decide about the batch (releaseDecision, docs/domain/sterile-supply.md
 * "Release"), shown while the operator types: not complete yet, a value the record refuses (with
 * its field), or released / held with the reasons.
 */
export function previewRelease(v: CycleValues): ReleasePreview {
  const missing = missingCycleFields(v);
  if (missing.length > 0) return { kind: 'incomplete', missing };
  try {
    const d = releaseDecision(toCycleRecord(v));
    return { kind: 'decision', release: d.release, recallRequired: d.recallRequired, reasons: d.reasons };
  } catch (e) {
    const problem = fieldProblemOf(e);
    if (!problem) throw e;
    return { kind: 'invalid', field: cycleFieldOf(problem.field), message: problem.message };
  }
}

/** The load's lines as the API takes them: complete lines only, one per pack type (quantities of a repeated type added). */
export function loadLines(packs: CycleValues['packs']): CreateBatchRequest['packs'] {
  const byType = new Map<string, number>();
  for (const p of packs ?? []) {
    if (!p?.packType || !isNumber(p.quantity) || p.quantity < 1) continue;
    byType.set(p.packType, (byType.get(p.packType) ?? 0) + p.quantity);
  }
  return [...byType].map(([packType, quantity]) => ({ packType, quantity }));
}

/** POST /sterile/batches of complete values; `id` makes a retried submission return the batch it made. */
export function toCreateBatchRequest(v: CycleValues, id: string): CreateBatchRequest {
  const r = toCycleRecord(v);
  const steam = r.method === 'pressure_steam';
  return {
    id,
    sterilizerCode: r.sterilizerCode,
    cycleNo: r.cycleNo,
    method: r.method,
    steamCycleType: steam ? r.steamCycleType : null,
    startedAt: v.startedAt!,
    endedAt: v.endedAt!,
    temperatureC: r.exposureTemperatureC,
    exposureMinutes: r.exposureMinutes,
    pressureKpa: steam ? r.pressureKpa : null,
    chemicalPass: r.chemicalIndicatorPass,
    biologicalPass: r.biologicalIndicatorPass,
    bowieDickPass: r.bowieDickPass,
    implants: r.containsImplants,
    packs: loadLines(v.packs),
  };
}
