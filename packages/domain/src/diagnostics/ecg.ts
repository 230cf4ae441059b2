import { invalid } from '../shared/domain-error.ts';

/** The twelve standard leads, in the usual order (docs/domain/diagnostics.md "ECG"). */
export const ECG_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type EcgLead = (typeof ECG_LEADS)[number];

/** A resting ECG as a centre receives it: samples per lead (any unit, e.g. µV) at one rate in Hz. */
export interface EcgInput {
  samplingRate: number;
  leads: Readonly<Record<string, readonly number[]>>;
}

/** docs/domain/diagnostics.md "ECG": the limits a tracing must respect. */
export const ECG_LIMITS = { minRate: 100, maxRate: 2000, minSeconds: 2, maxSeconds: 60 } as const;

const isLead = (name: string): name is EcgLead => (ECG_LEADS as readonly string[]).includes(name);

/**
 * Checks an ECG tracing (docs/domain/diagnostics.md "ECG") and throws `VALIDATION_FAILED` naming
 * the field: `samplingRate` (an integer from 100 to 2000 Hz); `leads` (an object with at least one
 * lead, and a duration from 2 s to 60 s); `leads.<name>` for a name that is not a standard lead,
 * a lead that is not an array of finite numbers, or a lead whose length differs from the others
 * (the others' length is the most common one; on a tie, that of the first lead in standard order).
 */
export function validateEcg(ecg: EcgInput): void {
  const rate: unknown = ecg.samplingRate;
  if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < ECG_LIMITS.minRate || rate > ECG_LIMITS.maxRate) {
    throw invalid(`采样率须为 ${ECG_LIMITS.minRate}–${ECG_LIMITS.maxRate} Hz 之间的整数`, 'samplingRate', { value: rate });
  }
  const leads: unknown = ecg.leads;
  if (typeof leads !== 'object' || leads === null || Array.isArray(leads)) throw invalid('导联数据须为对象', 'leads');
  const names = Object.keys(leads);
  if (names.length === 0) throw invalid('至少需要一个导联', 'leads');
  for (const name of names) if (!isLead(name)) throw invalid(`未知的导联：${name}`, `leads.${name}`);
  const present = ECG_LEADS.filter((l) => Object.hasOwn(leads, l));
  for (const name of present) {
    const samples: unknown = (leads as Record<string, unknown>)[name];
    if (!Array.isArray(samples)) throw invalid(`导联 ${name} 须为数值数组`, `leads.${name}`);
    const bad = samples.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) throw invalid(`导联 ${name} 第 ${bad + 1} 个采样点不是有限数值`, `leads.${name}`, { index: bad });
  }
  const lengths = present.map((l) => ecg.leads[l]!.length);
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  // Map keeps insertion order, so on a tie the first lead's length wins.
  let common = lengths[0]!;
  for (const [n, c] of counts) if (c > counts.get(common)!) common = n;
  const odd = present.find((l) => ecg.leads[l]!.length !== common);
  if (odd) throw invalid(`导联 ${odd} 的采样点数（${ecg.leads[odd]!.length}）与其他导联（${common}）不一致`, `leads.${odd}`, { length: ecg.leads[odd]!.length, expected: common });
  const seconds = common / rate;
  if (seconds < ECG_LIMITS.minSeconds || seconds > ECG_LIMITS.maxSeconds) {
    throw invalid(`心电图时长须在 ${ECG_LIMITS.minSeconds}–${ECG_LIMITS.maxSeconds} 秒之间（当前 ${Math.round(seconds * 10) / 10} 秒）`, 'leads', { seconds });
  }
}

/**
 * Heart rate in beats per minute, rounded to a whole number, from R-peak detection on one lead
 * (docs/domain/diagnostics.md "Heart rate"); null when fewer than two beats are found.
 *
 * Detector: smooth with a 20 ms moving average; take the slope over ±10 ms; in each whole
 * 3-second window (a beat falls in each down to 20 bpm; the whole tracing when shorter) take the
 * steepest rise and the steepest fall; the polarity whose median is larger is
 * used (an inverted QRS, as in aVR, is found on its downstroke) and the threshold is half that
 * median, so one artefact neither hides the beats nor flips the polarity. A beat is the steepest
 * point of a run above the threshold that starts more than 200 ms (refractory period) after the
 * previous beat; runs touching either end of the tracing are dropped (the beat may be cut).
 * Rate = 60 ÷ the mean RR interval, leaving out intervals more than 30% off the median interval
 * (an artefact counted as a beat, or a missed beat).
 */
export function heartRate(samples: readonly number[], samplingRate: number): number | null {
  if (!(samplingRate > 0)) throw invalid('采样率须为正数', 'samplingRate');
  const n = samples.length;
  const w = Math.max(1, Math.round(0.02 * samplingRate));
  const h = Math.max(1, Math.round(0.01 * samplingRate));
  if (n < w + 2 * h + 2) return null;
  // Centred moving average through prefix sums.
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + samples[i]!;
  const half = Math.floor(w / 2);
  const smooth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i - half + w);
    smooth[i] = (prefix[b]! - prefix[a]!) / (b - a);
  }
  const first = h;
  const last = n - 1 - h;
  const slope = new Float64Array(n);
  for (let i = first; i <= last; i++) slope[i] = smooth[i + h]! - smooth[i - h]!;
  // The steepest rise and fall of each whole 3-second window (or of the whole tracing when it is
  // shorter); their medians choose polarity and threshold.
  const window = Math.min(last - first + 1, Math.round(3 * samplingRate));
  const ups: number[] = [];
  const downs: number[] = [];
  for (let start = first; start + window - 1 <= last; start += window) {
    let u = 0;
    let d = 0;
    for (let i = start; i < start + window; i++) {
      u = Math.max(u, slope[i]!);
      d = Math.max(d, -slope[i]!);
    }
    ups.push(u);
    downs.push(d);
  }
  const up = median(ups);
  const down = median(downs);
  const sign = up >= down ? 1 : -1;
  const s = (i: number) => sign * slope[i]!;
  const threshold = 0.5 * Math.max(up, down);
  if (!(threshold > 0)) return null;
  const refractory = Math.round(0.2 * samplingRate);
  const beats: number[] = [];
  let lastBeat = -Infinity;
  for (let i = first; i <= last; ) {
    if (s(i) <= threshold) {
      i++;
      continue;
    }
    let j = i;
    let best = i;
    while (j <= last && s(j) > threshold) {
      if (s(j) > s(best)) best = j;
      j++;
    }
    // A run starting inside the refractory period is skipped whole, not cut in two.
    if (i > first && j <= last && i - lastBeat > refractory) {
      beats.push(best);
      lastBeat = best;
    }
    i = j;
  }
  if (beats.length < 2) return null;
  // RR intervals more than 30% off the median are an artefact or a missed beat: left out.
  const rr = beats.slice(1).map((b, k) => b - beats[k]!);
  const typical = median(rr);
  const kept = rr.filter((x) => Math.abs(x - typical) <= 0.3 * typical);
  return Math.round((60 * samplingRate * kept.length) / kept.reduce((a, b) => a + b, 0));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
