import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idNumberCheckChar, isRealDate, maskIdNumber, parseIdNumber } from './gb11643.ts';

const known = (code: string) => code === '330521' || code === '110105';
const TODAY = '2026-11-23';
const make = (body17: string) => body17 + idNumberCheckChar(body17);

describe('parseIdNumber (GB 11643)', () => {
  it('accepts the standard example and derives sex and birth date', () => {
    // GB 11643-1999 appendix example: 11010519491231002X, a woman born 1949-12-31.
    const r = parseIdNumber('11010519491231002X', known, TODAY);
    expect(r).toEqual({ ok: true, value: { normalized: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' } });
  });

  it('normalises a lower-case x', () => {
    const r = parseIdNumber('11010519491231002x', known, TODAY);
    expect(r.ok && r.value.normalized).toBe('11010519491231002X');
  });

  it('reads an odd sequence digit as male', () => {
    const r = parseIdNumber(make('33052119580317417'), known, TODAY);
    expect(r.ok && r.value.sex).toBe('male');
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', known, TODAY)).toMatchObject({ ok: false, problem: 'check_digit' });
  });

  it('rejects an impossible date even with a correct check digit', () => {
    expect(parseIdNumber(make('33052119580230417'), known, TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(make('33052119581301417'), known, TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIdNumber(make('33052120000229417'), known, TODAY).ok).toBe(true);
    expect(parseIdNumber(make('33052119000229417'), known, TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('rejects a birth date in the future', () => {
    expect(parseIdNumber(make('33052120261124417'), known, TODAY)).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(make('33052120261123417'), known, TODAY).ok).toBe(true);
  });

  it('rejects an unknown region code', () => {
    expect(parseIdNumber(make('99052119580317417'), known, TODAY)).toMatchObject({ ok: false, problem: 'region' });
  });

  it('rejects wrong lengths and characters', () => {
    for (const bad of ['33052119580317', '3305211958031741X1', '33052119580317X17', '']) {
      expect(parseIdNumber(bad, known, TODAY)).toMatchObject({ ok: false, problem: 'format' });
    }
  });

  it('accepts every generated valid number and rejects every single-character change of the check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 34_000 }), fc.integer({ min: 0, max: 999 }), (day, seq) => {
        const d = new Date(Date.UTC(1930, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
        const body = `330521${d}${String(seq).padStart(3, '0')}`;
        const good = make(body);
        expect(parseIdNumber(good, known, TODAY).ok).toBe(true);
        for (const c of '0123456789X') if (c !== good[17]) expect(parseIdNumber(body + c, known, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('isRealDate', () => {
  it('knows month lengths and the Gregorian leap rule', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2025, 4, 31)).toBe(false);
    expect(isRealDate(2025, 12, 31)).toBe(true);
  });
});

describe('maskIdNumber', () => {
  it('keeps the region and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
