/**
 * Money, ratios and times of the insurance pages. The API speaks integer fen and ratios 0–1
 * (docs/domain/insurance.md "Money and rounding"); the pages show yuan and percentages, and
 * every time in Asia/Shanghai whatever the browser's zone. Fen → yuan is shared with the other
 * modules (shared/i18n/format.ts) and re-exported here.
 */
import { formatYuan } from '../../shared/i18n/format.ts';

export { formatYuan, yuanOf } from '../../shared/i18n/format.ts';

/**
 * The short form of a large amount, for cards and sentences: `4,261.28 万元` in Chinese (万 =
 * 10,000 yuan), `¥42.61M` in English, where 万 has no word.
 */
export function formatWan(fen: number | null | undefined, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (language === 'en') return `${sign}¥${(Math.abs(fen) / 100_000_000).toLocaleString('en', two)}M`;
  return `${sign}${(Math.abs(fen) / 1_000_000).toLocaleString('zh-CN', two)} 万元`;
}

/** Fen → 万元 as a number (chart axes). */
export function wanOf(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}

/** Yuan typed in a form → integer fen (the API refuses fractions of a fen). */
export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 0.95 → 95 (a form's percentage), without float noise (0.07 × 100 = 7.000000000000001). */
export function percentOf(ratio: number): number {
  return Number((ratio * 100).toFixed(7));
}

/** 95 → 0.95; the server reads ratios to 9 decimal places. */
export function ratioOf(percent: number): number {
  return Number((percent / 100).toFixed(9));
}

/** `87.3%` from 0.873; `—` when absent. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A score or point count with up to two decimals: 68.1 → `68.10`. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return score.toFixed(2);
}

/** A signed difference: `+¥1.00`, `-¥2.50`, `¥0.00`. */
export function formatYuanDelta(fen: number): string {
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}

/** The years the insurance pages offer: next year down to three years ago. */
export function insuranceYears(current: number): number[] {
  return [current + 1, current, current - 1, current - 2, current - 3];
}
