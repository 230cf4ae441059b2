import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('remote consultation: request with attachments, schedule, opinion, close (issue #13)', () => {
  let p: TestPlatform;
  let vdoc: string;
  let lead: string;
  let communityId: string;
  let leadHospital: string;
  let residentId: string;
  const count = async (table: string) => Number((await p.ctx.db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    p = await openTestPlatform();
    [vdoc, lead] = [await p.login('vdoc'), await p.login('doctor.lead')];
    const u = (await p.ctx.db.query<{ organization_id: string; community_id: string }>(`select organization_id, community_id from app_user where username = 'vdoc'`)).rows[0]!;
    communityId = u.community_id;
    leadHospital = (await p.ctx.db.query<{ id: string }>(`select id from organization where community_id = $1 and kind = 'lead_hospital'`, [communityId])).rows[0]!.id;
    residentId = (await p.ctx.db.query<{ id: string }>(`select id from resident where community_id = $1 and organization_id = $2 order by id limit 1`, [communityId, u.organization_id])).rows[0]!.id;
  });
  afterAll(async () => p.close());

  it('seeds a consultation in every status', async () => {
    const statuses = (await p.ctx.db.query<{ status: string }>(`select distinct status from consultation where community_id = $1 order by 1`, [communityId])).rows.map((r) => r.status);
    expect(statuses).toEqual(['cancelled', 'closed', 'declined', 'opinion_given', 'requested', 'scheduled']);
  });

  it('walks a consultation from request to close, with its history and attachment', async () => {
    const before = await count('consultation');
    const body = { residentId, consultantOrganizationId: leadHospital, consultantDepartment: '心血管内科', urgency: 'urgent', question: '反复胸闷 2 周，心电图 T 波倒置，是否需要上转？', attachments: [{ name: '心电图.pdf', mediaType: 'application/pdf', data: PDF.toString('base64') }] };
    // Bad input names the field and stores nothing.
    for (const [bad, field] of [[{ question: '太短' }, 'question'], [{ urgency: 'now' }, 'urgency'], [{ attachments: [{ name: 'a.exe', mediaType: 'application/x-msdownload', data: 'AA==' }] }, 'attachments.0.mediaType'], [{ consultantOrganizationId: randomUUID() }, 'consultantOrganizationId']] as const) {
      const r = await p.call('POST', '/api/v1/consultations', vdoc, { ...body, ...bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    }
    expect(await count('consultation')).toBe(before);
    const id = randomUUID();
    const created = await p.call('POST', '/api/v1/consultations', vdoc, { ...body, id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, status: 'requested', side: 'requester', actions: ['cancel'], attachments: [{ name: '心电图.pdf', mediaType: 'application/pdf', size: PDF.length }] });
    expect((await p.call('POST', '/api/v1/consultations', vdoc, { ...body, id })).body.id).toBe(id);
    expect(await count('consultation')).toBe(before + 1);

    const incoming = await p.call('GET', '/api/v1/consultations?view=incoming', lead);
    expect(incoming.body.items[0]).toMatchObject({ id, urgency: 'urgent', side: 'consultant' });
    expect((await p.call('POST', `/api/v1/consultations/${id}/schedule`, lead, { scheduledAt: new Date(p.clock.now().getTime() - 3_600_000).toISOString() })).body.error.details.field).toBe('scheduledAt');
    expect((await p.call('POST', `/api/v1/consultations/${id}/schedule`, vdoc, { scheduledAt: new Date(p.clock.now().getTime() + 3_600_000).toISOString() })).status).toBe(403);
    const at = new Date(p.clock.now().getTime() + 2 * 3_600_000).toISOString();
    expect((await p.call('POST', `/api/v1/consultations/${id}/schedule`, lead, { scheduledAt: at })).body).toMatchObject({ status: 'scheduled', scheduledAt: at, consultantName: 'doctor.lead' });
    expect((await p.call('POST', `/api/v1/consultations/${id}/opinion`, lead, { opinion: '太短' })).status).toBe(400);
    const opinion = '建议完善心脏彩超及运动平板试验，暂予阿司匹林 100 mg qd、阿托伐他汀 20 mg qn，症状加重即上转。';
    expect((await p.call('POST', `/api/v1/consultations/${id}/opinion`, lead, { opinion })).body).toMatchObject({ status: 'opinion_given', opinion });
    const closed = await p.call('POST', `/api/v1/consultations/${id}/close`, vdoc);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((h: { action: string }) => h.action)).toEqual(['request', 'schedule', 'give_opinion', 'close']);
    const file = await p.app.inject({ method: 'GET', url: `/api/v1/consultations/${id}/attachments/${created.body.attachments[0].id}`, headers: { authorization: `Bearer ${lead}` } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // Another community never sees it.
    expect((await p.call('GET', `/api/v1/consultations/${id}`, await p.login('vdoc2'))).status).toBe(404);
    // Answered consultations count as remote diagnoses.
    const today = new Date(p.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const ind = await p.call('GET', `/api/v1/diagnostics/indicators?communityId=${communityId}&from=${today}&to=${today}`, await p.login('manager'));
    expect(ind.body.consultations).toBeGreaterThanOrEqual(1);
  });
});
