import { describe, expect, it } from 'vitest';
import type { OrderDetailView } from '@yigong/contracts';
import { durationParts, formatDuration, formatFileSize, liveMinutes, minutesUntil } from './diagnostics-format.ts';
import { prefillReport, remainingPlaceholders, reportTemplateValues } from './report-prefill.ts';
import { base64ToBytes, greyToRgba } from './dicom-pixels.ts';

const t = (key: string, v: Record<string, number>) => `${key}:${JSON.stringify(v)}`;

describe('durations', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(durationParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(125)).toEqual({ days: 0, hours: 2, minutes: 5 });
    expect(durationParts(1440 * 3 + 61)).toEqual({ days: 3, hours: 1, minutes: 1 });
    expect(durationParts(-90)).toEqual({ days: 0, hours: 1, minutes: 30 });
  });

  it('chooses the largest unit that is not zero', () => {
    expect(formatDuration(45, t)).toBe('diagnostics.minutes:{"count":45}');
    expect(formatDuration(125, t)).toBe('diagnostics.hoursMinutes:{"h":2,"m":5}');
    expect(formatDuration(1300 + 1440, t)).toBe('diagnostics.daysHours:{"d":1,"h":21}');
    expect(formatDuration(120, t)).toBe('diagnostics.hours:{"h":2}');
    expect(formatDuration(2880, t)).toBe('diagnostics.days:{"d":2}');
  });

  it('adds the whole minutes since the list was fetched to the server waiting time', () => {
    const fetched = Date.parse('2026-03-01T00:00:30Z');
    expect(liveMinutes(17, fetched, fetched)).toBe(17);
    expect(liveMinutes(17, fetched, fetched + 59_999)).toBe(17);
    expect(liveMinutes(17, fetched, fetched + 60_000)).toBe(18);
    expect(liveMinutes(17, fetched, fetched - 120_000)).toBe(17);
  });

  it('counts whole minutes to a deadline, negative once past', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(minutesUntil('2026-03-01T00:30:00Z', now)).toBe(30);
    expect(minutesUntil('2026-03-01T00:00:59Z', now)).toBe(0);
    expect(minutesUntil('2026-02-28T23:59:30Z', now)).toBe(-1);
    expect(minutesUntil('2026-02-28T23:00:00Z', now)).toBe(-60);
  });

  it('shows file sizes', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(33726)).toBe('32.9 KB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('report prefill', () => {
  const obs = (code: string, name: string, value: number, flag: 'N' | 'H' | 'HH' | 'L' | 'LL' | null, unit = 'mmol/L') => ({ code, name, value, unit, low: 1, high: 2, flag });

  it('fills the lab template from the observations and names the abnormal ones in the conclusion', () => {
    const order = {
      ecg: null,
      observations: [obs('2823-3', '钾', 6.9, 'HH'), obs('2951-2', '钠', 130, 'L'), obs('2075-0', '氯', 102, 'N')],
      template: { findings: '共检测 {{count}} 项，异常 {{abnormalCount}} 项。{{abnormalList}}', conclusion: '检验结果未见明显异常。' },
    } satisfies Pick<OrderDetailView, 'observations' | 'ecg' | 'template'>;
    expect(prefillReport(order)).toEqual({ findings: '共检测 3 项，异常 2 项。钾 6.9 mmol/L↑，钠 130 mmol/L↓', conclusion: '钾升高、钠降低，请结合临床。' });
  });

  it('keeps the template conclusion of a normal lab result', () => {
    const order = { ecg: null, observations: [obs('2075-0', '氯', 102, 'N')], template: { findings: '{{abnormalList}}', conclusion: '未见异常' } };
    expect(prefillReport(order)).toEqual({ findings: '', conclusion: '未见异常' });
  });

  it('fills the ECG heart rate and leaves what only the reader knows', () => {
    const order = {
      ecg: { samplingRate: 250, leads: ['II'], samples: 2500, seconds: 10, heartRate: 84 },
      observations: [],
      template: { findings: '心率 {{hr}} 次/分，PR 间期 {{pr}} ms', conclusion: '1. 窦性心律' },
    };
    expect(reportTemplateValues(order)).toEqual({ hr: 84 });
    const r = prefillReport(order);
    expect(r.findings).toBe('心率 84 次/分，PR 间期 {{pr}} ms');
    expect(remainingPlaceholders(r.findings)).toEqual(['pr']);
    expect(remainingPlaceholders(undefined)).toEqual([]);
  });
});

describe('DICOM frame pixels', () => {
  it('decodes base64 grey bytes into opaque RGBA', () => {
    const bytes = base64ToBytes(btoa(String.fromCharCode(0, 128, 255)));
    expect([...bytes]).toEqual([0, 128, 255]);
    expect([...greyToRgba(bytes, 2, 2)]).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 0, 0, 0, 255]);
  });
});
