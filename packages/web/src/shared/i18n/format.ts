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

/**
 * An instant as the wall-clock time it reads in Asia/Shanghai, `YYYY-MM-DDTHH:mm` (no zone): what a
 * date-time picker shows, whatever the browser's zone.
 */
export function shanghaiWallClock(iso: string | Date): string {
  const d = typeof iso === 'string' ? instant(iso) : iso;
  if (!d) return '';
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Today's business date in Asia/Shanghai, `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiWallClock(now).slice(0, 10);
}

/**
 * A wall-clock time read in Asia/Shanghai (`YYYY-MM-DDTHH:mm`, as a picker gives it) as an ISO 8601
 * instant with its offset: `2026-03-03T09:30:00+08:00` (Shanghai keeps +08:00 all year). Null when
 * the text is not such a time.
 */
export function fromShanghaiWallClock(wall: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(wall);
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}:00+08:00`;
  return shanghaiWallClock(iso) === `${m[1]}T${m[2]}` ? iso : null;
}

const INSTANT_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A free text (a history comment) with every ISO 8601 instant in it shown as formatDateTime does. */
export function formatInstantsIn(text: string): string {
  return text.replace(INSTANT_IN_TEXT, (iso) => formatDateTime(iso));
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
