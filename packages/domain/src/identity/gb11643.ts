/**
 * GB 11643-1999 citizen identity number (公民身份号码): 6-digit address code (GB/T 2260),
 * 8-digit birth date, 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check
 * character (0–9 or X).
 */
export type Sex = 'male' | 'female';

export interface ParsedIdNumber {
  /** 18 characters, upper-case X. */
  normalized: string;
  regionCode: string;
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
}

export type IdNumberProblem = 'format' | 'check_digit' | 'birth_date' | 'region';

export type IdNumberResult = { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when y-m-d is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/**
 * Validates and parses an ID number. `isKnownRegion` decides whether the 6-digit address code is
 * a known GB/T 2260 code (the caller supplies the division table, keeping this function pure).
 * `today` bounds the birth date (no one is born in the future; none older than 150 years).
 */
export function parseIdNumber(raw: string, isKnownRegion: (code: string) => boolean, today: string): IdNumberResult {
  const s = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, problem: 'format', message: '身份证号须为18位，前17位为数字，末位为数字或X' };
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const minYear = Number(today.slice(0, 4)) - 150;
  if (!isRealDate(y, m, d) || birthDate > today || y < minYear) {
    return { ok: false, problem: 'birth_date', message: `身份证号中的出生日期无效：${birthDate}` };
  }
  if (idNumberCheckChar(s.slice(0, 17)) !== s[17]) {
    return { ok: false, problem: 'check_digit', message: '身份证号校验码错误' };
  }
  const regionCode = s.slice(0, 6);
  if (!isKnownRegion(regionCode)) {
    return { ok: false, problem: 'region', message: `身份证号地址码未知：${regionCode}` };
  }
  return { ok: true, value: { normalized: s, regionCode, birthDate, sex: Number(s[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** `110105199003071234` → `110105********1234` (6 + 8 masked + 4). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length !== 18) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}
