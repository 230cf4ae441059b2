import { describe, expect, it } from 'vitest';
import { ECG_DEFAULT_RATES, ECG_J_OFFSET_SECONDS, ECG_LEADS, ECG_VARIANTS, synthEcg } from './ecg-waveform.ts';

/** Threshold crossings above half the lead's maximum, at most one per 200 ms refractory period. */
function rPeaks(lead: readonly number[], rate: number): number[] {
  const threshold = Math.max(...lead) / 2;
  const refractory = Math.round(0.2 * rate);
  const peaks: number[] = [];
  for (let i = 0; i < lead.length; i++) {
    if (lead[i]! <= threshold || (peaks.length > 0 && i - peaks[peaks.length - 1]! < refractory)) continue;
    // Move to the local maximum just after the crossing.
    let top = i;
    for (let j = i; j < Math.min(lead.length, i + Math.round(0.05 * rate)); j++) if (lead[j]! > lead[top]!) top = j;
    peaks.push(top);
    i = top;
  }
  return peaks;
}

function mean(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

describe('synthEcg', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = synthEcg({ variant: 'normal', seed: 7 });
    expect(synthEcg({ variant: 'normal', seed: 7 })).toEqual(a);
    expect(synthEcg({ variant: 'normal', seed: 8 }).leads.II).not.toEqual(a.leads.II);
  });

  it('gives every lead rate × seconds integer samples', () => {
    for (const variant of ECG_VARIANTS) {
      const ecg = synthEcg({ variant, seed: 1 });
      expect(ecg.samplingRate).toBe(500);
      expect(Object.keys(ecg.leads)).toEqual([...ECG_LEADS]);
      for (const lead of ECG_LEADS) {
        expect(ecg.leads[lead]).toHaveLength(5000);
        expect(ecg.leads[lead].every(Number.isInteger)).toBe(true);
      }
    }
    const short = synthEcg({ variant: 'normal', samplingRate: 250, seconds: 4, seed: 1 });
    for (const lead of ECG_LEADS) expect(short.leads[lead]).toHaveLength(1000);
  });

  it('keeps the Einthoven and Goldberger identities within rounding', () => {
    for (const variant of ECG_VARIANTS) {
      const { leads } = synthEcg({ variant, seed: 3 });
      let worst = 0;
      for (let k = 0; k < leads.I.length; k++) {
        const i = leads.I[k]!;
        const ii = leads.II[k]!;
        worst = Math.max(
          worst,
          Math.abs(leads.III[k]! - (ii - i)),
          Math.abs(leads.aVR[k]! + (i + ii) / 2),
          Math.abs(leads.aVL[k]! - (i - ii / 2)),
          Math.abs(leads.aVF[k]! - (ii - i / 2)),
        );
      }
      expect(worst).toBeLessThanOrEqual(1);
    }
  });

  it('has as many R peaks in lead II over 10 s as the rate gives, within one beat', () => {
    const cases = [
      ...ECG_VARIANTS.map((variant) => ({ variant, heartRate: ECG_DEFAULT_RATES[variant] })),
      { variant: 'normal' as const, heartRate: 55 },
      { variant: 'normal' as const, heartRate: 130 },
      { variant: 'atrial_fibrillation' as const, heartRate: 140 },
    ];
    for (const { variant, heartRate } of cases) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const ecg = synthEcg({ variant, heartRate, seed });
        const count = rPeaks(ecg.leads.II, ecg.samplingRate).length;
        expect(Math.abs(count - (heartRate * 10) / 60), `${variant} ${heartRate}/min seed ${seed}: ${count} peaks`).toBeLessThanOrEqual(1);
      }
    }
    expect(synthEcg({ variant: 'bradycardia', seed: 1 }).heartRate).toBe(38);
  });

  it('is irregular in atrial fibrillation and regular in sinus rhythm', () => {
    const variation = (variant: 'normal' | 'atrial_fibrillation'): number => {
      const peaks = rPeaks(synthEcg({ variant, seed: 11 }).leads.II, 500);
      const rr = peaks.slice(1).map((p, i) => p - peaks[i]!);
      const m = rr.reduce((a, b) => a + b, 0) / rr.length;
      return Math.sqrt(rr.reduce((a, b) => a + (b - m) ** 2, 0) / rr.length) / m;
    };
    expect(variation('normal')).toBeLessThan(0.05);
    expect(variation('atrial_fibrillation')).toBeGreaterThan(0.1);
  });

  it('raises the ST segment in V2 by at least 200 µV in anterior infarction, not in a normal ECG', () => {
    const stShift = (variant: 'normal' | 'st_elevation', seed: number): number[] => {
      const { leads, samplingRate: rate } = synthEcg({ variant, seed });
      const ms = (x: number): number => Math.round((x * rate) / 1000);
      const j = Math.round(ECG_J_OFFSET_SECONDS * rate);
      return rPeaks(leads.II, rate)
        .filter((r) => r - ms(90) >= 0 && r + j + ms(80) <= leads.V2.length)
        .map((r) => mean(leads.V2, r + j, r + j + ms(80)) - mean(leads.V2, r - ms(90), r - ms(60)));
    };
    for (const seed of [1, 2, 3]) {
      const elevated = stShift('st_elevation', seed);
      expect(elevated.length).toBeGreaterThan(8);
      for (const shift of elevated) expect(shift).toBeGreaterThanOrEqual(200);
      for (const shift of stShift('normal', seed)) expect(Math.abs(shift)).toBeLessThan(100);
    }
  });

  it('rejects rates and durations out of range', () => {
    expect(() => synthEcg({ variant: 'normal', heartRate: 5, seed: 1 })).toThrow(RangeError);
    expect(() => synthEcg({ variant: 'normal', samplingRate: 99.5, seed: 1 })).toThrow(RangeError);
    expect(() => synthEcg({ variant: 'normal', seconds: 0, seed: 1 })).toThrow(RangeError);
  });
});
