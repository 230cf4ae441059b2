/** `2025` → its 12 months, `2025-Q1` → 3, `2025-03` → 1 (first days, ISO). */
export function periodMonths(period: string): string[] {
  const y = period.slice(0, 4);
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}-01`);
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return [0, 1, 2].map((i) => `${y}-${String((Number(q[1]) - 1) * 3 + i + 1).padStart(2, '0')}-01`);
  return [`${period}-01`];
}
