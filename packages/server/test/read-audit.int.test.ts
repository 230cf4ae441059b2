import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { apiRoutes, type ApiRoute, type JsonSchema } from './openapi-routes.ts';
import { demoWorld } from './factories/residents.ts';

/** Properties that make a response about an identified resident. */
const RESIDENT_FIELDS = new Set(['residentId', 'residentName', 'idNumber', 'idNumberMasked', 'subject']);

function residentFieldsIn(schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const found = Object.keys(schema.properties ?? {}).filter((k) => RESIDENT_FIELDS.has(k));
  const nested = [...Object.values(schema.properties ?? {}), schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [...found, ...nested.flatMap((s) => residentFieldsIn(s as JsonSchema, seen))];
}

/**
 * Issue #10 "Audit by construction": every read of a resident's data leaves an audit row, written
 * by the framework from the route's declaration (platform/audit/read-audit.ts), not remembered by
 * each service.
 */
describe('audit by construction', () => {
  let p: TestPlatform;
  let routes: ApiRoute[];
  let w: Awaited<ReturnType<typeof demoWorld>>;

  beforeAll(async () => {
    p = await openTestPlatform();
    routes = await apiRoutes(p.app);
    w = await demoWorld(p);
  });
  afterAll(async () => p.close());

  it('has a read declaration on every GET route, and none that returns resident data says it reads none', async () => {
    const declarations = (p.app as unknown as { readDeclarations: Map<string, { reads: string } | null> }).readDeclarations;
    const gets = routes.filter((r) => r.method === 'GET' && r.path !== '/api/v1/health');
    expect(gets.length).toBeGreaterThan(35);
    const undeclared = gets.filter((r) => !declarations.get(`GET ${r.path}`)).map((r) => r.path);
    expect(undeclared).toEqual([]);
    const doc = (await p.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>> };
    const mislabelled = gets.filter((r) => {
      const ok = doc.paths[r.path]!.get!.responses['200']?.content ?? {};
      const fields = Object.values(ok).flatMap((c) => residentFieldsIn(c.schema));
      return fields.length > 0 && declarations.get(`GET ${r.path}`)!.reads === 'none';
    }).map((r) => r.path);
    expect(mislabelled).toEqual([]);
    const counts = { record: 0, list: 0, none: 0 };
    for (const r of gets) counts[declarations.get(`GET ${r.path}`)!.reads as keyof typeof counts]++;
    console.info(`read audit: ${gets.length} GET routes declared — ${counts.record} record, ${counts.list} list, ${counts.none} none`);
  });

  it('audits every read of every kind of record endpoint: audit rows = reads', async () => {
    const token = await p.login('doctor.lead');
    const me = (await p.call('GET', '/api/v1/auth/me', token)).body as { id: string; organizationId: string };
    // Each kind of record the lead hospital's doctor may open: a resident with a chronic enrollment
    // and a contract, and a referral the hospital takes part in.
    const one = async <T,>(sql: string, params: unknown[]) => (await p.ctx.db.query<T & Record<string, unknown>>(sql, params)).rows[0]!;
    const c = await one<{ resident_id: string; id: string }>(
      `select c.resident_id, c.id from fd_contract c join chronic_enrollment e on e.community_id = c.community_id and e.resident_id = c.resident_id
        where c.community_id = $1 limit 1`, [w.first.id]);
    const vdoc = await p.login('vdoc');
    const patient = await one<{ id: string }>(`select id from resident where community_id = $1 and organization_id = $2 and status = 'active' limit 1`, [w.first.id, w.villageId]);
    const f = (await p.call('POST', '/api/v1/referrals', vdoc, { residentId: patient.id, direction: 'up', toOrganizationId: me.organizationId, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }] })).body as { id: string };
    const endpoints = [
      `/api/v1/residents/${c.resident_id}`, `/api/v1/chronic/residents/${c.resident_id}`, `/api/v1/residents/${c.resident_id}/contracts`,
      `/api/v1/contracts/${c.id}`, `/api/v1/residents/${c.resident_id}/access-log`, `/api/v1/referrals/${f.id}`,
      `/api/v1/referrals/${f.id}/slip.pdf`, `/fhir/ServiceRequest/${f.id}`, `/fhir/Task?based-on=ServiceRequest/${f.id}`,
    ];
    const mark = (await one<{ id: string }>('select coalesce(max(id), 0) as id from audit_log where community_id = $1', [w.first.id])).id;
    const since = `from audit_log where community_id = $1 and actor_id = $2 and id > $3 and resident_id is not null`;
    let reads = 0;
    for (let i = 0; i < 3; i++) {
      for (const url of endpoints) {
        const res = await p.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
        expect(res.statusCode, url).toBe(200);
        reads++;
      }
    }
    expect(Number((await one<{ n: string }>(`select count(*) as n ${since}`, [w.first.id, me.id, mark])).n)).toBe(reads);
    const actions = (await p.ctx.db.query<{ action: string; n: string }>(`select action, count(*) as n ${since} group by action`, [w.first.id, me.id, mark])).rows;
    expect(Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]))).toMatchObject({
      'resident.read': 3, 'chronic.read': 3, 'contract.read': 6, 'resident.access_log.read': 3, 'referral.read': 9, 'referral.print': 3,
    });
  });

  it('writes no read row for a refused read, and the purpose given with the read', async () => {
    const vdoc = await p.login('vdoc');
    const me = (await p.call('GET', '/api/v1/auth/me', vdoc)).body as { id: string };
    const other = (await p.ctx.db.query<{ id: string }>('select id from resident where community_id = $1 and organization_id <> $2 limit 1', [w.first.id, w.villageId])).rows[0]!;
    const count = async () => Number((await p.ctx.db.query<{ n: string }>('select count(*) as n from audit_log where actor_id = $1 and resident_id = $2', [me.id, other.id])).rows[0]!.n);
    const before = await count();
    expect((await p.call('GET', `/api/v1/chronic/residents/${other.id}`, vdoc)).status).toBe(403);
    expect(await count()).toBe(before);
    const own = (await p.ctx.db.query<{ id: string }>('select id from resident where community_id = $1 and organization_id = $2 limit 1', [w.first.id, w.villageId])).rows[0]!;
    const res = await p.app.inject({ url: `/api/v1/chronic/residents/${own.id}`, headers: { authorization: `Bearer ${vdoc}`, 'x-purpose': encodeURIComponent('家庭医生随访') } });
    expect(res.statusCode).toBe(200);
    const row = (await p.ctx.db.query<{ purpose: string; details: { access: string } }>(
      `select purpose, details from audit_log where actor_id = $1 and resident_id = $2 and action = 'chronic.read' order by id desc limit 1`, [me.id, own.id])).rows[0]!;
    expect(row).toMatchObject({ purpose: '家庭医生随访', details: { access: 'scope' } });
  });

  it('marks a break-glass read as such and lists it for the manager to review, once', async () => {
    const vdoc = await p.login('vdoc');
    const manager = await p.login('manager');
    const outside = (await p.ctx.db.query<{ id: string }>(
      `select r.id from resident r where r.community_id = $1 and r.organization_id <> $2 and r.status = 'active'
          and not exists (select 1 from access_grant g where g.community_id = r.community_id and g.resident_id = r.id) limit 1`, [w.first.id, w.villageId])).rows[0]!;
    const grant = await p.call('POST', '/api/v1/access-grants', vdoc, { residentId: outside.id, communityId: w.first.id, reason: '夜间急诊，患者昏迷需查既往史', hours: 2 });
    expect(grant.status).toBe(201);
    expect((await p.call('GET', `/api/v1/chronic/residents/${outside.id}`, vdoc)).status).toBe(200);
    expect((await p.call('GET', `/api/v1/residents/${outside.id}`, vdoc)).status).toBe(200);
    const rows = (await p.ctx.db.query<{ action: string; details: { grantId: string; breakGlass: boolean } }>(
      `select action, details from audit_log where community_id = $1 and resident_id = $2 and action like '%_granted' order by id`, [w.first.id, outside.id])).rows;
    expect(rows.map((r) => r.action)).toEqual(['chronic.read_granted', 'resident.read_granted']);
    expect(rows.every((r) => r.details.grantId === grant.body.id && r.details.breakGlass)).toBe(true);

    const queue = await p.call('GET', `/api/v1/break-glass?communityId=${w.first.id}&outcome=pending`, manager);
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === grant.body.id);
    expect(item).toMatchObject({ residentId: outside.id, granteeUsername: 'vdoc', reads: 2, outcome: 'pending' });
    expect((await p.call('POST', `/api/v1/break-glass/${grant.body.id}/review`, vdoc, { outcome: 'reviewed' })).status).toBe(403);
    expect((await p.call('POST', `/api/v1/break-glass/${grant.body.id}/review`, manager, { outcome: 'questioned', note: '' })).status).toBe(400);
    const review = await p.call('POST', `/api/v1/break-glass/${grant.body.id}/review`, manager, { outcome: 'questioned', note: '当晚无急诊挂号记录，请说明' });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ outcome: 'questioned', note: '当晚无急诊挂号记录，请说明', reviewedBy: 'manager' });
    // A retry answers the same; a different verdict is refused and the first stands.
    expect((await p.call('POST', `/api/v1/break-glass/${grant.body.id}/review`, manager, { outcome: 'questioned', note: '当晚无急诊挂号记录，请说明' })).status).toBe(200);
    expect((await p.call('POST', `/api/v1/break-glass/${grant.body.id}/review`, manager, { outcome: 'reviewed' })).status).toBe(409);
    const reviews = (await p.ctx.db.query<{ n: string }>(`select count(*) as n from audit_log where resource_id = $1 and action like 'grant.review%'`, [grant.body.id])).rows[0]!.n;
    expect(Number(reviews)).toBe(1);
    // The other community's manager does not see or review it.
    const vdoc2 = await p.login('vdoc2');
    expect((await p.call('GET', `/api/v1/break-glass?communityId=${w.first.id}`, vdoc2)).status).toBe(403);
  });
});
