import { describe, expect, it } from 'vitest';
import { dayOutside, disabledHours, disabledMinutes, inWindow, scheduleWindow } from './schedule-window.ts';

// 2026-03-03 09:27 in Shanghai (01:27Z): the browser's own zone plays no part.
const now = new Date('2026-03-03T01:27:00Z');
const w = scheduleWindow(now, 30);

describe('scheduleWindow', () => {
  it('runs from now to 30 × 24 hours later, in Shanghai wall-clock time', () => {
    expect(w).toEqual({ after: '2026-03-03T09:27', until: '2026-04-02T09:27' });
  });

  it('disables the days before today and after the last', () => {
    expect(dayOutside('2026-03-02', w)).toBe(true);
    expect(dayOutside('2026-03-03', w)).toBe(false);
    expect(dayOutside('2026-04-02', w)).toBe(false);
    expect(dayOutside('2026-04-03', w)).toBe(true);
  });

  it('disables the past hours of today and the hours after the last minute', () => {
    expect(disabledHours('2026-03-03', w)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(disabledHours('2026-03-10', w)).toEqual([]);
    expect(disabledHours('2026-04-02', w)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('disables now’s hour too when no minute of the step is left in it', () => {
    const late = scheduleWindow(new Date('2026-03-03T01:57:00Z'), 30);
    expect(disabledHours('2026-03-03', late, 5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(disabledHours('2026-03-03', late, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('disables the minutes up to now in this hour, and after the last minute', () => {
    expect(disabledMinutes('2026-03-03', 9, w)).toEqual(Array.from({ length: 28 }, (_, i) => i));
    expect(disabledMinutes('2026-03-03', 10, w)).toEqual([]);
    expect(disabledMinutes('2026-04-02', 9, w)).toEqual(Array.from({ length: 32 }, (_, i) => 28 + i));
  });

  it('takes a time strictly after now and up to the last minute', () => {
    expect(inWindow('2026-03-03T09:27', w)).toBe(false);
    expect(inWindow('2026-03-03T09:30', w)).toBe(true);
    expect(inWindow('2026-04-02T09:27', w)).toBe(true);
    expect(inWindow('2026-04-02T09:30', w)).toBe(false);
  });
});
