import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from './factories/residents.ts';
import { outpatientRecord, storedEncounters } from './factories/encounters.ts';

/**
 * Issue #10's reproductions of 500s and bypassed limits, each kept: control characters, cursors,
 * FHIR Bundles with holes, content types a route does not take, bodies over a route's limit.
 */
describe('hostile input gets a 4xx naming the problem and changes nothing', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let manager: string;
  let leadCode: string;
  const counts = async () => (await p.ctx.db.query<{ n: string }>(
    `select (select count(*) from grid) + (select count(*) from resident) + (select count(*) from audit_log) + (select count(*) from encounter) as n`)).rows[0]!.n;
  const raw = async (method: 'POST' | 'PATCH', url: string, type: string, payload: string | Buffer, token: string | null = manager) => {
    const r = await p.app.inject({ method, url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': type }, payload });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
  };

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    manager = await p.login('manager');
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}`, manager)).body.items as { code: string; kind: string }[];
    leadCode = orgs.find((o) => o.kind === 'lead_hospital')!.code;
  });
  afterAll(async () => p.close());

  it('answers a NUL in a JSON body, a query value or a path with 400 naming the field', async () => {
    const before = await counts();
    const login = await p.call('POST', '/api/v1/auth/login', null, { username: '\u0000', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.username' } });
    const create = await p.call('POST', '/api/v1/residents', manager, residentBody(w.first.id, w.villageId, { name: '张\u0000三' }));
    expect(create.status).toBe(400);
    expect(create.body.error.details.field).toBe('body.name');
    for (const url of ['/api/v1/residents?q=%00', '/api/v1/audit?action=a%00b', `/api/v1/organizations?communityId=${w.first.id}&q=%01`]) {
      const r = await p.call('GET', url, manager);
      expect(r.status, url).toBe(400);
      expect(r.body.error.details.field, url).toMatch(/^query\./);
    }
    expect((await p.call('GET', '/api/v1/residents/%00', manager)).status).toBe(400);
    expect(await counts()).toBe(before);
  });

  it('rejects only the ingest line holding a NUL and stores the others', async () => {
    const idNumber = validIdNumber('19610101');
    expect((await p.call('POST', '/api/v1/residents', manager, residentBody(w.first.id, w.villageId, { idNumber, name: '控制字符' }))).status).toBe(201);
    const line = (id: string, over: Record<string, unknown> = {}) => JSON.stringify(outpatientRecord({ id, source: 'HIS-NUL', orgCode: leadCode, residentIdNumber: idNumber, ...over }));
    const body = [line('n1'), line('n2', { department: '内\u0000科' }), line('n3')].join('\n');
    const r = await raw('POST', '/api/v1/encounters:ingest', 'application/x-ndjson', body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(r.body.errors[0]).toMatchObject({ line: 2, id: 'n2', code: 'INVALID_RECORD' });
    expect(r.body.errors[0].message).toContain('record.department');
    expect(await storedEncounters(p, w.first.id, 'HIS-NUL')).toBe(2);
    const csv = await raw('POST', '/api/v1/encounters:ingest', 'text/csv', 'id,source\n\u0000,x\n');
    expect(csv.status).toBe(200);
  });

  it('checks a FHIR Bundle entry by entry: a null entry is an error at its position, not a 500', async () => {
    const r = await raw('POST', '/api/v1/encounters:ingest', 'application/fhir+json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [null, 7, { resource: { resourceType: 'Encounter', identifier: 'not-an-array', diagnosis: [null] } }] }));
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(0);
    expect(r.body.errors.map((e: { line: number }) => e.line)).toEqual([1, 2, 3]);
  });

  it('answers malformed, negative and huge cursors with 400 on every list route that pages', async () => {
    for (const route of ['/api/v1/residents', `/api/v1/organizations?communityId=${w.first.id}`, '/api/v1/practitioners', '/api/v1/audit']) {
      for (const cursor of ['x', '-1', '99999999999999999999', 'MXwy', Buffer.from('1|c1').toString('base64url')]) {
        const url = `${route}${route.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
        const r = await p.call('GET', url, manager);
        expect(r.status, `${url} → ${JSON.stringify(r.body)}`).toBe(400);
      }
    }
  });

  it('answers a content type a route does not take with 415, storing and auditing nothing', async () => {
    // A search is itself audited (resident.search): find the resident before counting.
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', manager)).body.items[0] as { id: string };
    const before = await counts();
    const grid = await raw('POST', '/api/v1/grids', 'application/fhir+json', JSON.stringify({ communityId: w.first.id, name: 'x'.repeat(6 * 1024 * 1024) }));
    expect(grid.status).toBe(415);
    expect(grid.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const patch = await raw('PATCH', `/api/v1/residents/${resident.id}`, 'text/csv', 'name\n李四\n');
    expect(patch.status).toBe(415);
    expect(await counts()).toBe(before);
  });

  it('caps a JSON body at 5 MB with 413', async () => {
    const before = await counts();
    const r = await raw('POST', '/api/v1/grids', 'application/json', JSON.stringify({ communityId: w.first.id, name: 'x'.repeat(6 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await counts()).toBe(before);
  });
});
