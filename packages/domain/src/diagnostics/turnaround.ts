import { invalid } from '../shared/domain-error.ts';
import { MODALITIES, type Modality, type OrderStatus, type DiagnosticPriority } from './order-machine.ts';

const MINUTE = 60_000;

/** Report targets of one item, in minutes (docs/domain/diagnostics.md "Turnaround"). */
export interface TurnaroundTargets {
  routine: number;
  urgent: number;
}

/**
 * When the report of an order is due: `resultedAt` (the study data reached the centre) plus the
 * item's target for the priority (docs/domain/diagnostics.md "Turnaround"). Targets are positive
 * whole minutes; anything else is a configuration error.
 */
export function reportDueAt(resultedAt: Date, priority: DiagnosticPriority, targets: TurnaroundTargets): Date {
  const minutes = targets[priority];
  if (!Number.isSafeInteger(minutes) || minutes <= 0) throw invalid('报告时限须为正整数（分钟）', `targets.${priority}`, { value: minutes });
  return new Date(resultedAt.getTime() + minutes * MINUTE);
}

/**
 * Turnaround (报告周转时间) of one order in whole minutes, rounded down: report signed minus data
 * arrival (docs/domain/diagnostics.md "Turnaround"). A report cannot precede its data.
 */
export function turnaroundMinutes(resultedAt: Date, reportedAt: Date): number {
  const ms = reportedAt.getTime() - resultedAt.getTime();
  if (ms < 0) throw invalid('报告时间早于结果到达时间', 'reportedAt');
  return Math.floor(ms / MINUTE);
}

/** Whole minutes waited since `from`, rounded down; 0 when `from` is in the future. */
export function waitingMinutes(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / MINUTE));
}

/**
 * An order is overdue while its data has arrived (`resulted`) and its report is not signed by
 * `dueAt` (docs/domain/diagnostics.md "Turnaround"). Named apart from the referral `isOverdue`,
 * which the package index already exports.
 */
export function isReportOverdue(status: OrderStatus, dueAt: Date | null, now: Date): boolean {
  return status === 'resulted' && dueAt !== null && now.getTime() > dueAt.getTime();
}

/** One row of a centre's worklist. `waitingSince`: resultedAt for resulted orders, else orderedAt. */
export interface WorklistEntry {
  id: string;
  priority: DiagnosticPriority;
  status: OrderStatus;
  dueAt: Date | null;
  waitingSince: Date;
}

/**
 * Worklist order (docs/domain/diagnostics.md "Worklist"): urgent first, then overdue first, then
 * the longest waiting; the id breaks the remaining ties so that the order is total. Use as
 * `entries.sort((a, b) => compareWorklist(a, b, now))`.
 */
export function compareWorklist(a: WorklistEntry, b: WorklistEntry, now: Date): number {
  const urgent = Number(b.priority === 'urgent') - Number(a.priority === 'urgent');
  if (urgent !== 0) return urgent;
  const overdue = Number(isReportOverdue(b.status, b.dueAt, now)) - Number(isReportOverdue(a.status, a.dueAt, now));
  if (overdue !== 0) return overdue;
  const waited = a.waitingSince.getTime() - b.waitingSince.getTime();
  if (waited !== 0) return waited;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Nearest-rank percentile (docs/domain/diagnostics.md "Percentiles"): the value at rank
 * `ceil(p · n)` (at least 1) of the ascending list; undefined for an empty list. This equals
 * PostgreSQL's `percentile_disc(p) WITHIN GROUP (ORDER BY v)`, which computes the same rank from
 * the same double-precision product (so p = 0.55 of 100 values is rank 56, as in PostgreSQL);
 * p = 0 gives the minimum and p = 1 the maximum. p outside [0, 1] is refused, as PostgreSQL does.
 */
export function percentileNearestRank(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw invalid('百分位须在 0 到 1 之间', 'p', { value: p });
  if (values.length === 0) return undefined;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw invalid('数值须为有限数', `values[${i}]`);
  });
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/**
 * percentileNearestRank over a histogram (value, count) — the same rank of the same ascending
 * list, without the list: the database groups turnaround minutes instead of sorting every order
 * (docs/domain/diagnostics.md "Percentiles"). Counts must be whole and positive.
 */
export function percentileOfHistogram(histogram: readonly { value: number; count: number }[], p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw invalid('百分位须在 0 到 1 之间', 'p', { value: p });
  histogram.forEach((h, i) => {
    if (!Number.isFinite(h.value)) throw invalid('数值须为有限数', `histogram[${i}].value`);
    if (!Number.isInteger(h.count) || h.count < 1) throw invalid('频数须为正整数', `histogram[${i}].count`);
  });
  const sorted = [...histogram].sort((x, y) => x.value - y.value);
  const n = sorted.reduce((s, h) => s + h.count, 0);
  if (n === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const h of sorted) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return undefined;
}

export interface TurnaroundStats {
  count: number;
  /** Median turnaround in minutes (nearest rank); null when count is 0. */
  p50: number | null;
  p90: number | null;
}

/**
 * Turnaround per modality: count, p50 and p90 by nearest rank (docs/domain/diagnostics.md
 * "Percentiles"). Every modality is present, with count 0 and null percentiles when it has no report.
 */
export function turnaroundSummary(rows: readonly { modality: Modality; turnaroundMinutes: number }[]): Record<Modality, TurnaroundStats> {
  const by = new Map<Modality, number[]>(MODALITIES.map((m) => [m, []]));
  for (const r of rows) by.get(r.modality)?.push(r.turnaroundMinutes);
  const out = {} as Record<Modality, TurnaroundStats>;
  for (const m of MODALITIES) {
    const v = by.get(m)!;
    out[m] = { count: v.length, p50: percentileNearestRank(v, 0.5) ?? null, p90: percentileNearestRank(v, 0.9) ?? null };
  }
  return out;
}
