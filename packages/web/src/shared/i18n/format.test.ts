import { describe, expect, it } from 'vitest';
import { formatDateTime, formatInstantsIn, fromShanghaiWallClock, shanghaiToday, shanghaiWallClock } from './format.ts';

describe('Asia/Shanghai wall clock', () => {
  it('reads an instant as Shanghai shows it', () => {
    expect(shanghaiWallClock('2026-03-03T01:30:00Z')).toBe('2026-03-03T09:30');
    expect(shanghaiWallClock(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01T00:05');
    expect(shanghaiWallClock('nonsense')).toBe('');
    expect(shanghaiToday(new Date('2026-12-06T20:00:00Z'))).toBe('2026-12-07');
  });

  it('turns a picked Shanghai time into an instant with +08:00', () => {
    expect(fromShanghaiWallClock('2026-03-03T09:30')).toBe('2026-03-03T09:30:00+08:00');
    expect(fromShanghaiWallClock('2026-03-03 09:30')).toBe('2026-03-03T09:30:00+08:00');
    expect(new Date(fromShanghaiWallClock('2026-03-03T09:30')!).toISOString()).toBe('2026-03-03T01:30:00.000Z');
  });

  it('refuses what is not a time of an existing day', () => {
    expect(fromShanghaiWallClock('2026-02-30T09:30')).toBeNull();
    expect(fromShanghaiWallClock('2026-03-03T24:00')).toBeNull();
    expect(fromShanghaiWallClock('2026-03-03')).toBeNull();
  });

  it('round-trips with the wall clock', () => {
    for (const iso of ['2026-01-01T00:00:00Z', '2026-06-30T15:59:00Z', '2026-11-01T06:00:00Z']) {
      expect(new Date(fromShanghaiWallClock(shanghaiWallClock(iso))!).toISOString()).toBe(new Date(iso).toISOString());
    }
  });
});

describe('formatInstantsIn', () => {
  it('shows the instants of a comment in Shanghai time, the rest as written', () => {
    expect(formatInstantsIn('会诊时间 2026-12-08T06:00:00.000Z')).toBe(`会诊时间 ${formatDateTime('2026-12-08T06:00:00.000Z')}`);
    expect(formatInstantsIn('会诊时间 2026-12-08T06:00:00.000Z')).toBe('会诊时间 2026-12-08 14:00');
    expect(formatInstantsIn('改至 2026-12-08T14:00+08:00，原 2026-12-07T01:00:00Z')).toBe('改至 2026-12-08 14:00，原 2026-12-07 09:00');
    expect(formatInstantsIn('标本溶血 2026-12-08')).toBe('标本溶血 2026-12-08');
  });
});
