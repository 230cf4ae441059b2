import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';

describe('residents (master patient index)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let town: string;
  const count = async () => Number((await p.ctx.db.query<{ n: number }>('select count(*)::int as n from resident')).rows[0]!.n);
  const auditCount = async () => Number((await p.ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n);

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    town = await p.login('doctor.town');
  });
  afterAll(async () => p.close());

  it('creates a resident with sex and birth date derived from the ID number, stored encrypted', async () => {
    const idNumber = validIdNumber('19580317', '330521', 417);
    const r = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '钱建国' }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '钱建国', sex: 'male', birthDate: '1958-03-17', idNumberMasked: `330521********${idNumber.slice(14)}` });
    expect(r.body.idNumber).toBeUndefined();
    const stored = (await p.ctx.db.query<{ id_number_enc: string }>('select id_number_enc from resident where id = $1', [r.body.id])).rows[0]!;
    expect(stored.id_number_enc).not.toContain(idNumber);
    expect(p.ctx.cipher.decrypt(stored.id_number_enc)).toBe(idNumber);
  });

  it.each([
    ['a bad check digit', (() => { const g = validIdNumber(); return g.slice(0, 17) + (g[17] === '0' ? '1' : '0'); })()],
    ['an impossible date', validIdNumber('19580230')],
    ['a short number', '33052119580317'],
    ['an unknown region', validIdNumber('19580317', '990521')],
  ])('refuses %s with 400 and writes nothing', async (_why, idNumber) => {
    const [before, auditBefore] = [await count(), await auditCount()];
    const r = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '钱不存' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.field).toBe('idNumber');
    expect([await count(), await auditCount()]).toEqual([before, auditBefore]);
  });

  it('refuses a sex that contradicts the ID number', async () => {
    const r = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19600101', '330521', 418), sex: 'male' }));
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('sex');
  });

  it('answers a second resident with the same number (any case of x) with 409 naming the first', async () => {
    const idNumber = validIdNumber('19700101', '330521', 22);
    const withX = idNumber.endsWith('X') ? idNumber : null;
    const first = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '孙一' }));
    expect(first.status).toBe(201);
    const again = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: withX ? withX.toLowerCase() : idNumber, name: '孙二' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'RESIDENT_EXISTS', details: { residentId: first.body.id, name: '孙一' } });
  });

  it('gives one row when the same resident is created concurrently', async () => {
    const idNumber = validIdNumber('19811111', '330521', 555);
    const results = await Promise.all(Array.from({ length: 8 }, () => p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '周同时' }))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const hash = p.ctx.cipher.lookupHash(idNumber);
    expect((await p.ctx.db.query('select 1 from resident where id_number_hash = $1', [hash])).rowCount).toBe(1);
  });

  it('treats a retried create with the same client id as the same resident', async () => {
    const body = residentBody(w.first.id, w.villageId, { id: '0193b6a0-0000-4000-8000-000000000001', idNumber: validIdNumber('19900505', '330521', 600), name: '吴重试' });
    const a = await p.call('POST', '/api/v1/residents', town, body);
    const b = await p.call('POST', '/api/v1/residents', town, body);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    const c = await p.call('POST', '/api/v1/residents', town, { ...body, name: '吴不同' });
    expect(c.status).toBe(409);
    expect(c.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('finds residents by name, pinyin initials, phone and full ID number, showing masked numbers', async () => {
    const idNumber = validIdNumber('19650606', '330521', 701);
    const made = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '冯搜索', phone: '13912345678' }));
    for (const q of ['冯搜索', 'fss', 'fengsou', '1391234', idNumber, idNumber.toLowerCase()]) {
      const r = await p.call('GET', `/api/v1/residents?q=${encodeURIComponent(q)}`, town);
      expect(r.status, q).toBe(200);
      const hit = r.body.items.find((x: { id: string }) => x.id === made.body.id);
      expect(hit, q).toBeDefined();
      expect(JSON.stringify(r.body)).not.toContain(idNumber);
    }
  });

  it('pages through residents with a cursor without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await p.call('GET', `/api/v1/residents?limit=25${cursor ? `&cursor=${cursor}` : ''}`, town);
      for (const x of r.body.items) {
        expect(seen.has(x.id)).toBe(false);
        seen.add(x.id);
      }
      cursor = r.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.size).toBeGreaterThan(25);
  });

  it('shows full ID numbers to the insurance officer and to a clinician only through an audited reveal', async () => {
    const idNumber = validIdNumber('19720202', '330521', 808);
    const made = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber, name: '陈医保' }));
    const insurer = await p.login('insurer');
    expect((await p.call('GET', `/api/v1/residents/${made.body.id}`, insurer)).body.idNumber).toBe(idNumber);
    const reveal = await p.call('POST', `/api/v1/residents/${made.body.id}/reveal-id`, town, { purpose: '办理转诊' });
    expect(reveal.body).toEqual({ idNumber });
    const log = await p.call('GET', `/api/v1/audit?residentId=${made.body.id}&action=resident.reveal_id`, await p.login('admin'));
    expect(log.body.items[0]).toMatchObject({ username: 'doctor.town', purpose: '办理转诊' });
  });

  it('leaves an audit row naming the reader for every read of a record', async () => {
    const list = await p.call('GET', '/api/v1/residents?limit=1', town);
    const id = list.body.items[0].id;
    const read = await p.call('GET', `/api/v1/residents/${id}?purpose=复诊`, town);
    expect(read.status).toBe(200);
    const log = await p.call('GET', `/api/v1/audit?residentId=${id}`, await p.login('manager'));
    expect(log.body.items[0]).toMatchObject({ username: 'doctor.town', role: 'clinician', action: 'resident.read', residentId: id, purpose: '复诊', organizationId: w.townshipId });
    const access = await p.call('GET', `/api/v1/residents/${id}/access-log`, town);
    expect(access.body.items.some((e: { username: string }) => e.username === 'doctor.town')).toBe(true);
  });

  it('queues same name, birth date and sex under another number as a duplicate candidate, and remembers keep-apart', async () => {
    const a = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19480808', '330521', 11), name: '郑同名' }));
    const b = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19480808', '330521', 13), name: '郑同名' }));
    expect(b.status).toBe(201);
    expect(b.body.duplicateCandidates).toEqual([a.body.id]);
    const admin = await p.login('admin');
    const queue = await p.call('GET', '/api/v1/duplicate-candidates', admin);
    expect(queue.body.items.some((c: { a: { id: string }; b: { id: string } }) => [c.a.id, c.b.id].sort().join() === [a.body.id, b.body.id].sort().join())).toBe(true);
    expect((await p.call('POST', '/api/v1/duplicate-candidates/resolve', admin, { residentA: a.body.id, residentB: b.body.id, resolution: 'kept_apart' })).status).toBe(200);
    expect((await p.call('POST', '/api/v1/duplicate-candidates/resolve', admin, { residentA: b.body.id, residentB: a.body.id, resolution: 'linked' })).status).toBe(409);
    expect((await p.ctx.db.query(`select status from duplicate_candidate where status = 'kept_apart'`)).rowCount).toBeGreaterThan(0);
  });

  it('merges a linked duplicate into the survivor, moving its problems', async () => {
    const a = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19510101', '330521', 31), name: '王合并' }));
    const b = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19510101', '330521', 33), name: '王合并' }));
    expect((await p.call('POST', `/api/v1/residents/${b.body.id}/problems`, town, { code: 'I10' })).status).toBe(201);
    const admin = await p.login('admin');
    const r = await p.call('POST', '/api/v1/duplicate-candidates/resolve', admin, { residentA: a.body.id, residentB: b.body.id, resolution: 'linked', survivorId: a.body.id });
    expect(r.status).toBe(200);
    const survivor = await p.call('GET', `/api/v1/residents/${a.body.id}`, town);
    expect(survivor.body.problems.map((x: { code: string }) => x.code)).toEqual(['I10']);
    expect(survivor.body.keyPopulations).toContain('hypertension');
  });

  it('records problems and observations, and rejects implausible values without writing', async () => {
    const list = await p.call('GET', '/api/v1/residents?limit=1', town);
    const id = list.body.items[0].id;
    expect((await p.call('POST', `/api/v1/residents/${id}/problems`, town, { code: 'Z99.9' })).status).toBe(400);
    const bp = await p.call('POST', `/api/v1/residents/${id}/observations`, town, { kind: 'blood_pressure', value: 152, value2: 96, observedAt: new Date(Date.now() - 60_000).toISOString() });
    expect(bp.status).toBe(201);
    expect(bp.body).toMatchObject({ kind: 'blood_pressure', value: 152, value2: 96, unit: 'mmHg' });
    expect((await p.call('POST', `/api/v1/residents/${id}/observations`, town, { kind: 'blood_pressure', value: 90, value2: 140, observedAt: new Date().toISOString() })).status).toBe(400);
    expect((await p.call('POST', `/api/v1/residents/${id}/observations`, town, { kind: 'weight', value: 900, observedAt: new Date().toISOString() })).status).toBe(400);
    const record = await p.call('GET', `/api/v1/residents/${id}`, town);
    expect(record.body.observations.filter((o: { kind: string }) => o.kind === 'blood_pressure')).toHaveLength(1);
    expect(record.body.timeline.some((t: { title: string }) => t.title === '血压')).toBe(true);
  });

  it('transfers a record to another community (迁移) with an audit trail in both', async () => {
    const made = await p.call('POST', '/api/v1/residents', town, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber('19880808', '330521', 901), name: '蒋迁移' }));
    await p.call('POST', `/api/v1/residents/${made.body.id}/problems`, town, { code: 'E11.9' });
    const admin = await p.login('admin');
    const moved = await p.call('POST', `/api/v1/residents/${made.body.id}/transfer`, admin, { toCommunityId: w.second.id, toOrganizationId: w.secondVillageId, reason: '户籍迁至安吉县' });
    expect(moved.status).toBe(200);
    const vdoc2 = await p.login('vdoc2');
    const there = await p.call('GET', `/api/v1/residents/${made.body.id}`, vdoc2);
    expect(there.status).toBe(200);
    expect(there.body).toMatchObject({ communityId: w.second.id, organizationId: w.secondVillageId });
    expect(there.body.problems.map((x: { code: string }) => x.code)).toEqual(['E11.9']);
    expect((await p.call('GET', `/api/v1/residents/${made.body.id}`, town)).status).toBe(403);
    const trail = await p.call('GET', `/api/v1/audit?residentId=${made.body.id}&action=resident.transfer`, admin);
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['resident.transfer_in', 'resident.transfer_out']);
  });
});
