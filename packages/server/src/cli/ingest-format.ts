import type { IngestResult } from '@yigong/contracts';

/** Where one upload stands: bytes handed to the socket, newlines among them (null for FHIR), time since start. */
export interface ProgressState {
  sent: number;
  total: number;
  /** Records sent so far (newlines), for NDJSON/CSV; null when a row count means nothing (a FHIR Bundle). */
  rows: number | null;
  elapsedMs: number;
  /** Every byte is sent; the server is still validating and committing the batch. */
  waiting?: boolean;
  /** The server answered: show the time taken instead of an ETA. */
  finished?: boolean;
}

/** What the server said about one file. */
export type FileOutcome =
  | { ok: true; file: string; result: IngestResult; seconds: number }
  | { ok: false; file: string; status: number | null; code: string; message: string; seconds: number };

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** `512 B`, `1.5 KB`, `12.3 MB`, `2.34 GB` (powers of 1024). */
export function formatBytes(n: number): string {
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${UNITS[u]}`;
}

/** `0:05`, `12:34`, `1:02:03`; `--:--` when unknown (no rate yet). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** Share of the file sent, 0…1; an empty file is complete. */
export function fraction(s: Pick<ProgressState, 'sent' | 'total'>): number {
  return s.total > 0 ? Math.min(1, s.sent / s.total) : 1;
}

/** Seconds left at the average rate so far; null before anything was measured. */
export function etaSeconds(s: ProgressState): number | null {
  if (s.sent <= 0 || s.elapsedMs <= 0) return null;
  return (Math.max(0, s.total - s.sent) / s.sent) * (s.elapsedMs / 1000);
}

/** `[██████░░░░]`, `width` cells. */
export function formatBar(f: number, width: number): string {
  const full = Math.round(Math.min(1, Math.max(0, f)) * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}]`;
}

/**
 * One progress line: `[███░░] 37.5%  1.20 GB / 3.20 GB  45.6 MB/s  12,345 rows/s  ETA 0:42`.
 * `bar` = 0 leaves the bar out (plain log lines when stderr is not a terminal).
 */
export function formatProgress(s: ProgressState, bar = 24): string {
  const f = fraction(s);
  const secs = s.elapsedMs / 1000;
  const parts = [`${(f * 100).toFixed(1).padStart(5)}%`, `${formatBytes(s.sent)} / ${formatBytes(s.total)}`];
  if (secs > 0) {
    parts.push(`${formatBytes(s.sent / secs)}/s`);
    if (s.rows !== null) parts.push(`${count(Math.round(s.rows / secs))} rows/s`);
  }
  if (s.finished) parts.push(`用时 took ${formatDuration(secs)}`);
  else if (s.waiting) parts.push(`sent in ${formatDuration(secs)}, 等待服务器处理 waiting for the server…`);
  else parts.push(`ETA ${formatDuration(etaSeconds(s))}`);
  return (bar > 0 ? `${formatBar(f, bar)} ` : '') + parts.join('  ');
}

/** Shown error lines per file in the summary; the server's response lists up to 1000. */
export const SUMMARY_ERRORS = 10;

/** The Chinese + English summary of one file: counts, then the first errors with line numbers. */
export function formatSummary(o: FileOutcome, maxErrors = SUMMARY_ERRORS): string[] {
  const took = `${o.seconds.toFixed(1)} s`;
  if (!o.ok) return [`${o.file} — 失败 FAILED: ${o.status ? `HTTP ${o.status} ` : ''}${o.code}: ${o.message} (${took})`];
  const r = o.result;
  const out = [`${o.file} — 接收 accepted ${count(r.accepted)} · 重复 duplicates ${count(r.duplicates)} · 拒收 rejected ${count(r.rejected)} (${took})`];
  for (const e of r.errors.slice(0, maxErrors)) {
    out.push(`  第 ${e.line} 行 line ${e.line}${e.id ? `  id ${e.id}` : ''}  ${e.code}: ${e.message}`);
  }
  const more = r.rejected - Math.min(r.errors.length, maxErrors);
  if (more > 0) out.push(`  … 另有 ${count(more)} 条错误 ${count(more)} more errors${r.errors.length < r.rejected ? ` (服务器列出前 ${count(r.errors.length)} 条 the server lists the first ${count(r.errors.length)})` : ''}`);
  return out;
}

/** Totals over several files (one line), or nothing for a single file. */
export function formatTotals(outcomes: readonly FileOutcome[]): string[] {
  if (outcomes.length < 2) return [];
  const ok = outcomes.filter((o) => o.ok);
  const sum = (k: 'accepted' | 'duplicates' | 'rejected') => ok.reduce((a, o) => a + o.result[k], 0);
  const failed = outcomes.length - ok.length;
  return [`合计 total: ${outcomes.length} 个文件 files — 接收 accepted ${count(sum('accepted'))} · 重复 duplicates ${count(sum('duplicates'))} · 拒收 rejected ${count(sum('rejected'))}${failed ? ` · 失败 failed ${failed} 个文件 files` : ''}`];
}

/** 1 when a file failed as a whole, 2 when lines were rejected, 0 when everything was taken. */
export function exitCodeFor(outcomes: readonly FileOutcome[]): 0 | 1 | 2 {
  if (outcomes.some((o) => !o.ok)) return 1;
  return outcomes.some((o) => o.ok && o.result.rejected > 0) ? 2 : 0;
}
