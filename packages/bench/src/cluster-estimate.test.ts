import { describe, expect, it } from 'vitest';
import { estimateCluster } from './cluster-estimate.ts';

const TB = 1e12;

describe('estimateCluster', () => {
  const measured = { bytesPerResident: 4_000, bytesPerEncounter: 1_000, encountersPerResidentYear: 8, ingestRowsPerSecondPerWorker: 2_000 };
  const assumed = { workers: 10, diskBytesPerWorker: 2 * TB, headroom: 0.5, countyResidents: 500_000 };

  it('splits a county into its residents and a year of encounters and counts whole counties', () => {
    const e = estimateCluster(measured, assumed, [1, 5]);
    expect(e.usableBytes).toBe(10 * TB);
    expect(e.countyBaseBytes).toBe(2e9); // 500,000 × 4 kB
    expect(e.countyYearBytes).toBe(4e9); // 500,000 × 8 encounters × 1 kB
    // 10 TB / (2 GB + 4 GB) = 1,666.7 → 1,666 counties; with 5 years 10 TB / 22 GB = 454.5 → 454.
    expect(e.holdings).toEqual([
      { years: 1, counties: 1666, residents: 833_000_000, encounters: 1666 * 4_000_000 },
      { years: 5, counties: 454, residents: 227_000_000, encounters: 454 * 4_000_000 * 5 },
    ]);
  });

  it('scales ingest linearly with the workers and gives a county its daily encounters', () => {
    const e = estimateCluster(measured, assumed, []);
    expect(e.ingestRowsPerDay).toBe(2_000 * 10 * 86_400);
    expect(e.countyEncountersPerDay).toBeCloseTo(4_000_000 / 365, 6);
  });

  it('refuses a headroom that leaves no usable disk', () => {
    expect(() => estimateCluster(measured, { ...assumed, headroom: 1 }, [1])).toThrow(/headroom/);
  });
});
