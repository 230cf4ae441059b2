import { describe, expect, it } from 'vitest';
import { activeOn, feeSplitProblem, fulfilmentRate, packageFits, signingRates } from './contracts.ts';

describe('family-doctor contracts', () => {
  it('fits key-population packages to their population only', () => {
    expect(packageFits('general', [])).toBe(true);
    expect(packageFits('hypertension', ['hypertension'])).toBe(true);
    expect(packageFits('hypertension', ['elderly_65'])).toBe(false);
    expect(packageFits('diabetes', ['diabetes_t2'])).toBe(true);
  });

  it('requires the payers to add up to the price in fen', () => {
    expect(feeSplitProblem({ priceFen: 12000, insuranceFen: 7000, publicHealthFen: 3000, financeFen: 1000, residentFen: 1000 })).toBeNull();
    expect(feeSplitProblem({ priceFen: 12000, insuranceFen: 7000, publicHealthFen: 3000, financeFen: 1000, residentFen: 999 })).toMatch(/之和/);
    expect(feeSplitProblem({ priceFen: 100.5, insuranceFen: 100.5, publicHealthFen: 0, financeFen: 0, residentFen: 0 })).toMatch(/整数/);
  });

  it('caps each item at its frequency in the fulfilment rate', () => {
    expect(fulfilmentRate([{ timesPerYear: 4, delivered: 6 }, { timesPerYear: 4, delivered: 1 }])).toBe(5 / 8);
    expect(fulfilmentRate([])).toBeNull();
  });

  it('counts a contract active from its start until its end or termination', () => {
    const c = { residentId: 'r', startsOn: '2025-01-01', endsOn: '2026-01-01', terminatedOn: null };
    expect(activeOn(c, '2025-12-31')).toBe(true);
    expect(activeOn(c, '2026-01-01')).toBe(false);
    expect(activeOn({ ...c, terminatedOn: '2025-06-01' }, '2025-06-01')).toBe(false);
    expect(activeOn({ ...c, terminatedOn: '2025-06-01' }, '2025-05-31')).toBe(true);
  });

  it('computes the signing rate and the key-population signing rate, each person once', () => {
    const residents = [
      { id: 'old', birthDate: '1950-01-01', problemCodes: ['I10', 'E11.9'] },
      { id: 'kid', birthDate: '2022-01-01', problemCodes: [] },
      { id: 'adult', birthDate: '1985-01-01', problemCodes: [] },
      { id: 'adult2', birthDate: '1986-01-01', problemCodes: [] },
    ];
    const contracts = [
      { residentId: 'old', startsOn: '2025-01-01', endsOn: '2026-01-01', terminatedOn: null },
      { residentId: 'adult', startsOn: '2025-01-01', endsOn: '2026-01-01', terminatedOn: null },
    ];
    expect(signingRates(residents, contracts, '2025-12-31')).toEqual({ residents: 4, signed: 2, signingRate: 0.5, keyPopulation: 2, keySigned: 1, keySigningRate: 0.5 });
  });
});
