import { createRng, type Rng } from './prng.ts';

/**
 * Synthetic 12-lead resting ECG for the shared ECG centre (issue #13): a sum-of-gaussians
 * P-QRS-T beat model (after McSharry et al., IEEE TBME 2003, here in closed form per beat) with
 * per-lead amplitudes, seeded noise and baseline wander. Values are integer microvolts.
 *
 * Only I, II and V1–V6 are modelled; III, aVR, aVL and aVF are derived from I and II (Einthoven
 * and Goldberger), as an electrocardiograph does, so the identities hold to rounding.
 */

export const ECG_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type EcgLead = (typeof ECG_LEADS)[number];

/**
 * `normal`: sinus rhythm. `st_elevation`: acute anterior (LAD) infarction — ST raised in V1–V4
 * (and I, aVL), reciprocal depression in III and aVF; the demo's critical value. `atrial_fibrillation`:
 * no P waves, fibrillatory baseline, irregularly irregular RR. `bradycardia`: sinus bradycardia.
 */
export const ECG_VARIANTS = ['normal', 'st_elevation', 'atrial_fibrillation', 'bradycardia'] as const;
export type EcgVariant = (typeof ECG_VARIANTS)[number];

/** Heart rate per variant when none is given (beats per minute; AF: mean ventricular rate). */
export const ECG_DEFAULT_RATES: Readonly<Record<EcgVariant, number>> = {
  normal: 72,
  st_elevation: 84,
  atrial_fibrillation: 104,
  bradycardia: 38,
};

export interface EcgOptions {
  variant: EcgVariant;
  /** Beats per minute, 20–250; defaults per variant (ECG_DEFAULT_RATES). */
  heartRate?: number;
  /** Samples per second, an integer 100–2000 (the limits the ECG centre accepts); default 500. */
  samplingRate?: number;
  /** Duration in seconds, 0 < seconds ≤ 60; default 10. */
  seconds?: number;
  seed: number;
}

export interface SyntheticEcg {
  variant: EcgVariant;
  samplingRate: number;
  seconds: number;
  /** The rate the record was built for (AF: the mean ventricular rate). */
  heartRate: number;
  /** Integer microvolts, `round(samplingRate × seconds)` samples per lead. */
  leads: Record<EcgLead, number[]>;
}

/** The leads modelled directly; the other four follow from I and II. */
const SOURCE_LEADS = ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
type SourceLead = (typeof SOURCE_LEADS)[number];

/** Peak amplitudes (µV) of the P, Q, R, S and T waves: a normal adult, axis about +60°. */
interface WaveAmplitudes {
  p: number;
  q: number;
  r: number;
  s: number;
  t: number;
}

const NORMAL_AMPLITUDES: Record<SourceLead, WaveAmplitudes> = {
  I: { p: 80, q: -40, r: 600, s: -100, t: 200 },
  II: { p: 150, q: -60, r: 1100, s: -200, t: 300 },
  V1: { p: 70, q: 0, r: 200, s: -900, t: 50 },
  V2: { p: 60, q: 0, r: 400, s: -1300, t: 500 },
  V3: { p: 60, q: 0, r: 700, s: -900, t: 450 },
  V4: { p: 60, q: -50, r: 1200, s: -500, t: 400 },
  V5: { p: 60, q: -80, r: 1300, s: -250, t: 300 },
  V6: { p: 60, q: -80, r: 1000, s: -150, t: 250 },
};

/** ST shift (µV) in acute anterior infarction; via I and II: III −150, aVF −100, aVL +125. */
const ANTERIOR_STEMI_ST: Record<SourceLead, number> = { I: 100, II: -50, V1: 250, V2: 400, V3: 400, V4: 300, V5: 120, V6: 0 };
/** Hyperacute T waves and lost R height over the infarcted wall. */
const ANTERIOR_STEMI_T_GAIN: Partial<Record<SourceLead, number>> = { V2: 1.4, V3: 1.5, V4: 1.3 };
const ANTERIOR_STEMI_R_GAIN: Partial<Record<SourceLead, number>> = { V1: 0.5, V2: 0.6, V3: 0.7 };

/** Fibrillatory-wave gain per lead: largest in V1 and the inferior leads. */
const F_WAVE_GAIN: Record<SourceLead, number> = { I: 0.3, II: 1, V1: 1.6, V2: 0.9, V3: 0.5, V4: 0.3, V5: 0.2, V6: 0.2 };

// Wave timing relative to the R peak (seconds) and gaussian widths (left, right): PR ≈ 180 ms,
// QRS ≈ 90 ms; the T wave moves with the preceding RR (QTc ≈ 420 ms at 72/min).
const P_WAVE = { at: -0.17, left: 0.022, right: 0.022 };
const Q_WAVE = { at: -0.024, left: 0.008, right: 0.008 };
const R_WAVE = { at: 0, left: 0.009, right: 0.009 };
const S_WAVE = { at: 0.024, left: 0.009, right: 0.009 };
const T_WAVE = { at: 0.25, left: 0.05, right: 0.035 };
/** The J point (end of QRS) after the R peak, where an ST shift begins. */
export const ECG_J_OFFSET_SECONDS = 0.04;

const RESPIRATION_HZ = 1 / 4.2;
const NOISE_UV = 5;

interface Beat {
  /** R peak (seconds). */
  at: number;
  /** The preceding RR interval (seconds), which sets the QT. */
  rr: number;
  /** Respiratory amplitude modulation. */
  gain: number;
}

/** A seeded 12-lead ECG; the same options give the same samples. */
export function synthEcg(options: EcgOptions): SyntheticEcg {
  const { variant, seed } = options;
  if (!ECG_VARIANTS.includes(variant)) throw new RangeError(`unknown ECG variant: ${String(variant)}`);
  const heartRate = options.heartRate ?? ECG_DEFAULT_RATES[variant];
  const samplingRate = options.samplingRate ?? 500;
  const seconds = options.seconds ?? 10;
  if (!(heartRate >= 20 && heartRate <= 250)) throw new RangeError(`heart rate must lie in 20–250/min: ${heartRate}`);
  if (!Number.isInteger(samplingRate) || samplingRate < 100 || samplingRate > 2000) {
    throw new RangeError(`sampling rate must be an integer 100–2000 Hz: ${samplingRate}`);
  }
  if (!(seconds > 0 && seconds <= 60)) throw new RangeError(`duration must lie in (0, 60] s: ${seconds}`);

  const rng = createRng(seed, 'ecg', variant);
  const n = Math.round(samplingRate * seconds);
  const respirationPhase = rng.next() * 2 * Math.PI;
  const beats =
    variant === 'atrial_fibrillation'
      ? irregularBeats(rng.fork('rhythm'), heartRate, seconds)
      : sinusBeats(rng.fork('rhythm'), heartRate, seconds, respirationPhase);

  const source = {} as Record<SourceLead, Float64Array>;
  for (const lead of SOURCE_LEADS) {
    const signal = new Float64Array(n);
    drawBeats(signal, samplingRate, beats, lead, variant);
    addBaseline(signal, samplingRate, rng.fork(`wander-${lead}`), respirationPhase);
    addNoise(signal, rng.fork(`noise-${lead}`));
    source[lead] = signal;
  }
  if (variant === 'atrial_fibrillation') addFibrillation(source, samplingRate, rng.fork('f-waves'));

  const round = (v: number): number => Math.round(v) + 0; // + 0 turns -0 into 0
  const I = Array.from(source.I, round);
  const II = Array.from(source.II, round);
  const leads: Record<EcgLead, number[]> = {
    I,
    II,
    III: II.map((ii, k) => ii - I[k]!),
    aVR: II.map((ii, k) => round(-(I[k]! + ii) / 2)),
    aVL: II.map((ii, k) => round(I[k]! - ii / 2)),
    aVF: II.map((ii, k) => round(ii - I[k]! / 2)),
    V1: Array.from(source.V1, round),
    V2: Array.from(source.V2, round),
    V3: Array.from(source.V3, round),
    V4: Array.from(source.V4, round),
    V5: Array.from(source.V5, round),
    V6: Array.from(source.V6, round),
  };
  return { variant, samplingRate, seconds, heartRate, leads };
}

/** Sinus rhythm: RR from the rate with respiratory sinus arrhythmia (±3 %); starts mid-cycle. */
function sinusBeats(rng: Rng, heartRate: number, seconds: number, respirationPhase: number): Beat[] {
  const rr = 60 / heartRate;
  const beats: Beat[] = [];
  let at = -rr * rng.next(); // the previous beat, so the record opens on its tail
  let previous = rr;
  while (at < seconds + rr) {
    const breath = Math.sin(2 * Math.PI * RESPIRATION_HZ * at + respirationPhase);
    beats.push({ at, rr: previous, gain: 1 + 0.04 * breath });
    previous = rr * (1 + 0.03 * breath);
    at += previous;
  }
  return beats;
}

/**
 * Atrial fibrillation: RR intervals drawn independently (0.6–1.4 × the mean) and scaled so the
 * record holds exactly `round(rate × seconds / 60)` beats, none within 50 ms of either end.
 */
function irregularBeats(rng: Rng, heartRate: number, seconds: number): Beat[] {
  const count = Math.max(1, Math.round((heartRate * seconds) / 60));
  const draw = (): number => 0.6 + 0.8 * rng.next();
  const split = 0.15 + 0.7 * rng.next();
  // Gaps in mean-RR units: lead-in, count − 1 intervals, lead-out (lead-in + lead-out ≈ one RR).
  const gaps = [split * draw()];
  for (let i = 1; i < count; i++) gaps.push(draw());
  gaps.push((1 - split) * draw());
  const scale = seconds / gaps.reduce((a, b) => a + b, 0);
  const beats: Beat[] = [];
  const first = gaps[0]! * scale;
  const before = Math.max(draw(), gaps[0]! + 0.2) * scale;
  beats.push({ at: first - before, rr: draw() * scale, gain: 1 });
  let at = first;
  let rr = before;
  for (let i = 0; i < count; i++) {
    beats.push({ at, rr, gain: 0.96 + 0.08 * rng.next() });
    rr = i + 1 < count ? gaps[i + 1]! * scale : Math.max(draw(), gaps[count]! + 0.2) * scale;
    at += rr;
  }
  beats.push({ at, rr, gain: 1 });
  return beats;
}

function drawBeats(signal: Float64Array, rate: number, beats: readonly Beat[], lead: SourceLead, variant: EcgVariant): void {
  const a = NORMAL_AMPLITUDES[lead];
  const stemi = variant === 'st_elevation';
  const tGain = stemi ? (ANTERIOR_STEMI_T_GAIN[lead] ?? 1) : 1;
  const rGain = stemi ? (ANTERIOR_STEMI_R_GAIN[lead] ?? 1) : 1;
  for (const beat of beats) {
    // QT follows the RR (Bazett), bounded for extreme rates.
    const k = Math.min(1.35, Math.max(0.75, Math.sqrt(beat.rr / 0.833)));
    const g = beat.gain;
    if (variant !== 'atrial_fibrillation') addWave(signal, rate, beat.at, P_WAVE, a.p * g);
    addWave(signal, rate, beat.at, Q_WAVE, a.q * g);
    addWave(signal, rate, beat.at, R_WAVE, a.r * rGain * g);
    addWave(signal, rate, beat.at, S_WAVE, a.s * g);
    const t = { at: T_WAVE.at * k, left: T_WAVE.left * k, right: T_WAVE.right * k };
    addWave(signal, rate, beat.at, t, a.t * tGain * g);
    if (stemi) addStShift(signal, rate, beat.at, t.at, ANTERIOR_STEMI_ST[lead]);
  }
}

/** An asymmetric gaussian `amplitude · exp(−(t − at)² / 2σ²)`, σ differing either side of the peak. */
function addWave(signal: Float64Array, rate: number, beatAt: number, wave: { at: number; left: number; right: number }, amplitude: number): void {
  if (amplitude === 0) return;
  const centre = beatAt + wave.at;
  const from = Math.max(0, Math.ceil((centre - 5 * wave.left) * rate));
  const to = Math.min(signal.length - 1, Math.floor((centre + 5 * wave.right) * rate));
  for (let i = from; i <= to; i++) {
    const dt = i / rate - centre;
    const sigma = dt < 0 ? wave.left : wave.right;
    signal[i]! += amplitude * Math.exp((-0.5 * dt * dt) / (sigma * sigma));
  }
}

/** A plateau from the J point into the T wave (logistic edges), the shape of an injury current. */
function addStShift(signal: Float64Array, rate: number, beatAt: number, tAt: number, amplitude: number): void {
  if (amplitude === 0) return;
  const rise = beatAt + ECG_J_OFFSET_SECONDS - 0.004;
  const fall = beatAt + tAt + 0.03;
  const from = Math.max(0, Math.ceil((rise - 0.06) * rate));
  const to = Math.min(signal.length - 1, Math.floor((fall + 0.3) * rate));
  for (let i = from; i <= to; i++) {
    const t = i / rate;
    signal[i]! += amplitude * logistic((t - rise) / 0.004) * logistic((fall - t) / 0.025);
  }
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Baseline wander: a respiratory component and a slower drift, tens of microvolts. */
function addBaseline(signal: Float64Array, rate: number, rng: Rng, respirationPhase: number): void {
  const breath = 10 + 20 * rng.next();
  const drift = 10 + 10 * rng.next();
  const driftHz = 0.05 + 0.05 * rng.next();
  const driftPhase = rng.next() * 2 * Math.PI;
  for (let i = 0; i < signal.length; i++) {
    const t = i / rate;
    signal[i]! += breath * Math.sin(2 * Math.PI * RESPIRATION_HZ * t + respirationPhase) + drift * Math.sin(2 * Math.PI * driftHz * t + driftPhase);
  }
}

/** White gaussian noise (Box–Muller). */
function addNoise(signal: Float64Array, rng: Rng): void {
  for (let i = 0; i < signal.length; i++) signal[i]! += NOISE_UV * gaussian(rng);
}

function gaussian(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Fibrillatory waves: three sinusoids at 5–8 Hz (300–480/min) under a slow amplitude envelope. */
function addFibrillation(source: Record<SourceLead, Float64Array>, rate: number, rng: Rng): void {
  const parts = Array.from({ length: 3 }, () => ({ hz: 5 + 3 * rng.next(), amplitude: 12 + 14 * rng.next(), phase: rng.next() * 2 * Math.PI }));
  const envelopeHz = 0.2 + 0.2 * rng.next();
  const envelopePhase = rng.next() * 2 * Math.PI;
  const n = source.II.length;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    let f = 0;
    for (const p of parts) f += p.amplitude * Math.sin(2 * Math.PI * p.hz * t + p.phase);
    f *= 1 + 0.3 * Math.sin(2 * Math.PI * envelopeHz * t + envelopePhase);
    for (const lead of SOURCE_LEADS) source[lead][i]! += F_WAVE_GAIN[lead] * f;
  }
}
