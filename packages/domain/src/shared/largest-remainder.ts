import { invalid } from './domain-error.ts';

/**
 * Splits a non-negative integer `total` (fen, points, people) among `weights` in proportion so
 * that the parts add up to `total` exactly (largest-remainder / Hamilton method):
 * each part gets the floor of its quota `total × wᵢ ÷ Σw`, and the units left over go one each
 * to the largest remainders; equal remainders go to the lower index first.
 *
 * - Weights are numbers ≥ 0 and may be fractional (score × population, DIP points). A weight of
 *   0 always gets 0. For integer weights with `total × Σw` below 2⁵³ the arithmetic is exact
 *   (remainders are compared as integers); otherwise quotas are computed in double precision and
 *   the parts still add up exactly.
 * - All weights zero (or no weights): a zero total gives zeros; a positive total cannot be split
 *   and throws `VALIDATION_FAILED` naming `field` — the caller decides what that means.
 * - `total` must be a non-negative safe integer; a weight that is negative or not finite throws,
 *   naming `field[i]`.
 */
export function splitByLargestRemainder(total: number, weights: readonly number[], field = 'weights'): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw invalid('分配总额须为非负整数', 'total', { value: total });
  let sum = 0;
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw invalid('分配权重须为非负有限数', `${field}[${i}]`, { value: w });
    sum += w;
  });
  const parts = weights.map(() => 0);
  if (total === 0) return parts;
  if (sum === 0) throw invalid('权重全为零，无法分配', field, { total });

  const remainders = weights.map(() => 0);
  let given = 0;
  weights.forEach((w, i) => {
    if (w === 0) return;
    const scaled = total * w;
    let floor = Math.floor(scaled / sum);
    // Remainder in weight units (exact for integers); the corrections undo a division that
    // rounded across an integer boundary.
    let rest = scaled - floor * sum;
    if (rest < 0) { floor -= 1; rest += sum; } else if (rest >= sum) { floor += 1; rest -= sum; }
    parts[i] = floor;
    remainders[i] = rest;
    given += floor;
  });

  const order = weights.map((_, i) => i).filter((i) => weights[i]! > 0)
    .sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  let left = total - given;
  // In exact arithmetic 0 ≤ left < order.length; the loops also absorb floating-point drift.
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) parts[order[j]!]! += 1;
  for (let j = order.length - 1; left < 0; j = (j - 1 + order.length) % order.length) {
    const i = order[j]!;
    if (parts[i]! > 0) { parts[i]! -= 1; left++; }
  }
  return parts;
}
