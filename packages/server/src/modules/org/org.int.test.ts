import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld } from '../../../test/factories/residents.ts';

describe('org module', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let manager: string;
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    manager = await p.login('manager');
  });
  afterAll(async () => p.close());

  it('lists the community with its lead hospital first and filters by kind', async () => {
    const all = await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}`, manager);
    expect(all.body.items[0].kind).toBe('lead_hospital');
    const clinics = await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=village_clinic`, manager);
    expect(clinics.body.items.length).toBeGreaterThan(0);
    expect(clinics.body.items.every((o: { kind: string; secondPlateName: string }) => o.kind === 'village_clinic' && o.secondPlateName.endsWith('医疗共同体成员单位'))).toBe(true);
  });

  it('creates a township centre with the second plate name of policy text 002', async () => {
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, manager)).body.items[0];
    const r = await p.call('POST', '/api/v1/organizations', manager, { communityId: w.first.id, kind: 'township_center', name: '测试镇卫生院', parentId: lead.id, level: 'primary', beds: 30 });
    expect(r.status).toBe(201);
    expect(r.body.secondPlateName).toBe(`${lead.name}测试镇分院`);
    const detail = await p.call('GET', `/api/v1/organizations/${lead.id}`, manager);
    expect(detail.body.children.some((c: { id: string }) => c.id === r.body.id)).toBe(true);
    expect(detail.body.departments.some((d: { code: string }) => d.code === 'cardiology')).toBe(true);
  });

  it('refuses a second lead hospital, a parent from another community and a cycle', async () => {
    expect((await p.call('POST', '/api/v1/organizations', manager, { communityId: w.first.id, kind: 'lead_hospital', name: '第二牵头医院' })).status).toBe(409);
    expect((await p.call('POST', '/api/v1/organizations', manager, { communityId: w.first.id, kind: 'village_clinic', name: '跨界村卫生室', parentId: w.secondVillageId })).status).toBe(400);
    const r = await p.call('PATCH', `/api/v1/organizations/${w.townshipId}`, manager, { parentId: w.villageId });
    expect(r.status).toBe(400);
  });

  it('refuses organisation writes to clinicians', async () => {
    const town = await p.login('doctor.town');
    expect((await p.call('PATCH', `/api/v1/organizations/${w.townshipId}`, town, { beds: 99 })).status).toBe(403);
  });

  it('dispatches a lead-hospital specialist to a township centre and refuses an overlapping period', async () => {
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, manager)).body.items[0];
    const staff = (await p.call('GET', `/api/v1/practitioners?organizationId=${lead.id}&limit=1`, manager)).body.items[0];
    const body = { organizationId: w.townshipId, kind: 'dispatch', startsOn: '2026-03-01', endsOn: '2026-08-31', note: '驻点帮扶' };
    const a = await p.call('POST', `/api/v1/practitioners/${staff.id}/assignments`, manager, body);
    expect(a.status).toBe(201);
    expect((await p.call('POST', `/api/v1/practitioners/${staff.id}/assignments`, manager, { ...body, startsOn: '2026-06-01', endsOn: null })).status).toBe(409);
    expect((await p.call('POST', `/api/v1/practitioners/${staff.id}/assignments`, manager, { ...body, startsOn: '2026-09-01', endsOn: '2026-08-01' })).status).toBe(400);
    const detail = await p.call('GET', `/api/v1/practitioners/${staff.id}`, manager);
    expect(detail.body.assignments[0]).toMatchObject({ kind: 'dispatch', organizationId: w.townshipId, startsOn: '2026-03-01' });
  });

  it('audits every organisation write', async () => {
    const log = await p.call('GET', '/api/v1/audit?action=org.', await p.login('admin'));
    expect(log.body.items.some((e: { action: string; username: string }) => e.action === 'org.create' && e.username === 'manager')).toBe(true);
  });
});
