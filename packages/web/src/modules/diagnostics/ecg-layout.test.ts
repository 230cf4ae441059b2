import { describe, expect, it } from 'vitest';
import { ECG_LEADS } from '@yigong/domain';
import { ecgLayout, MM_PER_MV, MM_PER_SECOND, type EcgWaveformInput } from './ecg-layout.ts';

/** A 12-lead tracing: each lead a sine of its own amplitude (µV). */
function tracing(rate: number, seconds: number, amplitude: (lead: string) => number = () => 1000): EcgWaveformInput {
  const n = Math.round(rate * seconds);
  const leads: Record<string, number[]> = {};
  for (const lead of ECG_LEADS) leads[lead] = Array.from({ length: n }, (_, i) => Math.round(amplitude(lead) * Math.sin((2 * Math.PI * i) / rate)));
  return { samplingRate: rate, leads };
}

const mmWide = (l: { widthMm: number }, pct: number) => (pct / 100) * l.widthMm;
const mmHigh = (l: { heightMm: number }, pct: number) => (pct / 100) * l.heightMm;

describe('ecgLayout', () => {
  it('lays the twelve leads out as the standard 3 × 4 printout with a lead II rhythm strip', () => {
    const l = ecgLayout(tracing(250, 10));
    expect(l.seconds).toBe(10);
    expect(l.cells).toHaveLength(13);
    const at = (lead: string, rhythm = false) => l.cells.find((c) => c.lead === lead && c.rhythm === rhythm)!;
    expect([at('I').from, at('I').to]).toEqual([0, 2.5]);
    expect([at('aVR').from, at('aVR').to]).toEqual([2.5, 5]);
    expect([at('V6').from, at('V6').to]).toEqual([7.5, 10]);
    expect(at('I').top).toBeLessThan(at('II').top);
    expect(at('II').top).toBeLessThan(at('III').top);
    expect(at('I').top).toBe(at('V4').top);
    expect(at('II', true).from).toBe(0);
    expect(at('II', true).to).toBe(10);
    expect(at('II', true).top).toBeGreaterThan(at('III').top);
  });

  it('keeps 25 mm/s and 10 mm/mV in every cell, whatever the amplitudes', () => {
    const l = ecgLayout(tracing(500, 10, (lead) => (lead.startsWith('V') ? 2200 : 600)));
    for (const c of l.cells) {
      expect(mmWide(l, c.width) / (c.to - c.from)).toBeCloseTo(MM_PER_SECOND, 9);
      expect(mmHigh(l, c.height) / (c.max - c.min)).toBeCloseTo(MM_PER_MV, 9);
      expect(c.min % 0.5).toBeCloseTo(0, 9);
      expect(c.max % 0.5).toBeCloseTo(0, 9);
    }
  });

  it('gives each row the range of its own leads, in whole 0.5 mV steps, and stacks the rows without overlap', () => {
    const l = ecgLayout(tracing(250, 10, (lead) => (lead === 'V2' ? 2200 : 600)));
    const row2 = l.cells.find((c) => c.lead === 'V2')!;
    const row1 = l.cells.find((c) => c.lead === 'V1')!;
    expect([row1.min, row1.max]).toEqual([-1, 1]);
    expect([row2.min, row2.max]).toEqual([-2.5, 2.5]);
    const rows = [...new Set(l.cells.map((c) => c.top))].sort((a, b) => a - b);
    for (let i = 1; i < rows.length; i++) {
      const above = l.cells.find((c) => c.top === rows[i - 1])!;
      expect(above.top + above.height).toBeCloseTo(rows[i]!, 9);
    }
  });

  it('converts microvolts to millivolts and times to seconds from the start of the cell', () => {
    const l = ecgLayout({ samplingRate: 100, leads: { II: Array.from({ length: 300 }, () => 1500) } });
    const cell = l.cells.find((c) => c.lead === 'II' && !c.rhythm)!;
    expect([cell.from, cell.to]).toEqual([0, 0.75]);
    expect(cell.points[0]).toEqual([0, 1.5]);
    expect(cell.points.at(-1)![0]).toBeCloseTo(0.75, 2);
  });

  it('thins a fast tracing to at most 500 points a second', () => {
    const l = ecgLayout(tracing(1000, 10));
    const strip = l.cells.find((c) => c.rhythm)!;
    expect(strip.points.length).toBeLessThanOrEqual(10 * 500 + 1);
    expect(strip.points.length).toBeGreaterThan(10 * 400);
  });

  it('shows the first 10 s of a longer tracing, a shorter one whole, and only the leads present', () => {
    expect(ecgLayout(tracing(250, 30)).seconds).toBe(10);
    const short = ecgLayout({ samplingRate: 250, leads: { I: new Array(1000).fill(0), V1: new Array(1000).fill(0) } });
    expect(short.seconds).toBe(4);
    expect(short.cells.map((c) => c.lead)).toEqual(['I', 'V1']);
  });
});
