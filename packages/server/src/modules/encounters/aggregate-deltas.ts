/** What one stored encounter added to the aggregates: its counters, month, unit and 外转 disease. */
export interface Contribution {
  contrib: Readonly<Record<string, number>>;
  periodMonth: string;
  organizationId: string | null;
  /** Primary ICD-10 category of a resident's out-of-county discharge (外转前十病种), else null. */
  disease: string | null;
}

/** AggregateDeltas as plain data. */
export interface DeltasSnapshot {
  cells: [string, [string, number][]][];
  diseases: [string, number][];
}

/**
 * Deltas to the monthly aggregates, summed in memory over a batch (months × units × metrics, small)
 * and written once: the same arithmetic for ingest, corrections (−old +new), the seed and a recompute.
 */
export class AggregateDeltas {
  /** Per (month, unit): the metric sums — one lookup of the cell per row, metric names are the record's own keys. */
  private readonly cells = new Map<string, Map<string, number>>();
  readonly diseases = new Map<string, number>();

  add(c: Contribution, sign: 1 | -1 = 1): void {
    const cellKey = `${c.periodMonth}|${unitKey(c.organizationId)}`;
    let cell = this.cells.get(cellKey);
    if (!cell) this.cells.set(cellKey, (cell = new Map()));
    for (const k in c.contrib) bump(cell, k, sign * c.contrib[k]!);
    if (c.disease) bump(this.diseases, `${c.periodMonth}|${c.disease}`, sign);
  }

  /** The sums as plain data, to cross a worker thread's boundary (`fromSnapshot`). */
  snapshot(): DeltasSnapshot {
    return { cells: [...this.cells].map(([k, cell]) => [k, [...cell]]), diseases: [...this.diseases] };
  }

  static fromSnapshot(s: DeltasSnapshot): AggregateDeltas {
    const d = new AggregateDeltas();
    for (const [k, cell] of s.cells) d.cells.set(k, new Map(cell));
    for (const [k, n] of s.diseases) d.diseases.set(k, n);
    return d;
  }

  /** The sums keyed `month|unit|metric`. */
  get counters(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [cellKey, cell] of this.cells) for (const [k, n] of cell) out.set(`${cellKey}|${k}`, n);
    return out;
  }
}

function bump(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** The unit key of the aggregates: the organisation, or `out` for care outside the county. */
export function unitKey(organizationId: string | null): string {
  return organizationId ?? 'out';
}
