import { describe, expect, it } from 'vitest';
import type { IngestResult } from '@yigong/contracts';
import { etaSeconds, exitCodeFor, formatBar, formatBytes, formatDuration, formatProgress, formatSummary, formatTotals, fraction, type FileOutcome } from './ingest-format.ts';
import { displayWidth, fitWidth, progressReporter } from './ingest-progress.ts';

const GB = 1024 ** 3;
const result = (o: Partial<IngestResult> = {}): IngestResult => ({ accepted: 0, duplicates: 0, rejected: 0, errors: [], ...o });
const ok = (r: Partial<IngestResult>, file = 'a.ndjson'): FileOutcome => ({ ok: true, file, result: result(r), seconds: 1.23 });
const failed: FileOutcome = { ok: false, file: 'b.json', status: 403, code: 'FORBIDDEN', message: '当前角色无权报送就诊数据', seconds: 0.04 };

describe('progress formatting', () => {
  it('writes sizes in powers of 1024 with three significant digits', () => {
    expect([0, 1, 1023, 1024, 1536, 10.5 * 1024 ** 2, 123.4 * 1024 ** 2, 2.345 * GB, 5000 * GB].map(formatBytes))
      .toEqual(['0 B', '1 B', '1023 B', '1.00 KB', '1.50 KB', '10.5 MB', '123 MB', '2.35 GB', '4.88 TB']);
  });

  it('writes durations as m:ss or h:mm:ss, and --:-- when unknown', () => {
    expect([0, 5.4, 59.6, 61, 3599, 3600, 3 * 3600 + 62].map(formatDuration)).toEqual(['0:00', '0:05', '1:00', '1:01', '59:59', '1:00:00', '3:01:02']);
    expect([null, Infinity, NaN, -1].map(formatDuration)).toEqual(['--:--', '--:--', '--:--', '--:--']);
  });

  it('estimates the time left from the average rate, and not before anything was sent', () => {
    expect(etaSeconds({ sent: GB, total: 4 * GB, rows: null, elapsedMs: 10_000 })).toBe(30);
    expect(etaSeconds({ sent: 0, total: 4 * GB, rows: null, elapsedMs: 10_000 })).toBeNull();
    expect(etaSeconds({ sent: 10, total: 10, rows: null, elapsedMs: 0 })).toBeNull();
  });

  it('counts an empty file as complete and never goes past 100%', () => {
    expect(fraction({ sent: 0, total: 0 })).toBe(1);
    expect(fraction({ sent: 12, total: 10 })).toBe(1);
    expect(formatBar(0.5, 10)).toBe('[█████░░░░░]');
    expect(formatBar(1.7, 4)).toBe('[████]');
  });

  it('shows percent, bytes, MB/s, rows/s and ETA on one line', () => {
    const line = formatProgress({ sent: GB, total: 4 * GB, rows: 2_000_000, elapsedMs: 20_000 }, 8);
    expect(line).toBe('[██░░░░░░]  25.0%  1.00 GB / 4.00 GB  51.2 MB/s  100,000 rows/s  ETA 1:00');
  });

  it('leaves out rows/s for a FHIR Bundle and the bar for plain log lines', () => {
    expect(formatProgress({ sent: 512, total: 1024, rows: null, elapsedMs: 1000 }, 0)).toBe(' 50.0%  512 B / 1.00 KB  512 B/s  ETA 0:01');
    expect(formatProgress({ sent: 0, total: 1024, rows: 0, elapsedMs: 0 }, 0)).toBe('  0.0%  0 B / 1.00 KB  ETA --:--');
  });

  it('says how long it took once the server answered', () => {
    expect(formatProgress({ sent: 1024, total: 1024, rows: 10, elapsedMs: 65_000, waiting: true, finished: true }, 0)).toMatch(/100\.0% .* 用时 took 1:05$/);
  });

  it('says it waits for the server once everything is sent', () => {
    expect(formatProgress({ sent: 1024, total: 1024, rows: 10, elapsedMs: 65_000, waiting: true }, 0)).toMatch(/100\.0% .* sent in 1:05, 等待服务器处理 waiting for the server…$/);
  });
});

describe('progress reporter', () => {
  const sink = (isTTY: boolean, columns = 120) => {
    const writes: string[] = [];
    return { writes, out: { isTTY, columns, write: (s: string) => writes.push(s) } };
  };
  const at = (sent: number) => ({ sent, total: 100, rows: sent, elapsedMs: 1000 });

  it('redraws one line in place on a terminal, at most every 100 ms, and ends it with a newline', () => {
    const { writes, out } = sink(true);
    let t = 0;
    const r = progressReporter(out, 'a.ndjson', { now: () => t });
    r.update(at(10));
    t = 50;
    r.update(at(20));
    t = 150;
    r.update(at(30));
    r.done(at(100));
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((w) => w.startsWith('\ra.ndjson [') && w.endsWith('\x1b[K'))).toBe(true);
    expect(writes.slice(0, 3).map((w) => /(\d+\.\d)%/.exec(w)![1])).toEqual(['10.0', '30.0', '100.0']);
    expect(writes[3]).toBe('\n');
  });

  it('cuts the line to the terminal width, counting Chinese characters as two columns', () => {
    const { writes, out } = sink(true, 40);
    progressReporter(out, '门诊.ndjson', { now: () => 0 }).update(at(10));
    expect(displayWidth(writes[0]!.replace('\r', '').replace('\x1b[K', ''))).toBe(39);
    expect(displayWidth('等待 ab')).toBe(7);
    expect(fitWidth('等待服务器', 5)).toBe('等待');
    expect(fitWidth('[██] ok', 4)).toBe('[██]');
  });

  it('prints plain lines every few seconds when not on a terminal, and the final state', () => {
    const { writes, out } = sink(false);
    let t = 0;
    const r = progressReporter(out, 'a.ndjson', { now: () => t, plainEveryMs: 5000 });
    for (t = 0; t < 12_000; t += 200) r.update(at(Math.floor(t / 200)));
    r.done({ ...at(100), waiting: true });
    expect(writes).toHaveLength(4);
    expect(writes.every((w) => w.startsWith('a.ndjson: ') && w.endsWith('\n') && !w.includes('█'))).toBe(true);
    expect(writes[3]).toContain('100.0%');
    expect(writes[3]).not.toContain('waiting');
    expect(writes[3]).toMatch(/用时 took 0:01\n$/);
  });
});

describe('summary', () => {
  it('gives the counts in Chinese and English, then the first errors with line numbers', () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({ line: i + 2, id: i ? `e-${i}` : null, code: 'INVALID_ID_NUMBER' as const, message: '身份证号校验位错误' }));
    const lines = formatSummary(ok({ accepted: 1200, duplicates: 3, rejected: 12, errors }));
    expect(lines[0]).toBe('a.ndjson — 接收 accepted 1,200 · 重复 duplicates 3 · 拒收 rejected 12 (1.2 s)');
    expect(lines[1]).toBe('  第 2 行 line 2  INVALID_ID_NUMBER: 身份证号校验位错误');
    expect(lines[2]).toBe('  第 3 行 line 3  id e-1  INVALID_ID_NUMBER: 身份证号校验位错误');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('  … 另有 2 条错误 2 more errors');
  });

  it('says when the server listed fewer errors than it rejected', () => {
    const errors = [{ line: 5, id: 'x', code: 'INVALID_JSON' as const, message: '不是合法的 JSON' }];
    expect(formatSummary(ok({ rejected: 5000, errors }))).toEqual([
      'a.ndjson — 接收 accepted 0 · 重复 duplicates 0 · 拒收 rejected 5,000 (1.2 s)',
      '  第 5 行 line 5  id x  INVALID_JSON: 不是合法的 JSON',
      '  … 另有 4,999 条错误 4,999 more errors (服务器列出前 1 条 the server lists the first 1)',
    ]);
  });

  it('shows a failed file with the HTTP status and the server’s error', () => {
    expect(formatSummary(failed)).toEqual(['b.json — 失败 FAILED: HTTP 403 FORBIDDEN: 当前角色无权报送就诊数据 (0.0 s)']);
    expect(formatSummary({ ...failed, status: null, code: 'NETWORK_ERROR', message: 'ECONNREFUSED' })[0]).toContain('失败 FAILED: NETWORK_ERROR: ECONNREFUSED');
  });

  it('totals several files and nothing for one', () => {
    expect(formatTotals([ok({ accepted: 1 })])).toEqual([]);
    expect(formatTotals([ok({ accepted: 1, rejected: 2 }), ok({ accepted: 3, duplicates: 4 }), failed])).toEqual([
      '合计 total: 3 个文件 files — 接收 accepted 4 · 重复 duplicates 4 · 拒收 rejected 2 · 失败 failed 1 个文件 files',
    ]);
  });

  it('exits 0 when all was taken, 2 when lines were rejected, 1 when a file failed', () => {
    expect(exitCodeFor([ok({ accepted: 3, duplicates: 1 })])).toBe(0);
    expect(exitCodeFor([ok({ accepted: 3 }), ok({ rejected: 1 })])).toBe(2);
    expect(exitCodeFor([ok({ rejected: 1 }), failed])).toBe(1);
    expect(exitCodeFor([])).toBe(0);
  });
});
