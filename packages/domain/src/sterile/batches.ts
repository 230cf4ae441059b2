import { invalid } from '../shared/domain-error.ts';
import { controlCharacterPath } from '../shared/control-characters.ts';
import { checkBusinessDate, isExpired, type PackStatus } from './packs.ts';

/** docs/domain/sterile-supply.md "Sterilisation batches". */
export const STERILISATION_METHODS = ['pressure_steam', 'low_temp_plasma', 'ethylene_oxide'] as const;
export type SterilisationMethod = (typeof STERILISATION_METHODS)[number];

export const STERILISATION_METHOD_LABELS: Readonly<Record<SterilisationMethod, string>> = {
  pressure_steam: '压力蒸汽灭菌',
  low_temp_plasma: '过氧化氢低温等离子灭菌',
  ethylene_oxide: '环氧乙烷灭菌',
};

/** Steam sterilisers: pre-vacuum (including pulsed vacuum) need the day's Bowie-Dick test; gravity displacement does not. */
export const STEAM_CYCLE_TYPES = ['pre_vacuum', 'gravity'] as const;
export type SteamCycleType = (typeof STEAM_CYCLE_TYPES)[number];

/** One run of a steriliser (灭菌批次), as its printout and the monitoring results record it. */
export interface SterilisationCycleRecord {
  sterilizerCode: string;
  /** The steriliser's cycle counter. */
  cycleNo: number;
  method: SterilisationMethod;
  /** Steam only. */
  steamCycleType?: SteamCycleType | null;
  startedAt: Date;
  endedAt: Date;
  /** Lowest chamber temperature held during the exposure (sterilisation) phase, °C. */
  exposureTemperatureC: number;
  /** Length of the exposure phase, minutes. */
  exposureMinutes: number;
  /** Chamber pressure during exposure, kPa; required for steam, ignored otherwise. */
  pressureKpa: number | null;
  chemicalIndicatorPass: boolean;
  /** null: no biological indicator in this cycle. */
  biologicalIndicatorPass: boolean | null;
  /** The steriliser's Bowie-Dick test of the day, run empty before its first load; null: not done. */
  bowieDickPass: boolean | null;
  containsImplants: boolean;
}

/**
 * Plausible readings per method (docs/domain/sterile-supply.md "Cycle record"): outside these a
 * number is a typing or device error, not a cycle. Platform rule, not a standard's value.
 */
export const CYCLE_PLAUSIBLE_RANGES: Readonly<Record<SterilisationMethod, { temperatureC: [number, number] }>> = {
  pressure_steam: { temperatureC: [100, 150] },
  low_temp_plasma: { temperatureC: [20, 80] },
  ethylene_oxide: { temperatureC: [20, 80] },
};
const MAX_STEAM_KPA = 400;
const MAX_CYCLE_HOURS = 48;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

/**
 * docs/domain/sterile-supply.md "Cycle record": throws invalid(…) naming the first field that
 * breaks a rule; returns the record unchanged when it holds.
 */
export function validateCycleRecord(record: SterilisationCycleRecord): SterilisationCycleRecord {
  const r = record;
  if (typeof r.sterilizerCode !== 'string' || r.sterilizerCode.trim() === '' || r.sterilizerCode.length > 32 || controlCharacterPath(r.sterilizerCode, 'sterilizerCode', true)) {
    throw invalid('灭菌器编号须为 1–32 个字符', 'sterilizerCode');
  }
  if (!Number.isInteger(r.cycleNo) || r.cycleNo < 1 || r.cycleNo > 999_999) throw invalid('锅次号须为正整数', 'cycleNo', { value: r.cycleNo });
  if (!STERILISATION_METHODS.includes(r.method)) throw invalid('未知的灭菌方式', 'method', { value: r.method });
  const steam = r.method === 'pressure_steam';
  if (steam && !STEAM_CYCLE_TYPES.includes(r.steamCycleType as SteamCycleType)) throw invalid('压力蒸汽灭菌须注明预真空或下排气', 'steamCycleType');
  if (!isDate(r.startedAt)) throw invalid('开始时间无效', 'startedAt');
  if (!isDate(r.endedAt)) throw invalid('结束时间无效', 'endedAt');
  const minutes = (r.endedAt.getTime() - r.startedAt.getTime()) / 60_000;
  if (minutes <= 0) throw invalid('结束时间须晚于开始时间', 'endedAt');
  if (minutes > MAX_CYCLE_HOURS * 60) throw invalid(`一个灭菌循环不应超过 ${MAX_CYCLE_HOURS} 小时`, 'endedAt');
  const [tMin, tMax] = CYCLE_PLAUSIBLE_RANGES[r.method].temperatureC;
  if (!isFiniteNumber(r.exposureTemperatureC) || r.exposureTemperatureC < tMin || r.exposureTemperatureC > tMax) {
    throw invalid(`${STERILISATION_METHOD_LABELS[r.method]}的温度须在 ${tMin}–${tMax} °C 之间`, 'exposureTemperatureC', { value: r.exposureTemperatureC });
  }
  if (!isFiniteNumber(r.exposureMinutes) || r.exposureMinutes <= 0) throw invalid('灭菌时间须大于 0 分钟', 'exposureMinutes', { value: r.exposureMinutes });
  if (r.exposureMinutes > minutes) throw invalid('灭菌时间不能超过整个循环的时长', 'exposureMinutes', { value: r.exposureMinutes });
  if (steam && (r.pressureKpa === null || r.pressureKpa === undefined)) throw invalid('压力蒸汽灭菌须记录压力', 'pressureKpa');
  if (steam && (!isFiniteNumber(r.pressureKpa) || r.pressureKpa <= 0 || r.pressureKpa > MAX_STEAM_KPA)) {
    throw invalid(`压力须在 0–${MAX_STEAM_KPA} kPa 之间`, 'pressureKpa', { value: r.pressureKpa });
  }
  if (typeof r.chemicalIndicatorPass !== 'boolean') throw invalid('须记录化学监测结果', 'chemicalIndicatorPass');
  if (r.biologicalIndicatorPass !== null && typeof r.biologicalIndicatorPass !== 'boolean') throw invalid('生物监测结果无效', 'biologicalIndicatorPass');
  if (r.bowieDickPass !== null && typeof r.bowieDickPass !== 'boolean') throw invalid('B-D 测试结果无效', 'bowieDickPass');
  if (typeof r.containsImplants !== 'boolean') throw invalid('须注明是否含植入物', 'containsImplants');
  return record;
}

/**
 * Minimum steam exposures, any one of which suffices (docs/domain/sterile-supply.md "Release").
 * 134 °C / 4 min and 121 °C / 15 min are common textbook parameters and our simplification:
 * WS 310.2-2016 lists 132–134 °C for 4 min (pre-vacuum) and 121 °C for 20 min (instruments) or
 * 30 min (textiles) for gravity displacement. A community may pass its own table.
 */
export const DEFAULT_STEAM_EXPOSURES: readonly { minTemperatureC: number; minMinutes: number }[] = [
  // WS 310.3-2016 (as we read it): pre-vacuum 132–134 °C for ≥ 4 min; gravity 121 °C for ≥ 20 min (instruments; textiles need 30).
  { minTemperatureC: 132, minMinutes: 4 },
  { minTemperatureC: 121, minMinutes: 20 },
];

export interface ReleaseDecision {
  release: boolean;
  /** The batch's packs must be recalled (a failed biological indicator); see batchesToRecall. */
  recallRequired: boolean;
  /** Why it is held or recalled, in Chinese; empty when released. */
  reasons: string[];
}

/**
 * docs/domain/sterile-supply.md "Release": may the batch be released (放行)? Validates the record
 * first. Physical parameters (steam), chemical indicator, the day's Bowie-Dick test (pre-vacuum
 * steam), biological indicator where one is required before release (implants; ethylene oxide).
 */
export function releaseDecision(record: SterilisationCycleRecord, steamExposures: readonly { minTemperatureC: number; minMinutes: number }[] = DEFAULT_STEAM_EXPOSURES): ReleaseDecision {
  validateCycleRecord(record);
  const reasons: string[] = [];
  if (record.method === 'pressure_steam') {
    const met = steamExposures.some((e) => record.exposureTemperatureC >= e.minTemperatureC && record.exposureMinutes >= e.minMinutes);
    if (!met) {
      const need = steamExposures.map((e) => `${e.minTemperatureC} °C 不少于 ${e.minMinutes} 分钟`).join('或');
      reasons.push(`物理监测不合格：灭菌温度与时间未达到要求（${need}）`);
    }
    if (record.steamCycleType === 'pre_vacuum') {
      if (record.bowieDickPass === null) reasons.push('当日未记录 B-D 测试，灭菌器不得使用');
      else if (!record.bowieDickPass) reasons.push('当日 B-D 测试不合格，灭菌器不得使用');
    }
  }
  if (!record.chemicalIndicatorPass) reasons.push('化学监测不合格');
  const recallRequired = record.biologicalIndicatorPass === false;
  if (recallRequired) {
    reasons.push('生物监测不合格，须召回上次生物监测合格以来尚未使用的灭菌物品');
  } else if (record.biologicalIndicatorPass === null) {
    if (record.containsImplants) reasons.push('含植入物，须生物监测合格后方可放行');
    if (record.method === 'ethylene_oxide') reasons.push('环氧乙烷灭菌须每批次生物监测合格后方可放行');
  }
  return { release: reasons.length === 0, recallRequired, reasons };
}

/** Enough of a cycle to place it in a steriliser's history. */
export interface CycleRef {
  sterilizerCode: string;
  cycleNo: number;
  startedAt: Date;
  biologicalIndicatorPass: boolean | null;
}

/**
 * docs/domain/sterile-supply.md "Recall": a failed biological indicator recalls every cycle of
 * the same steriliser since the last cycle whose biological indicator passed — the failed cycle
 * and every later one in `history` (they ran before the failure was known). Ordered by start.
 */
export function batchesToRecall(history: readonly CycleRef[], failed: CycleRef): { sterilizerCode: string; cycleNo: number }[] {
  const same = history.filter((c) => c.sterilizerCode === failed.sterilizerCode);
  if (!same.some((c) => c.cycleNo === failed.cycleNo)) same.push(failed);
  same.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.cycleNo - b.cycleNo);
  const failedAt = same.findIndex((c) => c.cycleNo === failed.cycleNo);
  let from = 0;
  for (let i = failedAt - 1; i >= 0; i--) {
    if (same[i]!.biologicalIndicatorPass === true) {
      from = i + 1;
      break;
    }
  }
  return same.slice(from).map((c) => ({ sterilizerCode: c.sterilizerCode, cycleNo: c.cycleNo }));
}

export interface StockPack {
  barcode: string;
  packType: string;
  /** Last day of use (expiryDate). */
  expiresOn: string;
  status: PackStatus;
}

/**
 * docs/domain/sterile-supply.md "Picking": first-expiry-first-out. Takes released packs of the
 * type still in date on `today`, earliest last day first (then barcode, for a stable answer);
 * `short` says how many are missing when stock does not cover `quantity`.
 */
export function fefoPick(stock: readonly StockPack[], packType: string, quantity: number, today: string): { picked: string[]; short: number } {
  checkBusinessDate(today, 'today');
  if (!Number.isInteger(quantity) || quantity < 1) throw invalid('数量须为正整数', 'quantity', { value: quantity });
  const eligible = stock
    .filter((p) => p.packType === packType && p.status === 'released' && !isExpired(p.expiresOn, today))
    .sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0));
  const picked = eligible.slice(0, quantity).map((p) => p.barcode);
  return { picked, short: quantity - picked.length };
}
