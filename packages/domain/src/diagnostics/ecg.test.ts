import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ECG_LEADS, heartRate, validateEcg, type EcgInput } from './ecg.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const flat = (n: number) => Array.from({ length: n }, () => 0);
const twelve = (n: number): Record<string, number[]> => Object.fromEntries(ECG_LEADS.map((l) => [l, flat(n)]));

describe('validateEcg (docs/domain/diagnostics.md "ECG")', () => {
  it('accepts a 10-second twelve-lead tracing at 500 Hz, and a single lead', () => {
    expect(() => validateEcg({ samplingRate: 500, leads: twelve(5000) })).not.toThrow();
    expect(() => validateEcg({ samplingRate: 250, leads: { II: flat(2500) } })).not.toThrow();
  });

  it('takes an integer sampling rate from 100 to 2000 Hz', () => {
    for (const bad of [99, 2001, 250.5, Number.NaN, '500' as unknown as number]) expect(fieldOf(() => validateEcg({ samplingRate: bad, leads: { II: flat(2500) } }))).toBe('samplingRate');
    expect(() => validateEcg({ samplingRate: 100, leads: { II: flat(200) } })).not.toThrow();
    expect(() => validateEcg({ samplingRate: 2000, leads: { II: flat(4000) } })).not.toThrow();
  });

  it('names the lead: unknown names, non-numbers and a length that differs', () => {
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: {} }))).toBe('leads');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: null as unknown as EcgInput['leads'] }))).toBe('leads');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: [flat(5000)] as unknown as EcgInput['leads'] }))).toBe('leads');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { ...twelve(5000), V7: flat(5000) } }))).toBe('leads.V7');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { avr: flat(5000) } }))).toBe('leads.avr');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { ...twelve(5000), V2: 'x' as unknown as number[] } }))).toBe('leads.V2');
    const v4 = flat(5000);
    v4[17] = Number.NaN;
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { ...twelve(5000), V4: v4 } }))).toBe('leads.V4');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { ...twelve(5000), V3: flat(4999) } }))).toBe('leads.V3');
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { ...twelve(4999), I: flat(5000) } }))).toBe('leads.I');
    // A tie: the first lead in standard order sets the length.
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { aVF: flat(4000), II: flat(5000) } }))).toBe('leads.aVF');
  });

  it('says which lead differs in the message', () => {
    try {
      validateEcg({ samplingRate: 500, leads: { ...twelve(5000), V3: flat(4999) } });
    } catch (e) {
      expect((e as Error).message).toBe('导联 V3 的采样点数（4999）与其他导联（5000）不一致');
    }
  });

  it('takes 2 to 60 seconds', () => {
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { II: flat(999) } }))).toBe('leads');
    expect(() => validateEcg({ samplingRate: 500, leads: { II: flat(1000) } })).not.toThrow();
    expect(() => validateEcg({ samplingRate: 500, leads: { II: flat(30_000) } })).not.toThrow();
    expect(fieldOf(() => validateEcg({ samplingRate: 500, leads: { II: flat(30_001) } }))).toBe('leads');
  });
});

/** A small deterministic noise source (fast-check gives the seed). */
function noise(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296 - 0.5;
  };
}

const gauss = (t: number, mu: number, sigma: number) => Math.exp(-((t - mu) ** 2) / (2 * sigma ** 2));

/**
 * A synthetic ECG: Gaussian P, R (narrow, amplitude 1) and T waves at `bpm`, with baseline
 * wander (0.3 Hz) and white noise of amplitude `noiseAmp`.
 */
function syntheticEcg(bpm: number, fs: number, seconds: number, phase: number, noiseAmp: number, seed: number, invert = false): number[] {
  const rr = 60 / bpm;
  const rnd = noise(seed);
  const out: number[] = [];
  for (let i = 0; i < Math.round(seconds * fs); i++) {
    const t = i / fs;
    let v = 0.2 * Math.sin(2 * Math.PI * 0.3 * t) + noiseAmp * 2 * rnd();
    for (let k = Math.floor((t - phase) / rr) - 1; k <= Math.floor((t - phase) / rr) + 1; k++) {
      const r = phase + k * rr;
      v += 0.12 * gauss(t, r - 0.16, 0.025) + (invert ? -1 : 1) * gauss(t, r, 0.012) + 0.3 * gauss(t, r + Math.min(0.28, 0.35 * rr), 0.05);
    }
    out.push(v);
  }
  return out;
}

describe('heartRate (docs/domain/diagnostics.md "Heart rate")', () => {
  it('reads 75 bpm from a clean synthetic tracing and 60 bpm from a sine', () => {
    expect(heartRate(syntheticEcg(75, 500, 10, 0.3, 0, 1), 500)).toBe(75);
    const sine = Array.from({ length: 5000 }, (_, i) => Math.sin((2 * Math.PI * i) / 500));
    expect(heartRate(sine, 500)).toBe(60);
  });

  it('gives null for a flat line, a single beat, or too short a signal', () => {
    expect(heartRate(flat(5000), 500)).toBeNull();
    expect(heartRate(Array.from({ length: 5000 }, (_, i) => gauss(i / 500, 5, 0.012)), 500)).toBeNull();
    expect(heartRate([0, 1, 0], 500)).toBeNull();
    // Two seconds at 40 bpm: one R wave at 0.9 s, or two at 0.05 s and 1.55 s.
    expect(heartRate(syntheticEcg(40, 500, 2, 0.9, 0, 1), 500)).toBeNull();
    expect(heartRate(syntheticEcg(40, 500, 2, 0.05, 0, 1), 500)).toBe(40);
  });

  it('is not fooled by one large artefact', () => {
    const x = syntheticEcg(70, 500, 10, 0.2, 0.02, 7);
    for (let i = 2000; i < 2010; i++) x[i] = x[i]! + 8 * (i - 2000);
    expect(Math.abs(heartRate(x, 500)! - 70)).toBeLessThanOrEqual(3);
  });

  it('is within ±3 bpm of the true rate from 40 to 180 bpm, upright or inverted, at common sampling rates', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 40, max: 180, noNaN: true }),
        fc.constantFrom(100, 125, 250, 360, 500, 1000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.integer(),
        fc.boolean(),
        (bpm, fs, phaseShare, noiseAmp, seed, invert) => {
          const hr = heartRate(syntheticEcg(bpm, fs, 10, phaseShare * (60 / bpm), noiseAmp, seed, invert), fs);
          expect(hr).not.toBeNull();
          expect(Math.abs(hr! - bpm)).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is within ±3 bpm on pure sines of 40 to 180 cycles a minute', () => {
    fc.assert(
      fc.property(fc.double({ min: 40, max: 180, noNaN: true }), fc.constantFrom(100, 250, 500, 1000), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (bpm, fs, phase) => {
        const x = Array.from({ length: 10 * fs }, (_, i) => Math.sin((2 * Math.PI * bpm * i) / (60 * fs) + phase));
        expect(Math.abs(heartRate(x, fs)! - bpm)).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
