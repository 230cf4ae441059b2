import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { demoWorld, validIdNumber } from './factories/residents.ts';

type Call = [method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown];

/**
 * Tenant isolation across every endpoint: a village doctor of one community can neither list,
 * read nor change anything of the other (DESIGN.md "Scope is security").
 */
describe('scope isolation between communities', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
  });
  afterAll(async () => p.close());

  /** A fingerprint of one community's rows, to prove nothing changed. */
  async function fingerprint(communityId: string): Promise<string> {
    const tables = ['organization', 'practitioner', 'assignment', 'department', 'grid', 'resident', 'resident_problem', 'observation', 'duplicate_candidate'];
    const parts: string[] = [];
    for (const t of tables) {
      const { rows } = await p.ctx.db.query<{ n: number; h: string | null }>(`select count(*)::int as n, md5(string_agg(x::text, '' order by x::text)) as h from ${t} x where community_id = $1`, [communityId]);
      parts.push(`${t}:${rows[0]!.n}:${rows[0]!.h}`);
    }
    return parts.join(' ');
  }

  async function attack(username: string, victim: { communityId: string }, ownCommunityId: string) {
    const token = await p.login(username);
    const admin = await p.login('admin');
    const residents = (await p.call('GET', `/api/v1/residents?communityId=${victim.communityId}&limit=5`, admin)).body.items as { id: string; name: string; organizationId: string }[];
    const r = residents[0]!;
    const orgs = (await p.call('GET', `/api/v1/organizations?communityId=${victim.communityId}`, admin)).body.items as { id: string; name: string }[];
    const org = orgs[0]!;
    const staff = (await p.call('GET', `/api/v1/practitioners?communityId=${victim.communityId}&limit=1`, admin)).body.items[0] as { id: string };
    const before = await fingerprint(victim.communityId);

    const lists: Call[] = [
      ['GET', '/api/v1/residents?limit=500'],
      ['GET', `/api/v1/residents?communityId=${victim.communityId}`],
      ['GET', `/api/v1/residents?q=${encodeURIComponent(r.name)}`],
      ['GET', `/api/v1/residents?organizationId=${r.organizationId}`],
      ['GET', '/api/v1/organizations?limit=2000'],
      ['GET', `/api/v1/organizations?communityId=${victim.communityId}`],
      ['GET', `/api/v1/practitioners?communityId=${victim.communityId}`],
      ['GET', '/api/v1/practitioners?limit=500'],
      ['GET', `/api/v1/grids?communityId=${victim.communityId}`],
      ['GET', '/api/v1/communities'],
      ['GET', '/api/v1/access-grants'],
    ];
    for (const [m, path] of lists) {
      const res = await p.call(m, path, token);
      expect(res.status, path).toBe(200);
      // One's own access requests live in the resident's community (the demo seeds vdoc2's): they are not a leak.
      const body = path === '/api/v1/access-grants' ? (res.body.items as { granteeUsername: string }[]).filter((g) => g.granteeUsername !== username) : res.body;
      const text = JSON.stringify(body);
      expect(text.includes(victim.communityId), `${path} leaks the other community`).toBe(false);
      expect(text.includes(r.id), `${path} leaks a resident`).toBe(false);
    }
    const singles: Call[] = [
      ['GET', `/api/v1/residents/${r.id}`],
      ['GET', `/api/v1/residents/${r.id}/access-log`],
      ['PATCH', `/api/v1/residents/${r.id}`, { phone: '13900000000' }],
      ['POST', `/api/v1/residents/${r.id}/problems`, { code: 'I10' }],
      ['POST', `/api/v1/residents/${r.id}/observations`, { kind: 'weight', value: 60, observedAt: new Date().toISOString() }],
      ['POST', `/api/v1/residents/${r.id}/reveal-id`, { purpose: '越界' }],
      ['POST', `/api/v1/residents/${r.id}/transfer`, { toCommunityId: ownCommunityId, toOrganizationId: org.id, reason: '越界迁移' }],
      ['POST', '/api/v1/residents', { name: '越界测试', idNumber: validIdNumber('19720304', '330521', 733), communityId: victim.communityId, organizationId: r.organizationId }],
      ['GET', `/api/v1/communities/${victim.communityId}`],
      ['GET', `/api/v1/organizations/${org.id}`],
      ['PATCH', `/api/v1/organizations/${org.id}`, { phone: '0572-0000000' }],
      ['POST', '/api/v1/organizations', { communityId: victim.communityId, kind: 'village_clinic', name: '越界村卫生室', parentId: org.id }],
      ['POST', '/api/v1/grids', { communityId: victim.communityId, name: '越界网格' }],
      ['POST', '/api/v1/departments', { communityId: victim.communityId, organizationId: org.id, code: 'intruder', name: '越界科室' }],
      ['GET', `/api/v1/practitioners/${staff.id}`],
      ['PATCH', `/api/v1/practitioners/${staff.id}`, { phone: '13900000000' }],
      ['POST', '/api/v1/practitioners', { communityId: victim.communityId, organizationId: org.id, name: '越界医生', title: 'resident_physician' }],
      ['POST', `/api/v1/practitioners/${staff.id}/assignments`, { organizationId: org.id, kind: 'dispatch', startsOn: '2026-01-01' }],
      ['GET', `/api/v1/audit?communityId=${victim.communityId}`],
      ['GET', '/api/v1/duplicate-candidates'],
      ['GET', '/api/v1/accounts'],
    ];
    for (const [m, path, body] of singles) {
      const res = await p.call(m, path, token, body);
      expect([403, 404], `${m} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`).toContain(res.status);
    }
    expect(await fingerprint(victim.communityId)).toBe(before);
    return { token, r };
  }

  it('keeps vdoc2 out of the first community on every endpoint', async () => {
    await attack('vdoc2', { communityId: w.first.id }, w.second.id);
  });

  it('keeps vdoc out of the second community on every endpoint', async () => {
    await attack('vdoc', { communityId: w.second.id }, w.first.id);
  });

  it('does not let a pending cross-community access request open the record', async () => {
    const { token, r } = await attack('vdoc2', { communityId: w.first.id }, w.second.id);
    const g = await p.call('POST', '/api/v1/access-grants', token, { residentId: r.id, communityId: w.first.id, reason: '急诊就诊需要调阅病史', hours: 4 });
    expect(g.status).toBe(201);
    expect(g.body.status).toBe('pending');
    expect((await p.call('GET', `/api/v1/residents/${r.id}`, token)).status).toBe(403);
    const manager = await p.login('manager');
    expect((await p.call('POST', `/api/v1/access-grants/${g.body.id}/approve`, manager)).status).toBe(200);
    const read = await p.call('GET', `/api/v1/residents/${r.id}`, token);
    expect(read.status).toBe(200);
    expect(read.body.access).toBe('grant');
    expect((await p.call('PATCH', `/api/v1/residents/${r.id}`, token, { phone: '13900000000' })).status).toBe(403);
    const log = await p.call('GET', `/api/v1/residents/${r.id}/access-log`, manager);
    expect(log.body.items.some((e: { username: string; action: string }) => e.username === 'vdoc2' && e.action === 'resident.read_granted')).toBe(true);
    p.clock.advance(5 * 3_600_000);
    expect((await p.call('GET', `/api/v1/residents/${r.id}`, token)).status).toBe(403);
  });

  it('keeps a village doctor to the own clinic within the community; a break-the-glass grant is logged', async () => {
    const vdoc = await p.login('vdoc');
    const admin = await p.login('admin');
    const others = (await p.call('GET', `/api/v1/residents?communityId=${w.first.id}&limit=200`, admin)).body.items as { id: string; organizationId: string }[];
    const outside = others.find((x) => x.organizationId !== w.villageId)!;
    expect((await p.call('GET', `/api/v1/residents/${outside.id}`, vdoc)).status).toBe(403);
    const mine = (await p.call('GET', '/api/v1/residents?limit=200', vdoc)).body.items as { organizationId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.organizationId === w.villageId)).toBe(true);
    const g = await p.call('POST', '/api/v1/access-grants', vdoc, { residentId: outside.id, communityId: w.first.id, reason: '患者在本村卫生室就诊', hours: 2 });
    expect(g.body.status).toBe('active');
    expect((await p.call('GET', `/api/v1/residents/${outside.id}`, vdoc)).status).toBe(200);
    // A grant opens the record for reading only: no referral for that resident (issue #10).
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0] as { id: string };
    const before = (await p.ctx.db.query('select 1 from referral where resident_id = $1', [outside.id])).rowCount;
    const refer = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: outside.id, direction: 'up', toOrganizationId: lead.id, priority: 'routine', reason: '授权后转诊', diagnoses: [{ code: 'I10', primary: true }] });
    expect(refer.status).toBe(403);
    expect(refer.body.error).toMatchObject({ code: 'OUT_OF_SCOPE', details: { grantable: false } });
    expect((await p.ctx.db.query('select 1 from referral where resident_id = $1', [outside.id])).rowCount).toBe(before);
  });

  it('applies one rule to every aggregate: the community needs a community scope, a unit account reads its own unit', async () => {
    const vdoc = await p.login('vdoc');
    const year = new Date().getFullYear();
    const sibling = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=village_clinic`, vdoc)).body.items.find((o: { id: string }) => o.id !== w.villageId) as { id: string };
    const community = [`/api/v1/chronic/rates?communityId=${w.first.id}&year=${year}`, `/api/v1/family-doctor/rates?communityId=${w.first.id}`, `/api/v1/chronic/rates/by-unit?communityId=${w.first.id}&year=${year}`];
    for (const url of community) expect((await p.call('GET', url, vdoc)).status, url).toBe(403);
    for (const url of [`/api/v1/chronic/rates?communityId=${w.first.id}&organizationId=${sibling.id}&year=${year}`, `/api/v1/family-doctor/rates?communityId=${w.first.id}&organizationId=${sibling.id}`]) {
      expect((await p.call('GET', url, vdoc)).status, url).toBe(403);
    }
    expect((await p.call('GET', `/api/v1/chronic/rates?communityId=${w.first.id}&organizationId=${w.villageId}&year=${year}`, vdoc)).status).toBe(200);
    const own = await p.call('GET', `/api/v1/family-doctor/rates?communityId=${w.first.id}&organizationId=${w.villageId}`, vdoc);
    expect(own.status).toBe(200);
    const residents = (await p.ctx.db.query<{ n: number }>(`select count(*)::int as n from resident where community_id = $1 and organization_id = $2 and status = 'active'`, [w.first.id, w.villageId])).rows[0]!.n;
    expect(own.body).toMatchObject({ organizationId: w.villageId, residents });
    const manager = await p.login('manager');
    for (const url of community) expect((await p.call('GET', url, manager)).status, url).toBe(200);
  });

  it('lets the regulator read every community but write nothing and read no record', async () => {
    const reg = await p.login('regulator');
    const cs = await p.call('GET', '/api/v1/communities', reg);
    expect(cs.body.items).toHaveLength(2);
    const r = (await p.call('GET', '/api/v1/residents?limit=1', await p.login('vdoc'))).body.items[0];
    expect((await p.call('GET', `/api/v1/residents/${r.id}`, reg)).status).toBe(403);
    expect((await p.call('POST', '/api/v1/residents', reg, { name: '越界', idNumber: validIdNumber(), communityId: w.first.id, organizationId: w.villageId })).status).toBe(403);
    expect((await p.call('POST', '/api/v1/grids', reg, { communityId: w.first.id, name: '监管网格' })).status).toBe(403);
  });

  it('refuses every API call without a valid session', async () => {
    for (const path of ['/api/v1/residents', '/api/v1/organizations', '/api/v1/audit', '/api/v1/communities']) {
      expect((await p.call('GET', path, null)).status).toBe(401);
      expect((await p.call('GET', path, 'not-a-real-token-0000000000')).status).toBe(401);
    }
  });
});
