import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../test/test-platform.ts';
import { demoWorld, validIdNumber } from '../../test/factories/residents.ts';
import { outpatientRecord, storedEncounters } from '../../test/factories/encounters.ts';
import { DEMO_PASSWORD } from '../seed/demo-accounts.ts';
import { CONTENT_TYPES } from './ingest-args.ts';
import { IngestClientError, login, sendFile } from './ingest-client.ts';
import { formatSummary, type ProgressState } from './ingest-format.ts';
import { runIngestCli } from './ingest.ts';

describe('npm run ingest against a running server', () => {
  let p: TestPlatform;
  let url: string;
  let dir: string;
  let lead: string;
  let communityId: string;

  const record = (id: string, o: Record<string, unknown> = {}) =>
    outpatientRecord({ id, source: 'HIS-CLI', orgCode: lead, residentIdNumber: validIdNumber('19640505', '330521', Number(id.replace(/\D/g, '')) % 1000), ...o });
  const stored = (source: string) => storedEncounters(p, communityId, source);

  beforeAll(async () => {
    p = await openTestPlatform();
    const w = await demoWorld(p);
    communityId = w.first.id;
    const manager = await p.login('manager');
    lead = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}&kind=lead_hospital`, manager)).body.items[0].code;
    url = (await p.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    dir = await mkdtemp(join(tmpdir(), 'yigong-ingest-cli-'));
  });
  afterAll(async () => {
    await p.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams an NDJSON file of several batches, reports progress to the last byte, and stores every row', async () => {
    const file = join(dir, 'his-2025-04.ndjson');
    const n = 1_300;
    await writeFile(file, Array.from({ length: n }, (_, i) => JSON.stringify(record(`cli-${i}`))).join('\n') + '\n');
    const token = await login(url, 'manager', DEMO_PASSWORD);
    const seen: ProgressState[] = [];
    const out = await sendFile({ url, token, file, contentType: CONTENT_TYPES.ndjson, onProgress: (s) => seen.push(s), progressEveryMs: 5 });
    expect(out).toMatchObject({ ok: true, result: { accepted: n, duplicates: 0, rejected: 0, errors: [] } });
    const size = (await stat(file)).size;
    expect(seen.at(-1)).toMatchObject({ sent: size, total: size, rows: n, waiting: true });
    expect(seen.every((s, i) => i === 0 || s.sent >= seen[i - 1]!.sent)).toBe(true);
    expect(await stored('HIS-CLI')).toBe(n);
  });

  it('prints the summary with line-numbered errors and exits 2 when lines were rejected; a re-send is all duplicates and exits 0', async () => {
    const file = join(dir, 'mixed.csv');
    const header = 'id,source,orgCode,outOfCounty,residentIdNumber,type,start,end,diagnoses,totalCost,fundPaid,outOfPocket';
    const row = (id: string, idNumber: string, costs = '9000,6000,2000') => `${id},HIS-CSV,${lead},false,${idNumber},outpatient,2025-04-03,,I10,${costs}`;
    const first = validIdNumber('19500101');
    await writeFile(file, [header, row('csv-1', first), row('csv-2', '330521195001010000'), row('csv-3', validIdNumber('19500202'), '100,90,20')].join('\r\n'));
    const logs: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void logs.push(s));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const env = { YIGONG_PASSWORD: DEMO_PASSWORD, INIT_CWD: dir };
      expect(await runIngestCli(['mixed.csv', '--url', url, '--user', 'manager'], env)).toBe(2);
      expect(logs[0]).toMatch(/^mixed\.csv — 接收 accepted 1 · 重复 duplicates 0 · 拒收 rejected 2 \(\d+\.\d s\)$/);
      expect(logs.slice(1)).toEqual([expect.stringMatching(/^ {2}第 3 行 line 3 {2}id csv-2 {2}INVALID_ID_NUMBER: /), expect.stringMatching(/^ {2}第 4 行 line 4 {2}id csv-3 {2}INVALID_COSTS: /)]);
      logs.length = 0;
      await writeFile(file, [header, row('csv-1', first)].join('\n'));
      expect(await runIngestCli([file, '--url', url, '--user', 'manager', '--type', 'csv'], { YIGONG_PASSWORD: DEMO_PASSWORD })).toBe(0);
      expect(logs).toEqual([expect.stringMatching(/ — 接收 accepted 0 · 重复 duplicates 1 · 拒收 rejected 0 /)]);
    } finally {
      spy.mockRestore();
      stderr.mockRestore();
    }
    expect(await stored('HIS-CSV')).toBe(1);
  });

  it('re-sending the same file stores nothing twice', async () => {
    const file = join(dir, 'twice.jsonl');
    await writeFile(file, [record('tw-1', { source: 'HIS-TW' }), record('tw-2', { source: 'HIS-TW' })].map((r) => JSON.stringify(r)).join('\n'));
    const token = await login(url, 'manager', DEMO_PASSWORD);
    const send = () => sendFile({ url, token, file, contentType: CONTENT_TYPES.ndjson });
    expect(await send()).toMatchObject({ ok: true, result: { accepted: 2, duplicates: 0 } });
    expect(await send()).toMatchObject({ ok: true, result: { accepted: 0, duplicates: 2 } });
    expect(await stored('HIS-TW')).toBe(2);
  });

  it('stops at once and shows the server’s error when the account may not send (exit 1)', async () => {
    const file = join(dir, 'big.ndjson');
    // 32 MB: far more than the loopback socket buffers, so the 403 arrives while the upload is under way.
    const line = JSON.stringify(record('big-1', { source: 'HIS-BIG' }));
    await writeFile(file, `${line}\n`.repeat(Math.ceil((32 * 1024 * 1024) / line.length)));
    const token = await login(url, 'vdoc', DEMO_PASSWORD);
    let last: ProgressState | null = null;
    const out = await sendFile({ url, token, file, contentType: CONTENT_TYPES.ndjson, onProgress: (s) => (last = s) });
    // Sending stopped with the answer (measured: 0.8–4.5 MB had gone out).
    expect((last as ProgressState | null)!.sent).toBeLessThan((await stat(file)).size / 2);
    expect(out).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(formatSummary(out)[0]).toMatch(/^.*big\.ndjson — 失败 FAILED: HTTP 403 FORBIDDEN: \S+/);
    expect(await stored('HIS-BIG')).toBe(0);
  });

  it('fails with the server’s message on a bad password, an unknown file and an unreachable server', async () => {
    await expect(login(url, 'manager', 'wrong-password')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await expect(login('http://127.0.0.1:9', 'manager', DEMO_PASSWORD)).rejects.toBeInstanceOf(IngestClientError);
    const token = await login(url, 'manager', DEMO_PASSWORD);
    expect(await sendFile({ url, token, file: join(dir, 'nope.ndjson'), contentType: CONTENT_TYPES.ndjson })).toMatchObject({ ok: false, code: 'FILE_UNREADABLE' });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"resourceType": "Bundle", ');
    expect(await sendFile({ url, token, file: bad, contentType: CONTENT_TYPES.fhir })).toMatchObject({ ok: false, status: 400 });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runIngestCli([bad, '--url', url, '--user', 'manager'], { YIGONG_PASSWORD: 'wrong-password' })).toBe(1);
      expect(errors.mock.calls[0]![0]).toMatch(/^登录失败 login failed: HTTP 401 UNAUTHENTICATED: /);
    } finally {
      errors.mockRestore();
    }
  });
});
