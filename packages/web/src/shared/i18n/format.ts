/** Every time is shown in Asia/Shanghai, whatever the browser's zone (DESIGN.md "Time"). */
const TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function shanghaiParts(date: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-03-01T02:03:04Z` → `2026-03-01 10:03` in Asia/Shanghai. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = instant(iso);
  if (!d) return '—';
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A business date (`2026-03-01`) as it is; an instant as its date in Asia/Shanghai. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = instant(iso);
  if (!d) return '—';
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The current year in Asia/Shanghai (settlement and indicator years are Shanghai business dates). */
export function shanghaiYear(now: Date = new Date()): number {
  return Number(shanghaiParts(now).year);
}

export function orDash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** 1234567 → `1,234,567` with a thousands separator every three digits (integers only). */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `¥1,234,567.89` from 123456789 fen, exactly (integer arithmetic, no float rounding);
 * `-¥1,234.00` when negative; `—` when absent. The API speaks integer fen.
 */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${whole < 0 ? '-' : ''}¥${groupThousands(yuan)}.${cents}`;
}

/** Fen → yuan as a number with two decimals (form fields, Excel cells, chart values). */
export function yuanOf(fen: number): number {
  return Math.round(fen) / 100;
}
