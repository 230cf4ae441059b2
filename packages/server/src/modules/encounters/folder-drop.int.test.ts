import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../../platform/db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { storedEncounters } from '../../../test/factories/encounters.ts';
import { demoWorld, validIdNumber } from '../../../test/factories/residents.ts';
import { FolderDrop, startFolderDrop } from './folder-drop.job.ts';

describe('folder-drop ingest (YIGONG_INGEST_DIR)', () => {
  let p: TestPlatform;
  let communityId: string;
  let codes: { lead: string; township: string; clinic: string };
  let root: string;
  const roots: string[] = [];
  let logs: string[];
  const log = (m: string) => void logs.push(m);

  const record = (id: string, o: Record<string, unknown> = {}) => ({
    id, source: 'HIS-DROP', orgCode: codes.lead, outOfCounty: false, residentIdNumber: validIdNumber('19720808'), type: 'outpatient', start: '2025-05-06',
    diagnoses: [{ code: 'I10', primary: true }], totalCost: 6000, fundPaid: 4000, outOfPocket: 1500, ...o,
  });
  const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  /** Writes a file into `<root>/<account>/`, last modified `ageMs` ago (a finished upload, by default). */
  const drop = async (account: string, name: string, content: string, ageMs = 60_000) => {
    await mkdir(join(root, account), { recursive: true });
    const path = join(root, account, name);
    await writeFile(path, content);
    const t = new Date(Date.now() - ageMs);
    await utimes(path, t, t);
    return path;
  };
  const resultOf = async (account: string, sub: string, name: string) => JSON.parse(await readFile(join(root, account, sub, `${name}.result.json`), 'utf8'));
  const stored = (source: string) => storedEncounters(p, communityId, source);

  beforeAll(async () => {
    p = await openTestPlatform();
    const w = await demoWorld(p);
    communityId = w.first.id;
    const manager = await p.login('manager');
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}`, manager)).body.items as { id: string; code: string; kind: string; parentId: string | null }[];
    const { rows: [his] } = await p.ctx.db.query<{ organization_id: string }>(`select organization_id from app_user where username = 'his.town'`);
    const township = orgs.find((o) => o.id === his!.organization_id)!;
    codes = { lead: orgs.find((o) => o.kind === 'lead_hospital')!.code, township: township.code, clinic: orgs.find((o) => o.parentId === township.id)!.code };
  });
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'yigong-drop-'));
    roots.push(root);
    logs = [];
  });
  afterAll(async () => p.close());

  it('ingests a dropped NDJSON file as the folder’s account and moves it to done/ with its result', async () => {
    await drop('manager', 'his-2025-05.ndjson', ndjson([record('d-1'), record('d-2'), record('d-3', { residentIdNumber: '330521197208080000' })]));
    const [o, ...rest] = await new FolderDrop(p.ctx, root, log).scan();
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ account: 'manager', file: 'his-2025-05.ndjson', status: 'done', movedTo: join(root, 'manager', 'done', 'his-2025-05.ndjson') });
    expect(await readdir(join(root, 'manager'))).toEqual(['done']);
    expect((await readdir(join(root, 'manager', 'done'))).sort()).toEqual(['his-2025-05.ndjson', 'his-2025-05.ndjson.result.json']);
    const r = await resultOf('manager', 'done', 'his-2025-05.ndjson');
    expect(r).toMatchObject({ file: 'his-2025-05.ndjson', account: 'manager', status: 'done', communityId, kind: 'ndjson', result: { accepted: 2, duplicates: 0, rejected: 1, errors: [{ line: 3, id: 'd-3', code: 'INVALID_ID_NUMBER' }] } });
    expect(Number.isInteger(r.durationMs) && r.durationMs < 60_000).toBe(true);
    expect(Date.parse(r.finishedAt)).toBeGreaterThanOrEqual(Date.parse(r.startedAt));
    expect(await stored('HIS-DROP')).toBe(2);
    expect(logs).toEqual([expect.stringMatching(/^folder-drop: manager\/his-2025-05\.ndjson → done: accepted 2, duplicates 0, rejected 1 /)]);
    // The same audit row as over HTTP, in the account's name.
    const { rows } = await p.ctx.db.query<{ username: string }>(`select username from audit_log where community_id = $1 and action = 'encounter.ingest' order by id desc limit 1`, [communityId]);
    expect(rows[0]!.username).toBe('manager');
  });

  it('leaves alone .part and .tmp files, dotfiles, other files and files modified in the last seconds', async () => {
    const content = ndjson([record('p-1', { source: 'HIS-PART' })]);
    await drop('manager', 'upload.ndjson.part', content);
    await drop('manager', 'upload.csv.tmp', content);
    await drop('manager', '.upload.ndjson', content);
    await drop('manager', 'notes.txt', content);
    await drop('manager', 'fresh.ndjson', content, 0);
    expect(await new FolderDrop(p.ctx, root, log).scan()).toEqual([]);
    expect((await readdir(join(root, 'manager'))).sort()).toEqual(['.upload.ndjson', 'fresh.ndjson', 'notes.txt', 'upload.csv.tmp', 'upload.ndjson.part']);
    expect(await stored('HIS-PART')).toBe(0);
  });

  it('skips and reports once a folder whose account is unknown or may not send, touching nothing', async () => {
    await drop('nobody', 'a.ndjson', ndjson([record('u-1', { source: 'HIS-UNKNOWN' })]));
    await drop('vdoc', 'a.ndjson', ndjson([record('u-2', { source: 'HIS-UNKNOWN' })]));
    const job = new FolderDrop(p.ctx, root, log);
    expect(await job.scan()).toEqual([]);
    expect(await job.scan()).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(/^folder-drop: skipping folder nobody\/ \(1 files\): 没有这个账号/),
      expect.stringMatching(/^folder-drop: skipping folder vdoc\/ \(1 files\): 角色 village_doctor/),
    ]);
    expect(existsSync(join(root, 'nobody', 'a.ndjson')) && existsSync(join(root, 'vdoc', 'a.ndjson'))).toBe(true);
    expect(existsSync(join(root, 'nobody', 'done')) || existsSync(join(root, 'nobody', 'failed'))).toBe(false);
    expect(await stored('HIS-UNKNOWN')).toBe(0);
  });

  it('files a FHIR Bundle that is not JSON under failed/ with the error', async () => {
    await drop('manager', 'bundle.json', '{"resourceType": "Bundle", "entry": [');
    const [o] = await new FolderDrop(p.ctx, root, log).scan();
    expect(o).toMatchObject({ status: 'failed', movedTo: join(root, 'manager', 'failed', 'bundle.json') });
    expect(await resultOf('manager', 'failed', 'bundle.json')).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_FAILED', message: 'FHIR Bundle 不是合法的 JSON' } });
    expect(existsSync(join(root, 'manager', 'bundle.json'))).toBe(false);
  });

  it('counts a file dropped again as duplicates only, and keeps both results', async () => {
    const content = ndjson([record('r-1', { source: 'HIS-AGAIN' }), record('r-2', { source: 'HIS-AGAIN' })]);
    const job = new FolderDrop(p.ctx, root, log);
    await drop('manager', 'daily.ndjson', content);
    expect((await job.scan())[0]).toMatchObject({ status: 'done', record: { result: { accepted: 2, duplicates: 0 } } });
    await drop('manager', 'daily.ndjson', content);
    const [again] = await job.scan();
    expect(again).toMatchObject({ status: 'done', record: { result: { accepted: 0, duplicates: 2, rejected: 0 } } });
    expect(again!.movedTo).toMatch(/done\/daily\.\d{8}T\d{6}Z\.ndjson$/);
    expect((await readdir(join(root, 'manager', 'done'))).length).toBe(4);
    expect(await stored('HIS-AGAIN')).toBe(2);
  });

  it('holds an integration account to its own unit: another unit’s lines are NOT_ALLOWED in the result', async () => {
    const own = (id: string, orgCode: string, o: Record<string, unknown> = {}) => record(id, { source: codes.township, orgCode, ...o });
    await drop('his.town', 'town.ndjson', ndjson([own('t-1', codes.township), own('t-2', codes.clinic), own('t-3', codes.lead), record('t-4', { orgCode: codes.township })]));
    const [o] = await new FolderDrop(p.ctx, root, log).scan();
    expect(o).toMatchObject({ account: 'his.town', status: 'done' });
    const r = await resultOf('his.town', 'done', 'town.ndjson');
    expect(r.result).toMatchObject({ accepted: 2, rejected: 2 });
    expect(r.result.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, 'NOT_ALLOWED'], [4, 'NOT_ALLOWED']]);
  });

  it('reads CSV, with the byte-order mark a Windows HIS writes', async () => {
    const header = 'id,source,orgCode,outOfCounty,residentIdNumber,type,start,end,diagnoses,totalCost,fundPaid,outOfPocket';
    await drop('manager', 'visits.csv', `\uFEFF${header}\r\nc-1,HIS-CSVDROP,${codes.lead},false,${validIdNumber('19800101')},outpatient,2025-05-07,,J06.9;I10,5000,3000,1000\r\n`);
    const [o] = await new FolderDrop(p.ctx, root, log).scan();
    expect(o).toMatchObject({ status: 'done', record: { kind: 'csv', result: { accepted: 1, rejected: 0 } } });
  });

  it('leaves a file whose ingest broke off in place, stores none of it, and ingests it whole next time', async () => {
    const n = 7_200; // several chunks (1,000 then 5,000), the first written before the break
    await drop('manager', 'cut.ndjson', ndjson(Array.from({ length: n }, (_, i) => record(`cut-${i}`, { source: 'HIS-CUT-DROP' }))));
    // The connection drops on the batch's second COPY (sent while the first may still run; the
    // first one's rows are written before the rollback).
    let written = 0;
    let sent = 0;
    const flaky: AppContext = { ...p.ctx, db: Object.create(p.ctx.db) };
    flaky.db.transaction = <T>(fn: (tx: Tx) => Promise<T>) => p.ctx.db.transaction(async (tx) => {
      return fn({
        exec: (s) => tx.exec(s),
        query: (text, params) => tx.query(text, params) as never,
        copyLines: async (table, columns, lines) => {
          if (table === 'encounter' && sent++ === 1) throw new Error('connection lost');
          const copied = await tx.copyLines(table, columns, lines);
          if (table === 'encounter') written++;
          return copied;
        },
        copyChunks: (table, columns, chunks) => tx.copyChunks(table, columns, chunks),
      });
    });
    const [o] = await new FolderDrop(flaky, root, log).scan();
    expect(o).toMatchObject({ status: 'retry', movedTo: null });
    expect(written).toBe(1);
    expect(existsSync(join(root, 'manager', 'cut.ndjson'))).toBe(true);
    expect(await stored('HIS-CUT-DROP')).toBe(0);
    const [again] = await new FolderDrop(p.ctx, root, log).scan();
    expect(again).toMatchObject({ status: 'done', record: { result: { accepted: n, duplicates: 0, rejected: 0 } } });
    expect(await stored('HIS-CUT-DROP')).toBe(n);
  });

  it('runs as a job: polls the folder and ingests what appears', async () => {
    await drop('insurer', 'out-of-county.ndjson', ndjson([record('i-1', { source: 'insurance', outOfCounty: true, orgCode: '浙江大学医学院附属第一医院' })]));
    const stop = startFolderDrop({ ...p.ctx, config: { ...p.ctx.config, ingestPollSeconds: 0.2 } }, root, log);
    try {
      for (let i = 0; i < 100 && !existsSync(join(root, 'insurer', 'done', 'out-of-county.ndjson.result.json')); i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      stop();
    }
    expect((await resultOf('insurer', 'done', 'out-of-county.ndjson')).result).toMatchObject({ accepted: 1, rejected: 0 });
    expect(logs[0]).toBe(`folder-drop: watching ${root} every 0.2 s`);
  });

  afterAll(async () => {
    for (const r of roots) await rm(r, { recursive: true, force: true });
  });
});
