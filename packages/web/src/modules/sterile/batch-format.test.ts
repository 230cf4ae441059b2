import { describe, expect, it } from 'vitest';
import { cycleName, cycleParameters } from './batch-format.ts';

describe('batch format', () => {
  it('prints steam with its pressure and other methods without', () => {
    expect(cycleParameters({ method: 'pressure_steam', temperatureC: 134, exposureMinutes: 4, pressureKpa: 210 }, '分钟')).toBe('134 °C · 4 分钟 · 210 kPa');
    expect(cycleParameters({ method: 'low_temp_plasma', temperatureC: 50, exposureMinutes: 28.5, pressureKpa: null }, 'min')).toBe('50 °C · 28.5 min');
  });

  it('names a load by steriliser and cycle number', () => {
    expect(cycleName({ sterilizerCode: 'S1', cycleNo: 1203 })).toBe('S1 #1203');
  });
});
