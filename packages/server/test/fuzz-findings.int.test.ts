import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { demoWorld } from './factories/residents.ts';

/**
 * What the fuzz suite (fuzz.int.test.ts) found, each kept as a literal case: inputs the schemas
 * took that PostgreSQL refused, which came back as 500s.
 */
describe('inputs the fuzz suite found answer 400 and store nothing', () => {
  let p: TestPlatform;
  let manager: string;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  const one = async (sql: string, params: unknown[]) => (await p.ctx.db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const stored = async () => (await p.ctx.db.query<{ n: string }>(
    'select (select count(*) from resident_problem) + (select count(*) from assignment) + (select count(*) from audit_log) as n')).rows[0]!.n;

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    manager = await p.login('manager');
  });
  afterAll(async () => p.close());

  it('refuses a date or instant in year 0000, which PostgreSQL does not have, naming the field', async () => {
    const resident = await one(`select id from resident where community_id = $1 and status = 'active' order by id limit 1`, [w.first.id]);
    const practitioner = await one('select id from practitioner where community_id = $1 order by id limit 1', [w.first.id]);
    const before = await stored();
    const problem = await p.call('POST', `/api/v1/residents/${resident}/problems`, manager, { code: 'Z81', onsetDate: '0000-02-29' });
    expect(problem.status).toBe(400);
    expect(problem.body.error.message).toContain('body.onsetDate');
    const assignment = await p.call('POST', `/api/v1/practitioners/${practitioner}/assignments`, manager, { organizationId: w.townshipId, kind: 'dispatch', startsOn: '0000-01-01' });
    expect(assignment.status).toBe(400);
    expect(assignment.body.error.message).toContain('body.startsOn');
    for (const from of ['0000-01-01', '0000-12-31T23:59:59Z']) {
      const audit = await p.call('GET', `/api/v1/audit?from=${encodeURIComponent(from)}`, manager);
      expect(audit.status, from).toBe(400);
    }
    const cursor = Buffer.from('0000-06-01T00:00:00Z|c0000000000000000001').toString('base64url');
    expect((await p.call('GET', `/api/v1/audit?cursor=${cursor}`, manager)).status).toBe(400);
    expect(await stored()).toBe(before);
    // Year 1 is a year: still taken, also as a day in Shanghai that starts in year 0000 in UTC.
    for (const q of ['from=0001-01-01', 'to=0001-01-01', 'from=0001-01-01T00:00:00%2B08:00']) expect((await p.call('GET', `/api/v1/audit?${q}`, manager)).status, q).toBe(200);
  });

  it('ends an enrolment on 31 December 9999 without a 500 (its rate points step into year 10000)', async () => {
    const enrollment = await one(`select id from chronic_enrollment where community_id = $1 and ended_on is null order by id limit 1`, [w.first.id]);
    const r = await p.call('POST', `/api/v1/chronic/enrollments/${enrollment}/calls`, manager, { calledOn: '9999-12-31', outcome: 'moved' });
    expect(r.status).toBe(201);
  });

  it('refuses a FHIR based-on reference whose id is not a uuid', async () => {
    const token = await p.login('doctor.lead');
    for (const ref of ['ServiceRequest/-1-77e9--aee2-73ae8-b-f64--4-3def2-4', 'ServiceRequest/------------------------------------']) {
      const r = await p.call('GET', `/fhir/Task?based-on=${encodeURIComponent(ref)}`, token);
      expect(r.status, ref).toBe(400);
    }
    expect((await p.call('GET', '/fhir/Task?based-on=ServiceRequest/00000000-0000-7000-8000-000000000000', token)).status).toBe(404);
  });
});
