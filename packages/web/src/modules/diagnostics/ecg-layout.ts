/**
 * The 12-lead ECG as a paper printout (docs/domain/diagnostics.md "ECG"): the standard 3 × 4
 * layout — each column shows 2.5 s of its three leads — and a rhythm strip of lead II below, at
 * 25 mm/s and 10 mm/mV. Positions are computed in millimetres of paper and returned as percentages
 * of the whole drawing, so a container with the drawing's aspect ratio keeps both scales at any
 * width. Samples arrive in microvolts at `samplingRate`.
 */
export const MM_PER_SECOND = 25;
export const MM_PER_MV = 10;
/** The printout's columns cover at most this many seconds (a 10 s resting ECG). */
const MAX_SECONDS = 10;
/** Points drawn per second at most; a 1000 Hz tracing is thinned to this. */
const MAX_POINTS_PER_SECOND = 500;
const MARGIN_X_MM = 5;
const MARGIN_Y_MM = 3;
/** The vertical range of a row: whole 0.5 mV steps, at least ±0.5 mV, clipped to ±5 mV. */
const STEP_MV = 0.5;
const LIMIT_MV = 5;

/** Rows × columns of the standard printout. */
export const ECG_GRID: readonly (readonly string[])[] = [
  ['I', 'aVR', 'V1', 'V4'],
  ['II', 'aVL', 'V2', 'V5'],
  ['III', 'aVF', 'V3', 'V6'],
];
export const RHYTHM_LEAD = 'II';

export interface EcgWaveformInput {
  samplingRate: number;
  leads: Readonly<Record<string, readonly number[]>>;
}

export interface EcgCell {
  lead: string;
  /** Whether this is the rhythm strip under the 3 × 4 grid. */
  rhythm: boolean;
  /** The seconds of the record the cell shows. */
  from: number;
  to: number;
  /** `[seconds since from, millivolts]`. */
  points: [number, number][];
  /** Vertical range of the cell's row in mV (multiples of 0.5). */
  min: number;
  max: number;
  /** Position in percent of the drawing's width (left, width) and height (top, height). */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface EcgLayout {
  cells: EcgCell[];
  /** Paper size of the drawing. */
  widthMm: number;
  heightMm: number;
  /** Seconds of the record shown. */
  seconds: number;
}

function samplesOf(w: EcgWaveformInput): number {
  const first = w.leads[RHYTHM_LEAD] ?? Object.values(w.leads)[0];
  return first?.length ?? 0;
}

/** Points of `lead` between `from` and `to` seconds, thinned to MAX_POINTS_PER_SECOND, in mV. */
function pointsOf(samples: readonly number[], rate: number, from: number, to: number): [number, number][] {
  const step = Math.max(1, Math.ceil(rate / MAX_POINTS_PER_SECOND));
  const start = Math.round(from * rate);
  const end = Math.min(samples.length - 1, Math.round(to * rate));
  const out: [number, number][] = [];
  for (let i = start; i <= end; i += step) {
    const mv = Math.max(-LIMIT_MV, Math.min(LIMIT_MV, samples[i]! / 1000));
    out.push([Number((i / rate - from).toFixed(4)), mv]);
  }
  return out;
}

function rangeOf(cells: readonly Pick<EcgCell, 'points'>[]): { min: number; max: number } {
  let lo = 0;
  let hi = 0;
  for (const c of cells) {
    for (const [, v] of c.points) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const min = Math.min(-STEP_MV, Math.floor((lo - 0.1) / STEP_MV) * STEP_MV);
  const max = Math.max(STEP_MV, Math.ceil((hi + 0.1) / STEP_MV) * STEP_MV);
  return { min, max };
}

/** The printout of a tracing: the cells of the present leads and the paper size. */
export function ecgLayout(w: EcgWaveformInput): EcgLayout {
  const rate = w.samplingRate;
  const seconds = rate > 0 ? Math.min(MAX_SECONDS, samplesOf(w) / rate) : 0;
  const column = seconds / ECG_GRID[0]!.length;
  const widthMm = 2 * MARGIN_X_MM + seconds * MM_PER_SECOND;

  type Row = { cells: Omit<EcgCell, 'min' | 'max' | 'top' | 'height'>[] };
  const rows: Row[] = ECG_GRID.map((leads) => ({
    cells: leads.flatMap((lead, c) => {
      const samples = w.leads[lead];
      if (!samples) return [];
      const from = c * column;
      const to = from + column;
      return [{ lead, rhythm: false, from, to, points: pointsOf(samples, rate, from, to), left: 0, width: 0 }];
    }),
  }));
  const rhythm = w.leads[RHYTHM_LEAD];
  if (rhythm) rows.push({ cells: [{ lead: RHYTHM_LEAD, rhythm: true, from: 0, to: seconds, points: pointsOf(rhythm, rate, 0, seconds), left: 0, width: 0 }] });

  const ranges = rows.map((r) => rangeOf(r.cells));
  const heightMm = 2 * MARGIN_Y_MM + ranges.reduce((s, r) => s + (r.max - r.min) * MM_PER_MV, 0);
  const pct = (mm: number, of: number) => (mm / of) * 100;

  const cells: EcgCell[] = [];
  let y = MARGIN_Y_MM;
  rows.forEach((row, i) => {
    const { min, max } = ranges[i]!;
    const h = (max - min) * MM_PER_MV;
    for (const c of row.cells) {
      cells.push({
        ...c,
        min,
        max,
        left: pct(MARGIN_X_MM + c.from * MM_PER_SECOND, widthMm),
        width: pct((c.to - c.from) * MM_PER_SECOND, widthMm),
        top: pct(y, heightMm),
        height: pct(h, heightMm),
      });
    }
    y += h;
  });
  return { cells, widthMm, heightMm, seconds };
}
