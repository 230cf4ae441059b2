import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { copyTemplate, dropTemplateCopy } from '../../../test/test-database.ts';
import { validIdNumber } from '../../../test/factories/residents.ts';
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts';

/**
 * Issue #5 "Done when": killing the server mid-ingest and re-sending leaves no loss and no
 * duplicates. A real server process (PGlite folder or PostgreSQL database) gets SIGKILL while a
 * batch is streaming in, with chunks already written inside the batch's transaction; a new process
 * on the same data must show none of that batch, then take the re-sent batch exactly once.
 */
const CHILD = resolve(import.meta.dirname, '../../../test/test-server.child.ts');
const template = inject('template');

function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, YG_TEST_DB: db, YG_TEST_DUMP: template.kind === 'pglite' ? template.dumpFile : '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited early (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('LISTENING ')) ok({ url: l.slice(10), child });
    });
  });
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const gone = new Promise((ok) => child.once('exit', ok));
  child.kill(signal);
  await gone;
}

describe('killing the server mid-ingest (docs/domain/encounters.md: a batch is never half-stored)', () => {
  let db: string;
  let folder: string | null = null;
  beforeAll(async () => {
    if (template.kind === 'pglite') {
      folder = await mkdtemp(join(tmpdir(), 'yg-crash-'));
      db = join(folder, 'data');
    } else {
      const name = `yg_crash_${randomBytes(4).toString('hex')}`;
      db = await copyTemplate(template, name);
    }
  });
  afterAll(async () => {
    if (template.kind === 'pglite') await rm(folder!, { recursive: true, force: true });
    else await dropTemplateCopy(template, new URL(db).pathname.slice(1));
  });

  it('loses nothing and duplicates nothing when the batch is sent again', async () => {
    let server = await startServer(db);
    const api = async (url: string, path: string, init: RequestInit & { token?: string } = {}) => {
      const r = await fetch(`${url}/api/v1${path}`, { ...init, headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers ?? {}) } });
      return { status: r.status, body: await r.json() };
    };
    const login = async (url: string) => (await api(url, '/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: DEMO_PASSWORD }) })).body.token as string;
    let token = await login(server.url);
    const me = (await api(server.url, '/auth/me', { token })).body;
    const communityId = me.scope?.communityId ?? me.communityId;
    const lead = (await api(server.url, `/organizations?communityId=${communityId}&kind=lead_hospital`, { token })).body.items[0];
    const total = 2600;
    const lines = Array.from({ length: total }, (_, i) => JSON.stringify({ id: `kill-${i}`, source: 'HIS-KILL', orgCode: lead.code, outOfCounty: false, residentIdNumber: validIdNumber('19550505', '330521', i % 1000),
      type: i % 10 ? 'outpatient' : 'inpatient', start: '2025-02-03', end: i % 10 ? null : '2025-02-09', diagnoses: [{ code: 'I10', primary: true }], totalCost: 8000 + i, fundPaid: 5000, outOfPocket: 2000 }));
    const period = async (url: string, t: string) => (await api(url, `/indicators?communityId=${communityId}&period=2025-02`, { token: t })).body;
    const before = await period(server.url, token);

    // Stream all but the last lines, then stall: the server has written its chunks in the open
    // transaction and waits for the rest when it is killed.
    let stalled!: () => void;
    const sentMost = new Promise<void>((ok) => (stalled = ok));
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(new TextEncoder().encode(lines.slice(0, total - 100).join('\n') + '\n'));
        stalled();
      },
    });
    const cut = fetch(`${server.url}/api/v1/encounters:ingest`, { method: 'POST', body, duplex: 'half', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } } as RequestInit).catch((e: unknown) => e);
    await sentMost;
    await new Promise((ok) => setTimeout(ok, 2500));
    await kill(server.child, 'SIGKILL');
    expect(await cut).toBeInstanceOf(Error);

    server = await startServer(db);
    token = await login(server.url);
    expect(await period(server.url, token)).toEqual(before);
    const send = async () => (await api(server.url, '/encounters:ingest', { method: 'POST', token, headers: { 'content-type': 'application/x-ndjson' }, body: lines.join('\n') })).body;
    expect(await send()).toMatchObject({ accepted: total, duplicates: 0, rejected: 0 });
    expect(await send()).toMatchObject({ accepted: 0, duplicates: total, rejected: 0 });
    const after = await period(server.url, token);
    const visits = (b: { values: { code: string; denominator: number }[] }, code: string) => b.values.find((v) => v.code === code)!.denominator;
    expect(visits(after, 'outpatient_cost_per_visit') - visits(before, 'outpatient_cost_per_visit')).toBe(total - total / 10);
    expect(visits(after, 'avg_length_of_stay') - visits(before, 'avg_length_of_stay')).toBe(total / 10);
    await kill(server.child, 'SIGTERM');
    // Two server processes each start on a copy of the seeded county: well past a minute on a busy 2-core CI machine.
  }, 240_000);
});
