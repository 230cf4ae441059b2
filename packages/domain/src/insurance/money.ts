import { invalid } from '../shared/domain-error.ts';

/**
 * Money arithmetic in integer fen (docs/domain/insurance.md "Money and rounding"). A ratio is read as the
 * decimal the user typed, to 9 places (0.95 is 95/100, not the binary double nearest to it), and a
 * product of an amount and ratios is rounded once, half away from zero — as PostgreSQL's
 * `round(numeric)` does, so SQL and these functions agree to the fen.
 */
const RATE_DIGITS = 1e9;
const RATE_SCALE = 1_000_000_000n;

/** Throws `VALIDATION_FAILED` naming `field` unless `value` is a non-negative safe integer (fen). */
export function assertFen(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid('金额须为非负整数（分）', field, { value });
}

/** Throws `VALIDATION_FAILED` naming `field` unless `value` is a ratio from 0 to 1. */
export function assertRatio(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw invalid('比例须在 0 到 1 之间', field, { value });
}

function rateUnits(rate: number): bigint {
  return BigInt(Math.round(rate * RATE_DIGITS));
}

/** `numerator ÷ denominator` (integers, denominator > 0) rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return Number(negative ? -q : q);
}

/** `round(amount × r₁ × r₂ × …)` in fen, exact for ratios with up to 9 decimal places. */
export function applyRates(amount: number, ...rates: readonly number[]): number {
  return applyRatesOver(amount, 1, rates);
}

/** `round(amount × r₁ × … ÷ divisor)` in fen with a positive integer divisor, rounded once. */
export function applyRatesOver(amount: number, divisor: number, rates: readonly number[]): number {
  let numerator = BigInt(amount);
  let denominator = BigInt(divisor);
  for (const r of rates) {
    numerator *= rateUnits(r);
    denominator *= RATE_SCALE;
  }
  return divideRounded(numerator, denominator);
}

/** Whether `amount ≤ base × rate`, compared exactly (rate read to 9 decimal places). */
export function isWithinRate(amount: number, base: number, rate: number): boolean {
  return BigInt(amount) * RATE_SCALE <= BigInt(base) * rateUnits(rate);
}

/** Fen as yuan for rule texts: `80000` → `800`, `123456` → `1,234.56`, `-5` → `-0.05`. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** A ratio as a percentage for rule texts: `0.85` → `85%`, `0.725` → `72.5%`. */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(4))}%`;
}
