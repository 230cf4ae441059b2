import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthEcg, synthStudyDicom } from '@yigong/synth';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { turnaroundSummary } from '@yigong/domain';
import { escalateCriticalValues } from './critical-value.service.ts';
import { memberCounts, turnaroundMinutesOf } from './indicators.repository.ts';
import { keptAndRecounted } from './month-counts.repository.ts';
import { subscribeCritical } from './critical-bus.ts';

const ORDERS = '/api/v1/diagnostics/orders';

/** A multipart/form-data body of files, as a scanner's upload sends it. */
function multipart(files: { name: string; type: string; bytes: Uint8Array }[]): { payload: Buffer; contentType: string } {
  const boundary = `----yigong${randomUUID()}`;
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
    Buffer.from(f.bytes), Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('diagnostics: order → quality check → results → report → critical value → recognition (issue #13)', () => {
  let p: TestPlatform;
  let vdoc: string;
  let reader: string;
  let readerLab: string;
  let headTown: string;
  let manager: string;
  let village: string;
  let communityId: string;
  let residentId: string;
  const count = async (table: string) => Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  const order = async (itemCode: string, extra: Record<string, unknown> = {}) =>
    p.call('POST', ORDERS, vdoc, { residentId, itemCode, priority: 'urgent', reason: '胸痛 30 分钟', orderingOrganizationId: village, ...extra });

  beforeAll(async () => {
    p = await openTestPlatform();
    [vdoc, reader, readerLab, headTown, manager] = await Promise.all(['vdoc', 'reader', 'reader.lab', 'head.town', 'manager'].map((u) => p.login(u))) as [string, string, string, string, string];
    const u = (await p.ctx.db.query<{ organization_id: string; community_id: string }>(`select organization_id, community_id from app_user where username = 'vdoc'`)).rows[0]!;
    [village, communityId] = [u.organization_id, u.community_id];
    // A resident of the village with no signed results yet.
    residentId = (await p.ctx.db.query<{ id: string }>(
      `select r.id from resident r where r.community_id = $1 and r.organization_id = $2
          and not exists (select 1 from diagnostic_order o where o.community_id = r.community_id and o.resident_id = r.id) order by r.id limit 1`, [communityId, village])).rows[0]!.id;
  });
  afterAll(async () => p.close());

  // First: the later tests move the clock, which escalates the seeded values.
  it('seeds the demo month in every status with open and escalated critical values', async () => {
    const statuses = (await p.ctx.db.query<{ status: string }>(`select distinct status from diagnostic_order where community_id = $1 order by 1`, [communityId])).rows.map((r) => r.status);
    expect(statuses).toEqual(['accepted', 'acknowledged', 'cancelled', 'ordered', 'rejected', 'reported', 'resulted']);
    const stages = (await p.ctx.db.query<{ stage: string }>(`select distinct stage from critical_value where community_id = $1 and acknowledged_at is null`, [communityId])).rows.map((r) => r.stage).sort();
    expect(stages).toEqual(['doctor', 'medical_department', 'unit_head']);
  });

  it('computes the indicators: turnaround percentiles equal to the domain rule, rejection, critical values in time, recognition, per member', async () => {
    const today = new Date(p.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(p.clock.now().getTime() + 8 * 3_600_000 - 40 * 86_400_000).toISOString().slice(0, 10);
    const r = await p.call('GET', `/api/v1/diagnostics/indicators?communityId=${communityId}&from=${from}&to=${today}`, manager);
    expect(r.status).toBe(200);
    const raw = await turnaroundMinutesOf(p.ctx.db, communityId, new Date(`${from}T00:00:00+08:00`), new Date(new Date(`${today}T00:00:00+08:00`).getTime() + 86_400_000));
    const expected = turnaroundSummary(raw.map((x) => ({ modality: x.modality, turnaroundMinutes: x.minutes })));
    expect(r.body.turnaround.length).toBeGreaterThan(1);
    for (const t of r.body.turnaround) expect(t).toEqual({ modality: t.modality, ...expected[t.modality as 'ecg'] });
    const counts = (await p.ctx.db.query<{ rejected: number; checked: number; orders: number }>(
      `select count(*) filter (where status = 'rejected')::int as rejected, count(*) filter (where accepted_at is not null or rejected_at is not null)::int as checked, count(*)::int as orders
         from diagnostic_order where community_id = $1`, [communityId])).rows[0]!;
    expect(r.body).toMatchObject({ ordered: counts.orders, rejected: counts.rejected, checked: counts.checked, rejectionRate: counts.rejected / counts.checked });
    expect(r.body.members.reduce((a: number, m: { ordered: number }) => a + m.ordered, 0)).toBe(counts.orders);
    // Drill-down: a member's orders of the period are the ones the indicator counted.
    const member = r.body.members.find((m: { ordered: number }) => m.ordered > 1 && m.ordered < 100);
    const listed = await p.call('GET', `/api/v1/diagnostics/orders?orderingOrganizationId=${member.organizationId}&from=${from}&to=${today}&limit=500`, manager);
    expect(listed.body.items).toHaveLength(member.ordered);
    expect(r.body.criticalAck.total).toBeGreaterThan(0);
    expect(r.body.recognition.used).toBeGreaterThan(0);
    expect(r.body.recognition.avoidedFen).toBeGreaterThan(0);
    // On the dashboard, as module indicators.
    const dash = await p.call('GET', `/api/v1/indicators?communityId=${communityId}&period=${today.slice(0, 7)}`, manager);
    expect(dash.body.values.find((v: { code: string }) => v.code === 'remote_diagnoses').numerator).toBeGreaterThan(0);
    expect(dash.body.values.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['diagnostic_rejection_rate', 'critical_ack_in_time_rate', 'recognition_rate']));
    // A period that ends before it starts is a 400.
    expect((await p.call('GET', `/api/v1/diagnostics/indicators?communityId=${communityId}&from=${today}&to=${from}`, manager)).status).toBe(400);
  });

  it('lists the centres with their rota and the catalogue', async () => {
    const centres = await p.call('GET', `/api/v1/diagnostics/centres?communityId=${communityId}`, vdoc);
    expect(centres.status).toBe(200);
    expect(centres.body.items.map((c: { modality: string }) => c.modality).sort()).toEqual(['ecg', 'imaging', 'lab', 'pathology']);
    expect(centres.body.items.find((c: { modality: string }) => c.modality === 'ecg').rota.length).toBeGreaterThan(0);
    const items = await p.call('GET', `/api/v1/diagnostics/items?communityId=${communityId}`, vdoc);
    expect(items.body.items.find((i: { code: string }) => i.code === 'LAB-ELEC')).toMatchObject({ modality: 'lab', validityDays: 3, analytes: expect.arrayContaining([expect.objectContaining({ code: '2823-3', criticalHigh: 6.2 })]) });
  });

  it('refuses an unknown item and a resident out of scope, storing nothing', async () => {
    const before = await count('diagnostic_order');
    const bad = await order('NO-SUCH');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('itemCode');
    const vdoc2 = await p.login('vdoc2');
    // Another community's resident: out of scope (403, as every write to a resident outside one's scope).
    expect((await p.call('POST', ORDERS, vdoc2, { residentId, itemCode: 'ECG-12', priority: 'routine', reason: '越权开单', orderingOrganizationId: village })).status).toBe(403);
    expect(await count('diagnostic_order')).toBe(before);
  });

  it('runs the ECG loop: order, quality check, transfer, critical report to the ordering doctor, escalation, acknowledgement', async () => {
    const id = randomUUID();
    const created = await order('ECG-12', { id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, status: 'ordered', itemName: '常规十二导联心电图', modality: 'ecg', side: 'orderer', actions: ['cancel'] });
    // A retry with the same client id returns the same order.
    expect((await order('ECG-12', { id })).body.id).toBe(id);
    expect(Number((await p.ctx.db.query(`select count(*) as n from diagnostic_order where id = $1`, [id])).rows[0]!.n)).toBe(1);

    const ecg = synthEcg({ variant: 'st_elevation', samplingRate: 250, seconds: 10, seed: 7 });
    // Contract: a result for an order not accepted is a 400 naming the problem.
    const early = await p.call('POST', `${ORDERS}/${id}/results`, vdoc, { samplingRate: 250, leads: ecg.leads });
    expect(early.status).toBe(400);
    expect(early.body.error.details.field).toBe('status');
    expect((await p.call('POST', `${ORDERS}/${id}/accept`, vdoc)).status).toBe(403);
    const accepted = await p.call('POST', `${ORDERS}/${id}/accept`, reader);
    expect(accepted.body).toMatchObject({ status: 'accepted', side: 'centre' });

    // Leads of different lengths: 400 naming the lead, nothing stored.
    const uneven = await p.call('POST', `${ORDERS}/${id}/results`, vdoc, { samplingRate: 250, leads: { ...ecg.leads, V3: ecg.leads.V3.slice(0, 2000) } });
    expect(uneven.status).toBe(400);
    expect(JSON.stringify(uneven.body.error)).toContain('V3');
    expect(Number((await p.ctx.db.query(`select count(*) as n from diagnostic_waveform where order_id = $1`, [id])).rows[0]!.n)).toBe(0);
    const resulted = await p.call('POST', `${ORDERS}/${id}/results`, vdoc, { samplingRate: 250, leads: ecg.leads });
    expect(resulted.status).toBe(200);
    expect(resulted.body).toMatchObject({ status: 'resulted', ecg: { samplingRate: 250, samples: 2500, seconds: 10, leads: expect.arrayContaining(['II', 'V6']) } });
    expect(Math.abs(resulted.body.ecg.heartRate - ecg.heartRate)).toBeLessThanOrEqual(3);
    const wave = await p.call('GET', `${ORDERS}/${id}/ecg`, reader);
    expect(wave.body.leads.V2).toEqual(ecg.leads.V2);
    // The worklist shows it, urgent first.
    const worklist = await p.call('GET', `${ORDERS}?view=worklist&limit=500`, reader);
    expect(worklist.body.items.some((o: { id: string }) => o.id === id)).toBe(true);
    expect(worklist.body.items[0].priority).toBe('urgent');

    const signals: unknown[] = [];
    const stop = subscribeCritical((s) => signals.push(s));
    const reported = await p.call('POST', `${ORDERS}/${id}/report`, reader, { text: 'V1–V4 导联 ST 段抬高 0.3 mV', conclusion: '急性前壁 ST 段抬高型心肌梗死', critical: true });
    stop();
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported', critical: true, conclusion: '急性前壁 ST 段抬高型心肌梗死', reports: [{ version: 1, signedByName: 'reader' }] });
    expect(reported.body.history.map((h: { action: string }) => h.action)).toEqual(['order', 'accept', 'result', 'report']);
    expect(signals).toMatchObject([{ kind: 'raised', stage: 'doctor' }]);
    const cv = reported.body.criticalValues[0];
    expect(cv).toMatchObject({ status: 'open', stage: 'doctor', source: 'report', acknowledgedInTime: null });
    expect(new Date(cv.deadlineAt).getTime() - new Date(cv.raisedAt).getTime()).toBe(30 * 60_000);

    const open = async (token: string) => (await p.call('GET', '/api/v1/critical-values?status=open', token)).body.items.map((v: { id: string }) => v.id);
    expect(await open(vdoc)).toContain(cv.id);
    expect(await open(headTown)).not.toContain(cv.id);
    expect((await p.call('GET', '/api/v1/critical-values', reader)).status).toBe(403);
    // Not acknowledged in 30 minutes: the unit head; 30 more: the medical department — stamped at the deadlines.
    p.clock.advance(31 * 60_000);
    await escalateCriticalValues(p.ctx);
    expect(await open(headTown)).toContain(cv.id);
    expect(await open(manager)).not.toContain(cv.id);
    p.clock.advance(30 * 60_000);
    await escalateCriticalValues(p.ctx);
    expect(await open(manager)).toContain(cv.id);
    const escalated = (await p.call('GET', `${ORDERS}/${id}`, vdoc)).body.criticalValues[0];
    expect(escalated).toMatchObject({ stage: 'medical_department', unitHeadAt: cv.deadlineAt, acknowledgedInTime: false });
    expect(new Date(escalated.medicalDepartmentAt).getTime()).toBe(new Date(cv.deadlineAt).getTime() + 30 * 60_000);
    // Acknowledged by the doctor (late): every step kept.
    const ack = await p.call('POST', `/api/v1/critical-values/${cv.id}/ack`, vdoc, { note: '已通知患者立即转诊' });
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedByName: 'vdoc', acknowledgedInTime: false, ackNote: '已通知患者立即转诊' });
    expect(await open(manager)).not.toContain(cv.id);
    expect(Number((await p.ctx.db.query(`select count(*) as n from audit_log where resource_id = $1 and action = 'critical.escalate'`, [cv.id])).rows[0]!.n)).toBe(2);

    // The ordering unit acknowledges the report; an amendment keeps both versions.
    expect((await p.call('POST', `${ORDERS}/${id}/acknowledge`, vdoc)).body.status).toBe('acknowledged');
    const amended = await p.call('POST', `${ORDERS}/${id}/amend`, reader, { text: 'V1–V5 导联 ST 段抬高 0.3 mV', conclusion: '急性广泛前壁 ST 段抬高型心肌梗死', critical: true, reason: '补充 V5 导联描述' });
    expect(amended.body).toMatchObject({ status: 'acknowledged', reports: [{ version: 1 }, { version: 2, amendReason: '补充 V5 导联描述' }], conclusion: '急性广泛前壁 ST 段抬高型心肌梗死' });
    // Another community never sees it.
    expect((await p.call('GET', `${ORDERS}/${id}`, await p.login('vdoc2'))).status).toBe(404);
  });

  it('flags lab results, raises a critical value at the result, and recognises the result inside its window', async () => {
    const created = await order('LAB-ELEC');
    const id = created.body.id;
    await p.call('POST', `${ORDERS}/${id}/accept`, readerLab);
    const bad = await p.call('POST', `${ORDERS}/${id}/results`, readerLab, { observations: [{ code: '2823-3', value: 6.9, unit: 'mmol/L', low: 5.5, high: 3.5 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('observations[0].high');
    const r = await p.call('POST', `${ORDERS}/${id}/results`, readerLab, { observations: [
      { code: '2823-3', name: '钾', value: 6.9, unit: 'mmol/L', low: 3.5, high: 5.3, criticalLow: 2.8, criticalHigh: 6.2 },
      { code: '2951-2', name: '钠', value: 136, unit: 'mmol/L', low: 137, high: 147 },
      { code: '2075-0', name: '氯', value: 104, unit: 'mmol/L', low: 99, high: 110 },
    ] });
    expect(r.status).toBe(200);
    expect(r.body.observations.map((o: { flag: string }) => o.flag)).toEqual(['HH', 'L', 'N']);
    expect(r.body.criticalValues).toMatchObject([{ source: 'result', stage: 'doctor', status: 'open' }]);
    expect(r.body.criticalValues[0].summary).toContain('钾 6.9');
    const confirmed = await p.call('POST', `${ORDERS}/${id}/report`, readerLab, { text: '钾 6.9 mmol/L', conclusion: '高钾血症（危急值）', critical: true });
    // The report confirming it raises no second alert: one critical value per order.
    expect(confirmed.body.criticalValues).toHaveLength(1);

    // Mutual recognition (Contract): the recognised result, a repeat needs a reason and is counted.
    const rec = await p.call('GET', `/api/v1/diagnostics/recognition?residentId=${residentId}&itemCode=LAB-ELEC`, vdoc);
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({ orderId: id, itemCode: 'LAB-ELEC', conclusion: '高钾血症（危急值）' });
    expect((await p.call('GET', `/api/v1/diagnostics/recognition?residentId=${residentId}&itemCode=LAB-CBC`, vdoc)).status).toBe(404);
    const again = await order('LAB-ELEC');
    expect(again.status).toBe(409);
    expect(again.body.error.details.recognisedOrderId).toBe(id);
    const repeat = await order('LAB-ELEC', { repeatReason: '补钾治疗后复查' });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toMatchObject({ recognisedOrderId: id, repeatReason: '补钾治疗后复查' });
    const used = await p.call('POST', '/api/v1/diagnostics/recognition/use', vdoc, { residentId, itemCode: 'LAB-ELEC', recognisedOrderId: id });
    expect(used.status).toBe(200);
    const outcomes = (await p.ctx.db.query<{ outcome: string }>(`select outcome from recognition_event where recognised_order_id = $1 order by outcome`, [id])).rows.map((x) => x.outcome);
    expect(outcomes).toEqual(['repeated', 'used']);
  });

  it('stores DICOM studies with their tags and first frame; a file that is not DICOM is a 400 and stores nothing', async () => {
    const id = (await order('DR-CHEST', { priority: 'routine', reason: '咳嗽 1 周' })).body.id;
    await p.call('POST', `${ORDERS}/${id}/accept`, reader);
    const upload = (files: Parameters<typeof multipart>[0]) => {
      const m = multipart(files);
      return p.app.inject({ method: 'POST', url: `${ORDERS}/${id}/results`, headers: { authorization: `Bearer ${vdoc}`, 'content-type': m.contentType }, payload: m.payload });
    };
    const name = (await p.ctx.db.query<{ name: string }>('select name from resident where id = $1', [residentId])).rows[0]!.name;
    const study = synthStudyDicom({ kind: 'chest_dr', size: 64, seed: 3, studyDate: '20261201', patient: { name, id: 'P001', sex: 'male', birthDate: '19600101' } });
    // Another patient's study is refused, naming the file.
    const stranger = synthStudyDicom({ kind: 'chest_dr', size: 64, seed: 4, studyDate: '20261201', patient: { name: `${name}甲`, id: 'P002', sex: 'male', birthDate: '19600101' } });
    const wrong = await upload([{ name: 'x.dcm', type: 'application/dicom', bytes: stranger.bytes }]);
    expect(wrong.statusCode).toBe(400);
    expect(JSON.parse(wrong.body).error).toMatchObject({ details: { field: 'file[0]' } });
    const notDicom = await upload([{ name: 'a.dcm', type: 'application/dicom', bytes: study.bytes }, { name: 'b.dcm', type: 'application/dicom', bytes: new TextEncoder().encode('not a dicom file at all') }]);
    expect(notDicom.statusCode).toBe(400);
    expect(JSON.parse(notDicom.body).error.details.field).toBe('file[1]');
    expect(Number((await p.ctx.db.query(`select count(*) as n from diagnostic_file where order_id = $1`, [id])).rows[0]!.n)).toBe(0);
    const ok = await upload([{ name: 'a.dcm', type: 'application/dicom', bytes: study.bytes }]);
    expect(ok.statusCode).toBe(200);
    const body = JSON.parse(ok.body);
    expect(body.status).toBe('resulted');
    expect(body.files[0].tags).toMatchObject({ PatientName: name, PatientID: 'P001', Modality: 'DX', StudyDate: '20261201', Rows: '64' });
    const frame = await p.call('GET', `${ORDERS}/${id}/files/${body.files[0].id}/frame`, reader);
    expect(frame.body).toMatchObject({ rows: 64, columns: 64 });
    expect(Buffer.from(frame.body.pixels, 'base64').length).toBe(64 * 64);
    const raw = await p.app.inject({ method: 'GET', url: `${ORDERS}/${id}/files/${body.files[0].id}`, headers: { authorization: `Bearer ${reader}` } });
    expect(raw.rawPayload.equals(Buffer.from(study.bytes))).toBe(true);
  });

  it('pushes a critical value to the ordering doctor over the event stream, and not to others', async () => {
    await p.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = p.app.server.address() as AddressInfo;
    const open = async (token: string) => {
      const ctrl = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/critical-values/stream`, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      const until = async (needle: string) => {
        while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
        return text;
      };
      await until(': connected');
      return { until, text: () => text, close: () => ctrl.abort() };
    };
    const mine = await open(vdoc);
    const theirs = await open(headTown);
    const id = (await order('ECG-12', { repeatReason: '再发晕厥，复查心电图' })).body.id;
    await p.call('POST', `${ORDERS}/${id}/accept`, reader);
    await p.call('POST', `${ORDERS}/${id}/results`, vdoc, { samplingRate: 100, leads: synthEcg({ variant: 'normal', samplingRate: 100, seconds: 10, seed: 9 }).leads });
    const reported = await p.call('POST', `${ORDERS}/${id}/report`, reader, { text: '三度房室传导阻滞', conclusion: '三度房室传导阻滞，心室率 32 次/分', critical: true });
    const cv = reported.body.criticalValues[0];
    const got = await mine.until('event: critical');
    const data = JSON.parse(/event: critical\ndata: (.*)\n/.exec(got)![1]!);
    expect(data).toEqual({ id: cv.id, kind: 'raised', stage: 'doctor' });
    // The township head hears of it only once it escalates to the unit head.
    expect(theirs.text()).not.toContain('event: critical');
    mine.close();
    theirs.close();
  });

  it('returns a rejected order to the sender with the reason', async () => {
    const id = (await order('LAB-CBC', { priority: 'routine', reason: '乏力' })).body.id;
    expect((await p.call('POST', `${ORDERS}/${id}/reject`, readerLab, {})).status).toBe(400);
    const r = await p.call('POST', `${ORDERS}/${id}/reject`, readerLab, { reason: '标本溶血，请重新采血' });
    expect(r.body).toMatchObject({ status: 'rejected', rejectReason: '标本溶血，请重新采血', actions: [] });
    const mine = await p.call('GET', `${ORDERS}?view=ordered&status=rejected`, vdoc);
    expect(mine.body.items.some((o: { id: string }) => o.id === id)).toBe(true);
  });

  it('keeps the monthly counts equal to a recount of the orders after every kind of write (and after the demo seed)', async () => {
    // Runs last: the tests above ordered, accepted, rejected, resulted, reported, amended, acknowledged and cancelled.
    const { kept, recounted } = await keptAndRecounted(p.ctx.db, communityId);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(recounted);
    // A whole month read from the counts gives what the orders give.
    const month = new Date(p.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const from = new Date(`${month}-01T00:00:00+08:00`);
    const to = new Date(new Date(`${month}-01T00:00:00+08:00`).getTime() + 40 * 86_400_000);
    const next = new Date(`${new Date(to.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)}-01T00:00:00+08:00`);
    const summed = await memberCounts(p.ctx.db, communityId, from, next, p.clock.now());
    const raw = (await p.ctx.db.query<{ organization_id: string; modality: string; ordered: number; late: number }>(
      `select ordering_organization_id as organization_id, modality, count(*)::int as ordered,
              count(*) filter (where report_due_at is not null and coalesce(reported_at, $4) > report_due_at)::int as late
         from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 group by 1, 2`, [communityId, from, next, p.clock.now()])).rows;
    const key = (r: { organization_id: string; modality: string; ordered: number; late: number }) => `${r.organization_id} ${r.modality} ${r.ordered} ${r.late}`;
    expect(summed.map(key).sort()).toEqual(raw.map(key).sort());
  });
});
