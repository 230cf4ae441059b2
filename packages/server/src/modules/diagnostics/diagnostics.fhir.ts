import type {
  Bundle, CodeableConcept, DiagnosticReport, ImagingStudy, ImagingStudySeries, Observation, ObservationComponent, Quantity, Reference, Resource, ServiceRequest,
} from 'fhir/r4';
import { ECG_LEADS } from '@yigong/domain';
import type { OrderDetailView } from '@yigong/contracts';

/**
 * The FHIR R4 face of a diagnostic order (docs/domain/diagnostics.md "FHIR"): the order is a
 * ServiceRequest, its signed report a DiagnosticReport, each lab analyte and the ECG tracing an
 * Observation, its DICOM files ImagingStudies. Read-only, pure functions of the API view;
 * identifiers are the platform's ids (a result's id is the order's id and a suffix, within the
 * 64 characters a FHIR id may have).
 */
type Order = OrderDetailView;
type Modality = Order['modality'];
type LabObservation = Order['observations'][number];
type StudyFile = Order['files'][number];
type ReportVersion = Order['reports'][number];
/** The samples of an ECG as `ecgWaveform` gives them (µV, one array per lead at `samplingRate` Hz). */
export interface EcgSamples {
  samplingRate: number;
  leads: Record<string, number[]>;
}

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
/** ISO/IEEE 11073-10101 (MDC), by its OID as the FHIR R4 ECG example writes it. */
const MDC = 'urn:oid:2.16.840.1.113883.6.24';
const SECTION = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const ITEM_SYSTEM = 'urn:yigong:diagnostic-item';
const ANALYTE_SYSTEM = 'urn:yigong:lab-analyte';

const REQUEST_STATUS: Record<Order['status'], ServiceRequest['status']> = {
  ordered: 'active', accepted: 'active', resulted: 'active', reported: 'completed', acknowledged: 'completed', rejected: 'revoked', cancelled: 'revoked',
};
/** ServiceRequest.category: the kind of procedure (SNOMED CT). */
const REQUEST_CATEGORY: Record<Modality, CodeableConcept> = {
  imaging: { coding: [{ system: SNOMED, code: '363679005', display: 'Imaging' }], text: '医学影像' },
  lab: { coding: [{ system: SNOMED, code: '108252007', display: 'Laboratory procedure' }], text: '医学检验' },
  ecg: { coding: [{ system: SNOMED, code: '29303009', display: 'Electrocardiographic procedure' }], text: '心电诊断' },
  pathology: { coding: [{ system: SNOMED, code: '108257001', display: 'Anatomic pathology procedure' }], text: '病理诊断' },
};
/** DiagnosticReport.category: the diagnostic service section (HL7 v2 table 0074). */
const REPORT_CATEGORY: Record<Modality, CodeableConcept> = {
  imaging: { coding: [{ system: SECTION, code: 'RAD', display: 'Radiology' }], text: '医学影像' },
  lab: { coding: [{ system: SECTION, code: 'LAB', display: 'Laboratory' }], text: '医学检验' },
  ecg: { coding: [{ system: SECTION, code: 'EC', display: 'Electrocardiac (e.g., EKG,  EEC, Holter)' }], text: '心电诊断' },
  pathology: { coding: [{ system: SECTION, code: 'SP', display: 'Surgical Pathology' }], text: '病理诊断' },
};
const FLAG_DISPLAY: Record<NonNullable<LabObservation['flag']>, string> = { N: 'Normal', L: 'Low', H: 'High', LL: 'Critical low', HH: 'Critical high' };
/** MDC_ECG_ELEC_POTL_<lead>: 131328 plus the lead's MDC_ECG_LEAD code (I 1, II 2, V1–V6 3–8, III 61, aVR 62, aVL 63, aVF 64). */
const LEAD_CODE: Record<(typeof ECG_LEADS)[number], number> = {
  I: 131329, II: 131330, III: 131389, aVR: 131390, aVL: 131391, aVF: 131392, V1: 131331, V2: 131332, V3: 131333, V4: 131334, V5: 131335, V6: 131336,
};
/** A LOINC code: up to 7 digits, a dash, the check digit. */
const LOINC_CODE = /^\d{1,7}-\d$/;
/** A unit written in UCUM's printable characters (the catalogue's units are UCUM codes: `mmol/L`, `10*9/L`, `m[IU]/L`). */
const UCUM_CODE = /^[!-~]+$/;
/** A DICOM UID that is also a FHIR id (digits and dots, at most 64 characters). */
const DICOM_UID = /^\d+(\.\d+)*$/;

const orderRef = (o: Order): Reference => ({ reference: `ServiceRequest/${o.id}` });
const patient = (o: Order): Reference => ({ reference: `Patient/${o.residentId}`, display: o.residentName });
const centre = (o: Order): Reference => ({ reference: `Organization/${o.performingOrganizationId}`, display: o.performingOrganizationName });
const itemCode = (o: Order): CodeableConcept => ({ coding: [{ system: ITEM_SYSTEM, code: o.itemCode, display: o.itemName }], text: o.itemName });
const latestReport = (o: Order): ReportVersion | undefined => o.reports.at(-1);

/** Result ids: lab analyte `index` (0-based, in the order of the result), the ECG, study `index` (in the order of upload). */
const analyteObservationId = (orderId: string, index: number) => `${orderId}-${index + 1}`;
const ecgObservationId = (orderId: string) => `${orderId}-ecg`;
const imagingStudyId = (orderId: string, index: number) => `${orderId}-${index + 1}`;

/** The order as a ServiceRequest: what was asked of which centre, for whom, by which unit, and why. */
export function toServiceRequest(o: Order): ServiceRequest {
  const last = o.history.at(-1);
  const notes = [
    ...(o.repeatReason ? [{ text: `重复检查原因：${o.repeatReason}` }] : []),
    ...(o.rejectReason ? [{ text: `退回原因：${o.rejectReason}` }] : []),
  ];
  return {
    resourceType: 'ServiceRequest',
    id: o.id,
    meta: { lastUpdated: last?.at ?? o.orderedAt },
    status: REQUEST_STATUS[o.status],
    intent: 'order',
    category: [REQUEST_CATEGORY[o.modality]],
    priority: o.priority,
    code: itemCode(o),
    subject: patient(o),
    authoredOn: o.orderedAt,
    requester: { reference: `Organization/${o.orderingOrganizationId}`, display: o.orderingOrganizationName },
    performer: [centre(o)],
    reasonCode: [{ text: o.reason }],
    ...(notes.length ? { note: notes } : {}),
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The findings, which have no structured element, in the narrative with the conclusion. */
function reportNarrative(r: ReportVersion): string {
  const para = (label: string, text: string) => `<p><b>${label}</b>：${escapeXml(text).replace(/\r?\n/g, '<br/>')}</p>`;
  return `<div xmlns="http://www.w3.org/1999/xhtml">${[
    para('所见', r.findings),
    para('结论', r.conclusion),
    ...(r.critical ? [para('危急值', '是')] : []),
    ...(r.amendReason ? [para(`更正（第 ${r.version} 版）`, r.amendReason)] : []),
  ].join('')}</div>`;
}

/** Every Observation id of the order's results: its lab analytes, or its ECG. */
function resultIds(o: Order): string[] {
  return [...o.observations.map((_, i) => analyteObservationId(o.id, i)), ...(o.ecg ? [ecgObservationId(o.id)] : [])];
}

/**
 * The signed report as a DiagnosticReport (its id the order's), in its latest version: `final`,
 * or `amended` once a correction added a version. None before a report is signed.
 */
export function toDiagnosticReport(o: Order): DiagnosticReport | null {
  const r = latestReport(o);
  if (!r) return null;
  const results = resultIds(o);
  const studies = toImagingStudies(o);
  return {
    resourceType: 'DiagnosticReport',
    id: o.id,
    meta: { versionId: String(r.version), lastUpdated: r.signedAt },
    text: { status: 'additional', div: reportNarrative(r) },
    basedOn: [orderRef(o)],
    status: o.reports.length > 1 ? 'amended' : 'final',
    category: [REPORT_CATEGORY[o.modality]],
    code: itemCode(o),
    subject: patient(o),
    ...(o.resultedAt ? { effectiveDateTime: o.resultedAt } : {}),
    issued: r.signedAt,
    performer: [centre(o)],
    resultsInterpreter: [{ display: r.signedByName }],
    ...(results.length ? { result: results.map((id) => ({ reference: `Observation/${id}` })) } : {}),
    ...(studies.length ? { imagingStudy: studies.map((s) => ({ reference: `ImagingStudy/${s.id}` })) } : {}),
    conclusion: r.conclusion,
  };
}

const observationStatus = (o: Order): Observation['status'] => (o.status === 'reported' || o.status === 'acknowledged' ? 'final' : 'preliminary');

function quantity(value: number, unit: string | null): Quantity {
  const u = unit?.trim();
  if (!u) return { value };
  return UCUM_CODE.test(u) ? { value, unit: u, system: UCUM, code: u } : { value, unit: u };
}

function analyteCode(b: LabObservation): CodeableConcept {
  const display = b.name ?? undefined;
  return {
    coding: [{ system: LOINC_CODE.test(b.code) ? LOINC : ANALYTE_SYSTEM, code: b.code, ...(display ? { display } : {}) }],
    ...(display ? { text: display } : {}),
  };
}

function observationBase(o: Order, id: string, category: CodeableConcept, code: CodeableConcept): Observation {
  return {
    resourceType: 'Observation',
    id,
    basedOn: [orderRef(o)],
    status: observationStatus(o),
    category: [category],
    code,
    subject: patient(o),
    ...(o.resultedAt ? { effectiveDateTime: o.resultedAt } : {}),
    performer: [centre(o)],
  };
}

/** One Observation per lab analyte: value with its UCUM unit (or text), reference range, HL7 interpretation flag. */
export function toLabObservations(o: Order): Observation[] {
  const category: CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY, code: 'laboratory', display: 'Laboratory' }] };
  return o.observations.map((b, i) => {
    const range = b.low !== null || b.high !== null
      ? [{ ...(b.low !== null ? { low: quantity(b.low, b.unit) } : {}), ...(b.high !== null ? { high: quantity(b.high, b.unit) } : {}) }]
      : null;
    return {
      ...observationBase(o, analyteObservationId(o.id, i), category, analyteCode(b)),
      ...(typeof b.value === 'number' ? { valueQuantity: quantity(b.value, b.unit) } : { valueString: b.value }),
      ...(b.flag ? { interpretation: [{ coding: [{ system: INTERPRETATION, code: b.flag, display: FLAG_DISPLAY[b.flag] }] }] } : {}),
      ...(range ? { referenceRange: range } : {}),
    };
  });
}

/**
 * The ECG as one Observation (LOINC 11524-6 EKG study): a component per lead with its samples
 * as SampledData (µV from origin 0, one sample every 1000 / rate ms), and the heart rate the
 * platform computed (LOINC 8867-4) when it found one.
 */
export function toEcgObservation(o: Order, ecg: EcgSamples): Observation {
  const category: CodeableConcept = { coding: [{ system: OBSERVATION_CATEGORY, code: 'procedure', display: 'Procedure' }] };
  const leads = ECG_LEADS.filter((l) => Array.isArray(ecg.leads[l]));
  const components: ObservationComponent[] = leads.map((lead) => ({
    code: { coding: [{ system: MDC, code: String(LEAD_CODE[lead]), display: `MDC_ECG_ELEC_POTL_${lead.toUpperCase()}` }], text: `导联 ${lead}` },
    valueSampledData: {
      origin: { value: 0, unit: 'µV', system: UCUM, code: 'uV' },
      period: 1000 / ecg.samplingRate,
      dimensions: 1,
      data: ecg.leads[lead]!.join(' '),
    },
  }));
  const heartRate = o.ecg?.heartRate;
  if (heartRate !== null && heartRate !== undefined) {
    components.push({ code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }], text: '心率' }, valueQuantity: { value: heartRate, unit: '/min', system: UCUM, code: '/min' } });
  }
  return {
    ...observationBase(o, ecgObservationId(o.id), category, { coding: [{ system: LOINC, code: '11524-6', display: 'EKG study' }], text: o.itemName }),
    component: components,
  };
}

/** Every Observation of the order: its lab analytes, and its ECG when the samples are given. */
export function toObservations(o: Order, ecg: EcgSamples | null): Observation[] {
  return [...toLabObservations(o), ...(ecg ? [toEcgObservation(o, ecg)] : [])];
}

/** A DICOM date (YYYYMMDD) as a FHIR date; nothing for anything else. */
function dicomDate(da: string | undefined): string | undefined {
  const m = da ? /^(\d{4})(\d{2})(\d{2})$/.exec(da) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const uid = (v: string | undefined): string | undefined => (v && v.length <= 64 && DICOM_UID.test(v) ? v : undefined);
const modalityCoding = (code: string) => ({ system: DCM, code });

/**
 * The order's DICOM files as ImagingStudies, one per StudyInstanceUID (identifier `urn:dicom:uid`
 * / `urn:oid:<uid>`), its series by SeriesInstanceUID and instances by SOPInstanceUID, from the
 * tags read at upload. A file without a valid study UID is left out; one without a series UID,
 * a modality, an instance UID or a SOP class counts in no series.
 */
export function toImagingStudies(o: Order): ImagingStudy[] {
  const studies = new Map<string, StudyFile[]>();
  for (const f of o.files) {
    const study = f.kind === 'dicom' ? uid(f.tags.StudyInstanceUID) : undefined;
    if (study) studies.set(study, [...(studies.get(study) ?? []), f]);
  }
  return [...studies].map(([studyUid, files], index) => {
    const series = new Map<string, ImagingStudySeries>();
    for (const f of files) {
      const seriesUid = uid(f.tags.SeriesInstanceUID);
      const instanceUid = uid(f.tags.SOPInstanceUID);
      const sopClass = uid(f.tags.SOPClassUID);
      const modality = f.tags.Modality?.trim();
      if (!seriesUid || !instanceUid || !sopClass || !modality) continue;
      const s: ImagingStudySeries = series.get(seriesUid) ?? {
        uid: seriesUid,
        modality: modalityCoding(modality),
        ...(f.tags.BodyPartExamined ? { bodySite: { display: f.tags.BodyPartExamined } } : {}),
        instance: [],
      };
      if (!s.instance!.some((i) => i.uid === instanceUid)) s.instance!.push({ uid: instanceUid, sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${sopClass}` }, ...(f.name.trim() ? { title: f.name } : {}) });
      s.numberOfInstances = s.instance!.length;
      series.set(seriesUid, s);
    }
    const first = files[0]!.tags;
    const all = [...series.values()];
    const started = dicomDate(first.StudyDate);
    const modalities = [...new Set(all.map((s) => s.modality.code!))];
    return {
      resourceType: 'ImagingStudy',
      id: imagingStudyId(o.id, index),
      identifier: [
        { system: 'urn:dicom:uid', value: `urn:oid:${studyUid}` },
        ...(first.AccessionNumber ? [{ type: { coding: [{ system: IDENTIFIER_TYPE, code: 'ACSN' }] }, value: first.AccessionNumber }] : []),
      ],
      status: 'available',
      ...(modalities.length ? { modality: modalities.map(modalityCoding) } : {}),
      subject: patient(o),
      ...(started ? { started } : {}),
      basedOn: [orderRef(o)],
      numberOfSeries: all.length,
      numberOfInstances: all.reduce((n, s) => n + (s.numberOfInstances ?? 0), 0),
      ...(first.StudyDescription ? { description: first.StudyDescription } : {}),
      ...(all.length ? { series: all } : {}),
    } satisfies ImagingStudy;
  });
}

/** A searchset Bundle of the resources found. */
export function searchBundle(resources: Resource[], self: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: self }],
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}
