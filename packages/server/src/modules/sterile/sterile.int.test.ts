import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePackBarcode } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

const MIN = 60_000;

describe('sterile supply: batches, release, requests, delivery, use, return, recall, expiry (issue #13 item 6)', () => {
  let p: TestPlatform;
  let cssd: string;
  let vdoc: string;
  let communityId: string;
  let village: string;
  let residentId: string;
  const count = async (table: string) => Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  let cycle = 100;
  const today = () => new Date(p.clock.now().getTime() + 8 * 60 * MIN).toISOString().slice(0, 10);
  const batch = (over: Record<string, unknown> = {}) => {
    const now = p.clock.now().getTime();
    return {
      sterilizerCode: 'TEST-01', cycleNo: ++cycle, method: 'pressure_steam', steamCycleType: 'pre_vacuum', startedAt: new Date(now - 70 * MIN).toISOString(), endedAt: new Date(now - 20 * MIN).toISOString(),
      temperatureC: 134, exposureMinutes: 5, pressureKpa: 210, chemicalPass: true, biologicalPass: null, bowieDickPass: true, implants: false,
      packs: [{ packType: 'DRESSING', quantity: 3 }, { packType: 'SUTURE', quantity: 2 }], ...over,
    };
  };

  beforeAll(async () => {
    p = await openTestPlatform();
    [cssd, vdoc] = [await p.login('cssd'), await p.login('vdoc')];
    const u = (await p.ctx.db.query<{ organization_id: string; community_id: string }>(`select organization_id, community_id from app_user where username = 'vdoc'`)).rows[0]!;
    communityId = u.community_id;
    village = u.organization_id;
    residentId = (await p.ctx.db.query<{ id: string }>(`select id from resident where community_id = $1 and organization_id = $2 and status = 'active' order by id limit 1`, [communityId, village])).rows[0]!.id;
  });
  afterAll(async () => p.close());

  it('seeds a month of the centre: packs, batches and requests in every status, a recall that reached residents', async () => {
    const statuses = async (table: string) => (await p.ctx.db.query<{ status: string }>(`select distinct status from ${table} where community_id = $1 order by 1`, [communityId])).rows.map((r) => r.status);
    expect(await statuses('sterile_pack')).toEqual(['delivered', 'expired', 'recalled', 'released', 'returned', 'sterilised', 'used']);
    expect(await statuses('sterile_batch')).toEqual(['held', 'recalled', 'released']);
    expect(await statuses('sterile_request')).toEqual(['cancelled', 'delivered', 'partially_delivered', 'requested']);
    const manager = await p.login('manager');
    const recalled = await p.call('GET', '/api/v1/sterile/batches?status=recalled', manager);
    const failed = recalled.body.items.find((b: { biologicalPass: boolean | null }) => b.biologicalPass === false);
    expect(failed).toBeTruthy();
    const detail = await p.call('GET', `/api/v1/sterile/batches/${failed.id}`, manager);
    expect(detail.body.recalledWith.length).toBeGreaterThan(1);
    // Across the recalled batches, packs already used name their residents (to notify), each read audited.
    let used = 0;
    for (const b of detail.body.recalledWith) {
      const d = await p.call('GET', `/api/v1/sterile/batches/${b.id}`, manager);
      expect(d.body.recall).not.toBeNull();
      used += d.body.recall.used.length;
      for (const u of d.body.recall.used) {
        const audited = await p.ctx.db.query(`select 1 from audit_log where community_id = $1 and action = 'sterile.recall.read' and resident_id = $2 and resource_id = $3`, [communityId, u.residentId, b.id]);
        expect(audited.rowCount).toBeGreaterThan(0);
      }
    }
    expect(used).toBeGreaterThan(0);
    // An indicator is read within 7 days of its cycle: a result for an older batch is refused and recalls nothing.
    const old = (await p.ctx.db.query<{ id: string }>(`select id from sterile_batch where community_id = $1 and status = 'released' and biological_pass is null and ended_at < $2 order by ended_at desc limit 1`,
      [communityId, new Date(p.clock.now().getTime() - 8 * 24 * 60 * MIN)])).rows[0]!.id;
    const late = await p.call('POST', `/api/v1/sterile/batches/${old}/biological`, cssd, { pass: false });
    expect(late.status).toBe(409);
    expect(late.body.error.details.field).toBe('pass');
    expect((await p.call('GET', `/api/v1/sterile/batches/${old}`, cssd)).body).toMatchObject({ status: 'released', biologicalPass: null, actions: [] });
    // The centre's board says who works for it.
    expect((await p.call('GET', '/api/v1/sterile/centre', cssd)).body).toMatchObject({ canProcess: true, heldBatches: 2 });
    expect((await p.call('GET', '/api/v1/sterile/centre', vdoc)).body.canProcess).toBe(false);
    // A village doctor sees no batch.
    expect((await p.call('GET', '/api/v1/sterile/batches', vdoc)).body.items).toEqual([]);
    expect((await p.call('GET', `/api/v1/sterile/batches/${failed.id}`, vdoc)).status).toBe(404);
  });

  it('records a cycle, releases it, delivers first-expiry-first-out, and traces a pack to the resident it was used on', async () => {
    const before = [await count('sterile_batch'), await count('sterile_pack'), await count('sterile_pack_event')];
    // Bad input names the field and stores nothing.
    for (const [bad, field, status] of [
      [{ temperatureC: 300 }, 'exposureTemperatureC', 400], [{ packs: [{ packType: 'NOPE', quantity: 1 }] }, 'packs.0.packType', 400],
      [{ endedAt: new Date(p.clock.now().getTime() - 80 * MIN).toISOString() }, 'endedAt', 400], [{ pressureKpa: null }, 'pressureKpa', 400],
    ] as const) {
      const r = await p.call('POST', '/api/v1/sterile/batches', cssd, batch(bad));
      expect(r.status, JSON.stringify(bad)).toBe(status);
      expect(r.body.error.details.field, JSON.stringify(r.body)).toBe(field);
    }
    expect((await p.call('POST', '/api/v1/sterile/batches', vdoc, batch())).status).toBe(403);
    expect([await count('sterile_batch'), await count('sterile_pack'), await count('sterile_pack_event')]).toEqual(before);

    const id = randomUUID();
    const body = batch({ id });
    const created = await p.call('POST', '/api/v1/sterile/batches', cssd, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id, status: 'released', holdReasons: [], packCount: 5, packCounts: { released: 5 } });
    for (const pk of created.body.packs) expect(parsePackBarcode(pk.barcode).sterilisedOn).toBe(created.body.sterilisedOn);
    // A retry returns the same batch; the same cycle under another id is a conflict.
    expect((await p.call('POST', '/api/v1/sterile/batches', cssd, body)).body.id).toBe(id);
    expect((await p.call('POST', '/api/v1/sterile/batches', cssd, { ...body, id: randomUUID() })).status).toBe(409);
    expect(await count('sterile_batch')).toBe(before[0]! + 1);

    // The village asks; bad lines are refused.
    expect((await p.call('POST', '/api/v1/sterile/requests', vdoc, { lines: [{ packType: 'DRESSING', quantity: 0 }] })).body.error.details.field).toBe('lines.0.quantity');
    expect((await p.call('POST', '/api/v1/sterile/requests', vdoc, { lines: [{ packType: 'DRESSING', quantity: 1 }, { packType: 'DRESSING', quantity: 2 }] })).body.error.details.field).toBe('lines.1.packType');
    const requestId = randomUUID();
    const asked = await p.call('POST', '/api/v1/sterile/requests', vdoc, { id: requestId, lines: [{ packType: 'DRESSING', quantity: 2 }, { packType: 'SUTURE', quantity: 1 }], note: '门诊换药' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ status: 'requested', actions: ['cancel'] });
    expect((await p.call('POST', `/api/v1/sterile/requests/${requestId}/deliver`, vdoc)).status).toBe(403);
    const incoming = await p.call('GET', '/api/v1/sterile/requests?view=incoming&status=requested', cssd);
    expect(incoming.body.items.find((r: { id: string }) => r.id === requestId).actions).toEqual(['deliver']);

    const shelf = (await p.ctx.db.query<{ barcode: string }>(
      `select barcode from sterile_pack where community_id = $1 and status = 'released' and organization_id is null and pack_type = 'DRESSING' and expires_on >= $2::date order by expires_on, barcode limit 2`, [communityId, today()])).rows.map((r) => r.barcode);
    const delivered = await p.call('POST', `/api/v1/sterile/requests/${requestId}/deliver`, cssd);
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body.request.status).toBe('delivered');
    expect(delivered.body.picked.find((x: { packType: string }) => x.packType === 'DRESSING')).toEqual({ packType: 'DRESSING', barcodes: shelf, short: 0 });
    expect((await p.call('POST', `/api/v1/sterile/requests/${requestId}/deliver`, cssd)).status).toBe(409);

    const [first, second] = shelf as [string, string];
    // Another unit of the township cannot open the village's pack; another community cannot see it.
    expect((await p.call('POST', `/api/v1/sterile/packs/${first}/use`, await p.login('doctor.town'), { residentId })).status).toBe(403);
    expect((await p.call('GET', `/api/v1/sterile/packs/${first}`, await p.login('vdoc2'))).status).toBe(404);
    expect((await p.call('GET', '/api/v1/sterile/packs/CS2612070010012', vdoc)).body.error.details.field).toBe('barcode');
    const usedPack = await p.call('POST', `/api/v1/sterile/packs/${first.toLowerCase()}/use`, vdoc, { residentId, note: '左手清创缝合' });
    expect(usedPack.status, JSON.stringify(usedPack.body)).toBe(200);
    expect(usedPack.body).toMatchObject({ status: 'used', residentId, organizationId: village, actions: [] });
    expect(usedPack.body.events.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['delivered', 'used']);
    expect(usedPack.body.issues).toEqual([]);
    expect((await p.call('POST', `/api/v1/sterile/packs/${first}/use`, vdoc, { residentId })).status).toBe(409);
    const audited = await p.ctx.db.query(`select 1 from audit_log where community_id = $1 and action = 'sterile.pack.use' and resource_id = $2 and resident_id = $3`, [communityId, first, residentId]);
    expect(audited.rowCount).toBe(1);
    // Reading it names the resident: audited.
    await p.call('GET', `/api/v1/sterile/packs/${first}`, cssd);
    expect((await p.ctx.db.query(`select 1 from audit_log where action = 'sterile.pack.read' and resource_id = $1 and resident_id = $2`, [first, residentId])).rowCount).toBe(1);
    // Returned intact and in date: back on the centre's shelf.
    const back = await p.call('POST', `/api/v1/sterile/packs/${second}/return`, vdoc, { wrapIntact: true });
    expect(back.body).toMatchObject({ status: 'released', organizationId: null });
    expect(back.body.events.at(-1)).toMatchObject({ kind: 'returned', restocked: true, organizationId: village });
  });

  it('holds an implant load until its biological indicator passes; a failed one recalls the steriliser\'s loads since the last pass', async () => {
    const implants = await p.call('POST', '/api/v1/sterile/batches', cssd, batch({ sterilizerCode: 'TEST-02', method: 'low_temp_plasma', steamCycleType: null, temperatureC: 50, exposureMinutes: 28, pressureKpa: null, implants: true, bowieDickPass: null, packs: [{ packType: 'LAPAROSCOPY', quantity: 2 }] }));
    expect(implants.status, JSON.stringify(implants.body)).toBe(201);
    expect(implants.body).toMatchObject({ status: 'held', holdReasons: ['含植入物，须生物监测合格后方可放行'], packCounts: { sterilised: 2 }, actions: ['biological'] });
    // A township doctor does not see the centre's batches at all.
    expect((await p.call('POST', `/api/v1/sterile/batches/${implants.body.id}/biological`, await p.login('doctor.town'), { pass: true })).status).toBe(404);
    const passed = await p.call('POST', `/api/v1/sterile/batches/${implants.body.id}/biological`, cssd, { pass: true });
    expect(passed.body).toMatchObject({ status: 'released', biologicalPass: true, packCounts: { released: 2 }, actions: [] });
    expect((await p.call('POST', `/api/v1/sterile/batches/${implants.body.id}/biological`, cssd, { pass: false })).status).toBe(409);

    // TEST-03: a passing indicator, two loads, then the third's indicator fails.
    const run = async (over: Record<string, unknown>) => (await p.call('POST', '/api/v1/sterile/batches', cssd, batch({ sterilizerCode: 'TEST-03', ...over }))).body;
    const ok = await run({ biologicalPass: true });
    const a = await run({});
    const b = await run({});
    const asked = await p.call('POST', '/api/v1/sterile/requests', vdoc, { lines: [{ packType: 'SUTURE', quantity: 1 }] });
    // Deliver one of a's packs to the village by making it the first to expire.
    await p.ctx.db.query(`update sterile_pack set expires_on = $3::date where community_id = $1 and barcode = $2`, [communityId, a.packs.find((x: { packType: string }) => x.packType === 'SUTURE').barcode, today()]);
    const d = await p.call('POST', `/api/v1/sterile/requests/${asked.body.id}/deliver`, cssd);
    const atVillage = d.body.picked[0].barcodes[0];
    expect(a.packs.map((x: { barcode: string }) => x.barcode)).toContain(atVillage);
    const failed = await p.call('POST', `/api/v1/sterile/batches/${b.id}/biological`, cssd, { pass: false });
    expect(failed.body.status).toBe('recalled');
    expect(failed.body.recalledWith.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await p.call('GET', `/api/v1/sterile/batches/${ok.id}`, cssd)).body.status).toBe('released');
    const recalledA = await p.call('GET', `/api/v1/sterile/batches/${a.id}`, cssd);
    // Where each pack was when recalled: one at the village, the rest on the centre's shelf.
    expect(recalledA.body.recall.toRetrieve).toHaveLength(5);
    expect(recalledA.body.recall.toRetrieve.find((x: { barcode: string }) => x.barcode === atVillage)).toMatchObject({ status: 'delivered', organizationId: village });
    expect(recalledA.body.recall.used).toEqual([]);
    expect(recalledA.body.packCounts).toEqual({ recalled: 5 });
    // The village's pack is recalled where it is: it cannot be used.
    const use = await p.call('POST', `/api/v1/sterile/packs/${atVillage}/use`, vdoc, { residentId });
    expect(use.status).toBe(409);
    const pack = await p.call('GET', `/api/v1/sterile/packs/${atVillage}`, vdoc);
    expect(pack.body).toMatchObject({ status: 'recalled', organizationId: village });
  });

  it('expires packs past their last day of use (the jobs\' sweep) and cancels what a unit no longer needs', async () => {
    const r = await p.call('POST', '/api/v1/sterile/requests', vdoc, { lines: [{ packType: 'CATHETER', quantity: 2 }] });
    expect((await p.call('POST', `/api/v1/sterile/requests/${r.body.id}/cancel`, cssd, { reason: '重复' })).status).toBe(403);
    const cancelled = await p.call('POST', `/api/v1/sterile/requests/${r.body.id}/cancel`, vdoc, { reason: '重复申领' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', actions: [] });
    expect((await p.call('POST', `/api/v1/sterile/requests/${r.body.id}/deliver`, cssd)).status).toBe(409);

    const { expireSterilePacks } = await import('./pack.service.ts');
    const live = Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from sterile_pack where community_id = $1 and status in ('sterilised', 'released', 'delivered') and pack_type = 'GYN-EXAM'`, [communityId])).rows[0]!.n);
    expect(live).toBeGreaterThan(0);
    // Cotton keeps 14 days: 15 days on, every cotton pack in circulation has expired, each with its event.
    p.clock.advance(15 * 24 * 60 * MIN);
    expect(await expireSterilePacks(p.ctx)).toBeGreaterThanOrEqual(live);
    const left = await p.ctx.db.query(`select 1 from sterile_pack where community_id = $1 and status in ('sterilised', 'released', 'delivered') and pack_type = 'GYN-EXAM'`, [communityId]);
    expect(left.rowCount).toBe(0);
    expect(await expireSterilePacks(p.ctx)).toBe(0);
  });
});
