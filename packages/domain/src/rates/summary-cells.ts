/**
 * Step-sum summaries (docs/domain/rate-summaries.md). A counted thing (a chronic enrolment, a
 * resident) contributes to a rate's counts a step function of the as-of day, stored as its
 * "points": the days its contribution changes and by how much. Per community the points are
 * summed per year, month and day ("cells"); a count as of t is the sum of the year cells before
 * t's year, the month cells of t's year before t's month and the day cells of t's month up to t.
 */
export interface SummaryPoint {
  /** Unit and disease of a chronic point; null for the signing summary (community-wide). */
  organizationId: string | null;
  disease: string | null;
  /** ISO dates, ascending. */
  days: readonly string[];
  /** One array per counted quantity, each as long as `days`: the change on that day. */
  counts: readonly (readonly number[])[];
}

export type Grain = 'y' | 'm' | 'd';

export interface SummaryCell {
  grain: Grain;
  /** First day of the year or month, or the day itself. */
  bucket: string;
  organizationId: string | null;
  disease: string | null;
  counts: number[];
}

function bucketOf(grain: Grain, day: string): string {
  // Split, not sliced: an end in 9999 steps to 10000-01-01, five digits of year (a 500 when sliced
  // to `10000-0-01`, found by the fuzz suite).
  const [y, m] = day.split('-');
  return grain === 'y' ? `${y}-01-01` : grain === 'm' ? `${y}-${m}-01` : day;
}

/**
 * What replacing the points `before` by `after` adds to each cell: after − before, for every
 * grain, leaving out cells that do not change. Sorted by grain, bucket, unit and disease, so every
 * writer updates cells in one order (no deadlock between two writers of one community).
 */
export function summaryCellChanges(before: readonly SummaryPoint[], after: readonly SummaryPoint[], width: number): SummaryCell[] {
  const cells = new Map<string, SummaryCell>();
  const add = (p: SummaryPoint, sign: 1 | -1) => {
    p.days.forEach((day, i) => {
      for (const grain of ['y', 'm', 'd'] as const) {
        const bucket = bucketOf(grain, day);
        const key = `${grain}|${bucket}|${p.organizationId ?? ''}|${p.disease ?? ''}`;
        let c = cells.get(key);
        if (!c) cells.set(key, (c = { grain, bucket, organizationId: p.organizationId, disease: p.disease, counts: new Array<number>(width).fill(0) }));
        for (let k = 0; k < width; k++) c.counts[k]! += sign * (p.counts[k]?.[i] ?? 0);
      }
    });
  };
  for (const p of before) add(p, -1);
  for (const p of after) add(p, 1);
  const key = (c: SummaryCell) => `${c.grain}|${c.bucket}|${c.organizationId ?? ''}|${c.disease ?? ''}`;
  return [...cells.values()].filter((c) => c.counts.some((n) => n !== 0)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A count as of `asOf` from the cells (the reading rule the SQL of the rate endpoints applies). */
export function countAsOf(cells: readonly SummaryCell[], asOf: string, k: number): number {
  const y0 = `${asOf.slice(0, 4)}-01-01`;
  const m0 = `${asOf.slice(0, 7)}-01`;
  let n = 0;
  for (const c of cells) {
    if ((c.grain === 'y' && c.bucket < y0) || (c.grain === 'm' && c.bucket >= y0 && c.bucket < m0) || (c.grain === 'd' && c.bucket >= m0 && c.bucket <= asOf)) n += c.counts[k] ?? 0;
  }
  return n;
}
