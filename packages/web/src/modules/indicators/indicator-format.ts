import dayjs from 'dayjs';
import { drillDownOf, type IndicatorDefinition, type IndicatorPart } from '@yigong/domain';

export type Granularity = 'month' | 'quarter' | 'year';

/** Status colours of the cards and the wall (green met, amber within 5 %, red beyond). */
export const STATUS_COLOURS: Record<string, string> = { green: '#389e0d', amber: '#d48806', red: '#cf1322', none: '#1668dc', no_data: '#8c8c8c' };

/** A value in its unit: ratio → `87.3%`, days → `7.9 天`, yuan → `312 元`, CMI → `0.93`. */
export function formatIndicator(unit: IndicatorDefinition['unit'], value: number | null | undefined, t: (k: string) => string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return `${value.toFixed(1)} ${t('indicators.unitDays')}`;
    case 'yuan':
      return `${Math.round(value).toLocaleString('zh-CN')} ${t('indicators.unitYuan')}`;
    case 'index':
      return value.toFixed(2);
  }
}

/** The number as written to Excel and plotted: percentages ×100, the others rounded. */
export function plainValue(unit: IndicatorDefinition['unit'], value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (unit === 'ratio') return Number((value * 100).toFixed(1));
  if (unit === 'index') return Number(value.toFixed(2));
  if (unit === 'yuan') return Math.round(value);
  return Number(value.toFixed(1));
}

/** The period of `date` at a granularity: 2026, 2026-Q4 or 2026-11. */
export function periodOf(date: dayjs.Dayjs, g: Granularity): string {
  if (g === 'year') return String(date.year());
  if (g === 'quarter') return `${date.year()}-Q${Math.floor(date.month() / 3) + 1}`;
  return date.format('YYYY-MM');
}

export function granularityOf(period: string): Granularity {
  return period.includes('Q') ? 'quarter' : period.length === 7 ? 'month' : 'year';
}

/** The choices of the period selector, newest first (24 months, 8 quarters, 4 years). */
export function periodOptions(g: Granularity, today = dayjs()): string[] {
  const n = g === 'month' ? 24 : g === 'quarter' ? 8 : 4;
  const step = g === 'month' ? 1 : g === 'quarter' ? 3 : 12;
  return Array.from({ length: n }, (_, i) => periodOf(today.subtract(i * step, 'month'), g));
}

/** The 12 months ending with the current one, oldest first. */
export function last12Months(today = dayjs()): string[] {
  return Array.from({ length: 12 }, (_, i) => today.subtract(11 - i, 'month').format('YYYY-MM'));
}

/** A period's business dates, first and last day included: 2026 → 2026-01-01…2026-12-31, 2026-Q2 → 04-01…06-30, 2026-02 → 02-01…02-28. */
export function periodDates(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const g = granularityOf(period);
  const first = g === 'year' ? 1 : g === 'quarter' ? (Number(period.slice(6)) - 1) * 3 + 1 : Number(period.slice(5, 7));
  const months = g === 'year' ? 12 : g === 'quarter' ? 3 : 1;
  const lastDay = new Date(Date.UTC(year, first - 1 + months, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + months - 1)}-${pad(lastDay)}` };
}

export function periodLabel(period: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const g = granularityOf(period);
  if (g === 'year') return t('indicators.yearLabel', { year: period });
  if (g === 'quarter') return t('indicators.quarterLabel', { year: period.slice(0, 4), q: period.slice(6) });
  return t('indicators.monthLabel', { year: period.slice(0, 4), month: Number(period.slice(5)) });
}

/** Yuan from integer fen, two decimals, for tables and Excel (money is stored in fen; DESIGN.md). */
export function yuanFromFen(fen: number): number {
  return Math.round(fen) / 100;
}

export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return yuanFromFen(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * A numerator or denominator as the API reports it, in its own unit: a count of encounters, or a
 * sum — days, fen (shown in yuan) or DRG weight ×10⁴ (shown as the weight).
 */
export function formatPart(def: IndicatorDefinition, part: IndicatorPart, value: number | null | undefined, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined) return '—';
  const d = drillDownOf(def.code, part, 'community');
  if (!d.ok || !d.value.weighted) return t('encounterList.count', { n: value.toLocaleString('zh-CN') });
  if (def.unit === 'days') return `${value.toLocaleString('zh-CN')} ${t('indicators.unitDays')}`;
  if (def.unit === 'index') return (value / 10_000).toFixed(2);
  return `${formatYuan(value)} ${t('indicators.unitYuan')}`;
}
