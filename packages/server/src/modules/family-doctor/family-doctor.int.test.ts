import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('family-doctor contracts', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let vdoc: string;
  let team: { id: string };
  let packages: { id: string; code: string; population: string; items: { id: string; code: string; timesPerYear: number }[] }[];
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    vdoc = await p.login('vdoc');
    team = (await p.call('GET', `/api/v1/family-doctor/teams?communityId=${w.first.id}`, vdoc)).body.items[0];
    packages = (await p.call('GET', `/api/v1/family-doctor/packages?communityId=${w.first.id}`, vdoc)).body.items;
  });
  afterAll(async () => p.close());

  const pkg = (code: string) => packages.find((x) => x.code === code)!;
  const newResident = async (birth: string) => (await p.call('POST', '/api/v1/residents', vdoc, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber(birth), name: '签约测试' }))).body.id as string;

  it('shows the team of the village clinic with its panel size', async () => {
    expect(team).toMatchObject({ organizationId: w.villageId, panelLimit: 2000 });
    const t = team as unknown as { members: { role: string }[]; fulfilmentRate: number | null; activeContracts: number };
    expect(t.members.length).toBeGreaterThan(0);
    expect(t.activeContracts).toBeGreaterThan(0);
    expect(t.fulfilmentRate).toBeGreaterThan(0);
    expect(t.fulfilmentRate).toBeLessThanOrEqual(1);
  });

  it('signs one active contract per resident, even when signed twice at once', async () => {
    const rid = await newResident('19800101');
    const body = { residentId: rid, teamId: team.id, packageIds: [pkg('basic').id], startsOn: today() };
    const results = await Promise.all([1, 2, 3].map(() => p.call('POST', '/api/v1/contracts', vdoc, body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const c = results.find((r) => r.status === 201)!.body;
    expect(c).toMatchObject({ status: 'active', starts_on: today() });
    expect(c.items.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['health_record']));
  });

  it('refuses a key-population package for someone outside that population, writing nothing', async () => {
    const rid = await newResident('19850505');
    const before = (await p.ctx.db.query('select 1 from fd_contract')).rowCount;
    const r = await p.call('POST', '/api/v1/contracts', vdoc, { residentId: rid, teamId: team.id, packageIds: [pkg('basic').id, pkg('elderly').id], startsOn: today() });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('packageIds');
    expect((await p.ctx.db.query('select 1 from fd_contract')).rowCount).toBe(before);
  });

  it('records delivered services, computes fulfilment, terminates with a reason and renews', async () => {
    const rid = await newResident('19500303');
    const c = (await p.call('POST', '/api/v1/contracts', vdoc, { residentId: rid, teamId: team.id, packageIds: [pkg('basic').id, pkg('elderly').id], startsOn: today() })).body;
    const item = c.items.find((i: { code: string }) => i.code === 'annual_check');
    const s = await p.call('POST', `/api/v1/contracts/${c.id}/services`, vdoc, { itemId: item.itemId, deliveredOn: today() });
    expect(s.status).toBe(201);
    expect(s.body.fulfilmentRate).toBeCloseTo(1 / 6, 5);
    expect((await p.call('POST', `/api/v1/contracts/${c.id}/services`, vdoc, { itemId: '0193b6a0-0000-4000-8000-000000000009', deliveredOn: today() })).status).toBe(400);
    const renewed = await p.call('POST', `/api/v1/contracts/${c.id}/renew`, vdoc);
    expect(renewed.body).toMatchObject({ status: 'active', renewed_from: c.id });
    const t = await p.call('POST', `/api/v1/contracts/${renewed.body.id}/terminate`, vdoc, { reason: 'moved_out', terminatedOn: today() });
    expect(t.body).toMatchObject({ status: 'terminated', termination_reason: 'moved_out' });
    expect((await p.call('POST', `/api/v1/contracts/${renewed.body.id}/terminate`, vdoc, { reason: 'moved_out', terminatedOn: today() })).status).toBe(409);
  });

  it('keeps another community out and audits every contract write', async () => {
    const rid = await newResident('19700707');
    const c = (await p.call('POST', '/api/v1/contracts', vdoc, { residentId: rid, teamId: team.id, packageIds: [pkg('basic').id], startsOn: today() })).body;
    const vdoc2 = await p.login('vdoc2');
    expect([403, 404]).toContain((await p.call('GET', `/api/v1/contracts/${c.id}`, vdoc2)).status);
    expect([403, 404]).toContain((await p.call('POST', `/api/v1/contracts/${c.id}/terminate`, vdoc2, { reason: 'refused', terminatedOn: today() })).status);
    expect([403, 404]).toContain((await p.call('GET', `/api/v1/family-doctor/teams?communityId=${w.first.id}`, vdoc2)).status);
    const log = await p.call('GET', `/api/v1/audit?residentId=${rid}&action=contract.`, await p.login('admin'));
    expect(log.body.items.map((e: { action: string }) => e.action)).toContain('contract.sign');
  });
});
