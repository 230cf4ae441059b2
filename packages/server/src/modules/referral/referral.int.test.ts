import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld } from '../../../test/factories/residents.ts';
import { releaseDueReserve } from '../scheduling/index.ts';
import { escalateOverdue } from './referral-transition.service.ts';

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('two-way referral with reserved slots (docs/domain/referral.md)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let vdoc: string;
  let lead: string;
  let leadId: string;
  let resident: { id: string; organizationId: string };

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    vdoc = await p.login('vdoc');
    lead = await p.login('doctor.lead');
    leadId = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0].id;
    resident = (await p.call('GET', '/api/v1/residents?limit=5', vdoc)).body.items[0];
  });
  afterAll(async () => p.close());

  const slotsOf = async (token = vdoc) => (await p.call('GET', `/api/v1/slots?organizationId=${leadId}&resourceType=clinic&from=${day(2)}&to=${day(15)}`, token)).body.items as any[];
  const cardiology = async () => (await slotsOf()).filter((s) => s.department === 'cardiology' && s.capacity === 10 && s.reservedFree === 2);

  it('offers a cardiology expert session with 2 of 10 places reserved on working days', async () => {
    const slots = await cardiology();
    expect(slots.length).toBeGreaterThanOrEqual(8);
    expect(slots[0]).toMatchObject({ capacity: 10, reserved: 2, reservedFree: 2, publicFree: 8, resourceType: 'clinic' });
  });

  it('runs the loop: village doctor refers up with a reserved slot, lead accepts, patient arrives, completes, refers down, first follow-up completes it', async () => {
    const slot = (await cardiology())[0];
    const up = await p.call('POST', '/api/v1/referrals', vdoc, {
      residentId: resident.id, direction: 'up', toOrganizationId: leadId, toDepartment: 'cardiology', priority: 'routine',
      reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }], slotId: slot.id,
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'submitted', catalogueCheck: { rule: 'may_treat', matched: true }, slotId: slot.id, side: 'sender' });
    expect(up.body.pickupCode).toMatch(/^[A-Z2-9]{8}$/);
    const after = (await slotsOf()).find((s) => s.id === slot.id);
    expect(after).toMatchObject({ reservedFree: 1, publicFree: 8 });

    expect((await p.call('POST', `/api/v1/referrals/${up.body.id}/complete`, lead, { outcome: { diagnosis: 'I10' } })).status).toBe(409);
    expect((await p.call('POST', `/api/v1/referrals/${up.body.id}/accept`, vdoc, {})).status).toBe(403);
    const inbox = await p.call('GET', '/api/v1/referrals?role=incoming&status=submitted', lead);
    expect(inbox.body.items.some((r: any) => r.id === up.body.id)).toBe(true);
    for (const [step, body] of [['accept', {}], ['arrive', {}], ['complete', { outcome: { diagnosis: 'I10', plan: '继续降压治疗，基层随访' } }]] as const) {
      const r = await p.call('POST', `/api/v1/referrals/${up.body.id}/${step}`, lead, body);
      expect(r.status, step).toBe(200);
    }
    const done = await p.call('GET', `/api/v1/referrals/${up.body.id}`, vdoc);
    expect(done.body.status).toBe('completed');
    expect(done.body.history.map((h: any) => h.action)).toEqual(['submit', 'accept', 'arrive', 'complete']);
    expect(done.body.outcome).toMatchObject({ diagnosis: 'I10', plan: '继续降压治疗，基层随访' });

    const down = await p.call('POST', '/api/v1/referrals', lead, {
      residentId: resident.id, direction: 'down', toOrganizationId: resident.organizationId, priority: 'routine',
      reason: '病情稳定，下转社区随访', diagnoses: [{ code: 'I10', primary: true }],
    });
    expect(down.status).toBe(201);
    expect(down.body.parentReferralId).toBe(up.body.id);
    const vdocInbox = await p.call('GET', '/api/v1/referrals?role=incoming&direction=down', vdoc);
    expect(vdocInbox.body.items.map((r: any) => r.id)).toContain(down.body.id);
    const fu = await p.call('POST', `/api/v1/referrals/${down.body.id}/follow-up`, vdoc, { date: day(0), diagnosis: 'I10', sbp: 132, dbp: 84 });
    expect(fu.status).toBe(200);
    expect(fu.body.status).toBe('completed');
    expect(fu.body.history.map((h: any) => h.action)).toEqual(['submit', 'accept', 'arrive', 'complete']);
  });

  it('gives exactly 2 of 50 concurrent family-doctor bookings the 2 reserved places and leaves the public pool alone', async () => {
    const slot = (await cardiology())[1];
    const people = (await p.call('GET', '/api/v1/residents?limit=60', vdoc)).body.items as { id: string }[];
    expect(people.length).toBeGreaterThanOrEqual(50);
    const results = await Promise.all(people.slice(0, 50).map((x) => p.call('POST', '/api/v1/bookings', vdoc, { slotId: slot.id, residentId: x.id, channel: 'family_doctor_referral' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_FULL')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(48);
    const after = (await slotsOf()).find((s) => s.id === slot.id);
    expect(after).toMatchObject({ reservedFree: 0, publicFree: 8, bookedReserved: 2, bookedPublic: 0 });
  });

  it('returns a cancelled place to the pool it came from and moves the waitlist up', async () => {
    const slot = (await cardiology())[2];
    const people = (await p.call('GET', '/api/v1/residents?limit=4', vdoc)).body.items as { id: string }[];
    const a = await p.call('POST', '/api/v1/bookings', vdoc, { slotId: slot.id, residentId: people[0]!.id, channel: 'family_doctor_referral' });
    await p.call('POST', '/api/v1/bookings', vdoc, { slotId: slot.id, residentId: people[1]!.id, channel: 'family_doctor_referral' });
    const wait = await p.call('POST', '/api/v1/bookings', vdoc, { slotId: slot.id, residentId: people[2]!.id, channel: 'family_doctor_referral', waitlist: true });
    expect(wait.status).toBe(202);
    expect((await p.call('POST', `/api/v1/bookings/${a.body.id}/cancel`, vdoc)).body.status).toBe('cancelled');
    expect((await p.call('POST', `/api/v1/bookings/${a.body.id}/cancel`, vdoc)).body.status).toBe('cancelled');
    const after = (await slotsOf()).find((s) => s.id === slot.id);
    expect(after).toMatchObject({ bookedReserved: 2, reservedFree: 0, publicFree: 8, waiting: 0 });
    const promoted = await p.ctx.db.query(`select pool from booking where slot_id = $1 and resident_id = $2 and status = 'booked'`, [slot.id, people[2]!.id]);
    expect(promoted.rows).toEqual([{ pool: 'reserved' }]);
  });

  it('releases unused reserve to the public pool on time (controllable clock)', async () => {
    const slot = (await cardiology())[3];
    const releaseAt = Date.parse(slot.releaseAt);
    p.clock.advance(releaseAt - p.clock.now().getTime() - 60_000);
    await releaseDueReserve(p.ctx); // whatever else is due by now
    expect(await releaseDueReserve(p.ctx)).toBe(0); // nothing twice, and not this slot a minute early
    expect((await p.call('GET', `/api/v1/slots?organizationId=${leadId}&resourceType=clinic&from=${day(2)}&to=${day(15)}`, await p.login('vdoc'))).body.items.find((s: any) => s.id === slot.id)).toMatchObject({ reservedFree: 2, publicFree: 8, released: false });
    p.clock.advance(120_000);
    expect(await releaseDueReserve(p.ctx)).toBeGreaterThan(0);
    const after = (await p.call('GET', `/api/v1/slots?organizationId=${leadId}&resourceType=clinic&from=${day(2)}&to=${day(15)}`, await p.login('vdoc'))).body.items.find((s: any) => s.id === slot.id);
    expect(after).toMatchObject({ reservedFree: 0, publicFree: 10, released: true });
  });

  it('escalates an unanswered urgent referral after 2 hours', async () => {
    const token = await p.login('vdoc');
    const r = await p.call('POST', '/api/v1/referrals', token, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'urgent', reason: '胸痛待查', diagnoses: [{ code: 'I20.9', primary: true }] });
    expect(r.body.catalogueCheck).toMatchObject({ rule: 'refer_up', matched: true });
    p.clock.advance(2 * 3_600_000 + 1000);
    expect(await escalateOverdue(p.ctx)).toBeGreaterThan(0);
    const manager = await p.login('manager');
    const list = await p.call('GET', '/api/v1/referrals?overdue=true', manager);
    const mine = list.body.items.find((x: any) => x.id === r.body.id);
    expect(mine).toMatchObject({ overdue: true, escalatedAt: expect.any(String) });
    expect(mine.history.at(-1).action).toBe('escalate');
  });

  it('keeps another community out of every referral endpoint and audits every transition', async () => {
    const token = await p.login('vdoc');
    const r = await p.call('POST', '/api/v1/referrals', token, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '复查', diagnoses: [{ code: 'I10', primary: true }] });
    const vdoc2 = await p.login('vdoc2');
    expect([403, 404]).toContain((await p.call('GET', `/api/v1/referrals/${r.body.id}`, vdoc2)).status);
    for (const a of ['accept', 'reject', 'schedule', 'arrive', 'complete', 'cancel']) {
      expect([403, 404]).toContain((await p.call('POST', `/api/v1/referrals/${r.body.id}/${a}`, vdoc2, { reason: 'x', rejectReason: 'other' })).status);
    }
    expect((await p.call('GET', '/api/v1/referrals', vdoc2)).body.items.some((x: any) => x.id === r.body.id)).toBe(false);
    expect((await p.call('POST', '/api/v1/referrals', vdoc2, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '越界', diagnoses: [{ code: 'I10', primary: true }] })).status).toBe(403);
    expect((await p.call('GET', `/api/v1/slots?organizationId=${leadId}&from=${day(1)}&to=${day(3)}`, vdoc2)).status).toBe(404);
    // A role that may never read referrals is refused before any lookup (403, the same for every id).
    expect((await p.call('GET', `/api/v1/referrals/${r.body.id}`, await p.login('regulator'))).status).toBe(403);
    const cancel = await p.call('POST', `/api/v1/referrals/${r.body.id}/cancel`, token, { reason: '患者改变主意' });
    expect(cancel.body.status).toBe('cancelled');
    const log = await p.call('GET', `/api/v1/audit?residentId=${resident.id}&action=referral.`, await p.login('admin'));
    expect(log.body.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['referral.submit', 'referral.accept', 'referral.arrive', 'referral.complete', 'referral.cancel']));
  });

  it('refuses bad input without writing: unknown code, wrong direction, another unit\'s slot', async () => {
    const token = await p.login('vdoc');
    const count = async () => (await p.ctx.db.query<{ n: number }>('select count(*)::int as n from referral')).rows[0]!.n;
    const before = await count();
    const base = { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '测试', diagnoses: [{ code: 'I10', primary: true }] };
    expect((await p.call('POST', '/api/v1/referrals', token, { ...base, diagnoses: [{ code: 'Q99.9', primary: true }] })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/referrals', token, { ...base, direction: 'down' })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/referrals', token, { ...base, toOrganizationId: resident.organizationId })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/referrals', token, { ...base, slotId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('out-of-county referral and the catalogue', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
  });
  afterAll(async () => p.close());

  it('sends an out-of-county referral through the lead hospital, whose acceptance is the approval', async () => {
    const vdoc = await p.login('vdoc');
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0].id;
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', vdoc)).body.items[0];
    const body = { residentId: resident.id, direction: 'out', toOrganizationId: leadId, priority: 'routine', reason: '疑难病例，需省级医院确诊', diagnoses: [{ code: 'C34.9', primary: true }] };
    expect((await p.call('POST', '/api/v1/referrals', vdoc, body)).status).toBe(400);
    const r = await p.call('POST', '/api/v1/referrals', vdoc, { ...body, externalHospital: '浙江省肿瘤医院' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ direction: 'out', externalHospital: '浙江省肿瘤医院', catalogueCheck: { rule: 'refer_up' } });
    const approved = await p.call('POST', `/api/v1/referrals/${r.body.id}/accept`, await p.login('doctor.lead'), { comment: '转诊办审批同意' });
    expect(approved.body.status).toBe('accepted');
    expect(approved.body.history.at(-1)).toMatchObject({ action: 'accept', username: 'doctor.lead', comment: '转诊办审批同意' });
  });

  it('lets the manager edit the catalogue and applies the edit to the next submission', async () => {
    const manager = await p.login('manager');
    const put = await p.call('PUT', '/api/v1/referral-catalogue', manager, { communityId: w.first.id, level: 'grassroots', codeFrom: 'J45', codeTo: 'J45', rule: 'may_treat', note: '哮喘稳定期基层管理' });
    expect(put.status).toBe(200);
    expect((await p.call('PUT', '/api/v1/referral-catalogue', await p.login('vdoc'), { communityId: w.first.id, level: 'grassroots', codeFrom: 'J45', codeTo: 'J45', rule: 'refer_up' })).status).toBe(403);
    const vdoc = await p.login('vdoc');
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0].id;
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', vdoc)).body.items[0];
    const r = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '哮喘反复发作，基层控制不佳', diagnoses: [{ code: 'J45.9', primary: true }] });
    expect(r.body.catalogueCheck).toEqual({ rule: 'may_treat', matched: true, range: 'J45' });
  });
});
