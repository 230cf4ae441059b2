/**
 * Waiting times, countdowns and sizes of the diagnostics pages. Times themselves are shown
 * through shared/i18n/format.ts (Asia/Shanghai); these are durations, which have no zone.
 */

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole minutes → days, hours and minutes (negative counts as its absolute value). */
export function durationParts(totalMinutes: number): DurationParts {
  const m = Math.floor(Math.abs(totalMinutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

/**
 * A duration for a table cell: `45 分钟`, `2 小时 5 分`, `2 小时`, `3 天 4 小时`, `1 天` (the keys
 * diagnostics.minutes / hoursMinutes / hours / daysHours / days).
 */
export function formatDuration(totalMinutes: number, t: (key: string, values: Record<string, number>) => string): string {
  const { days, hours, minutes } = durationParts(totalMinutes);
  if (days > 0) return hours > 0 ? t('diagnostics.daysHours', { d: days, h: hours }) : t('diagnostics.days', { d: days });
  if (hours > 0) return minutes > 0 ? t('diagnostics.hoursMinutes', { h: hours, m: minutes }) : t('diagnostics.hours', { h: hours });
  return t('diagnostics.minutes', { count: minutes });
}

/**
 * The waiting time now, from the server's figure when the list was fetched plus the whole
 * minutes since: the server's clock decides (it may differ from the browser's), the page ticks.
 */
export function liveMinutes(serverMinutes: number, fetchedAt: number, now: number): number {
  return Math.max(0, serverMinutes + Math.floor(Math.max(0, now - fetchedAt) / 60_000));
}

/** Whole minutes from `now` until `iso` (negative once past). */
export function minutesUntil(iso: string, now: number): number {
  const ms = Date.parse(iso) - now;
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/** `12.3 KB`, `4.0 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
