import { z } from 'zod';
import { CRITICAL_STAGES, DIAGNOSTIC_PRIORITIES, MODALITIES, ORDER_ACTIONS, ORDER_STATUSES } from '@yigong/domain';
import { itemsOf, statusEventView, timestamp } from './common.ts';

export const analyteView = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  criticalLow: z.number().nullable(),
  criticalHigh: z.number().nullable(),
});

export const diagnosticItemView = z.object({
  code: z.string(),
  name: z.string(),
  modality: z.enum(MODALITIES),
  centreId: z.string(),
  centreName: z.string(),
  routineMinutes: z.number(),
  urgentMinutes: z.number(),
  validityDays: z.number(),
  priceFen: z.number(),
  /** Null: every member unit recognises the result. */
  recognisedBy: z.array(z.string()).nullable(),
  analytes: z.array(analyteView),
  template: z.object({ findings: z.string(), conclusion: z.string() }),
});
export type DiagnosticItemView = z.infer<typeof diagnosticItemView>;
export const diagnosticItemList = itemsOf(diagnosticItemView);

export const rotaShiftView = z.object({ id: z.string(), readerName: z.string(), userId: z.string().nullable(), startsAt: timestamp, endsAt: timestamp });
export const diagnosticCentreView = z.object({
  id: z.string(),
  name: z.string(),
  modality: z.enum(MODALITIES),
  organizationId: z.string(),
  organizationName: z.string(),
  phone: z.string().nullable(),
  items: z.number(),
  openOrders: z.number(),
  /** Shifts of today and tomorrow (Asia/Shanghai). */
  rota: z.array(rotaShiftView),
});
export type DiagnosticCentreView = z.infer<typeof diagnosticCentreView>;
export const diagnosticCentreList = itemsOf(diagnosticCentreView);


export const labObservationView = z.object({
  code: z.string(),
  name: z.string().nullable(),
  value: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  flag: z.enum(['N', 'L', 'H', 'LL', 'HH']).nullable(),
});

export const ecgSummaryView = z.object({ samplingRate: z.number(), leads: z.array(z.string()), samples: z.number(), seconds: z.number(), heartRate: z.number().nullable() });
export const ecgWaveformView = z.object({ samplingRate: z.number(), leads: z.record(z.string(), z.array(z.number())) });

export const studyFileView = z.object({
  id: z.string(),
  kind: z.enum(['dicom', 'image']),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  /** Patient and study tags read from a DICOM file (PatientName, Modality, StudyDate …). */
  tags: z.record(z.string(), z.string()),
});
/** The first frame, windowed to 8 bits, for a canvas (base64 of rows × columns bytes). */
export const dicomFrameView = z.object({ rows: z.number(), columns: z.number(), pixels: z.string() });

export const reportVersionView = z.object({
  version: z.number(),
  findings: z.string(),
  conclusion: z.string(),
  critical: z.boolean(),
  signedByName: z.string(),
  signedAt: timestamp,
  amendReason: z.string().nullable(),
});

export const criticalValueView = z.object({
  id: z.string(),
  communityId: z.string(),
  orderId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  orderingOrganizationId: z.string(),
  orderingOrganizationName: z.string(),
  orderingUserId: z.string(),
  orderingUsername: z.string(),
  source: z.enum(['result', 'report']),
  summary: z.string(),
  raisedAt: timestamp,
  deadlineAt: timestamp,
  stage: z.enum(CRITICAL_STAGES),
  unitHeadAt: timestamp.nullable(),
  medicalDepartmentAt: timestamp.nullable(),
  status: z.enum(['open', 'acknowledged']),
  acknowledgedAt: timestamp.nullable(),
  acknowledgedByName: z.string().nullable(),
  ackNote: z.string().nullable(),
  acknowledgedInTime: z.boolean().nullable(),
});
export type CriticalValueView = z.infer<typeof criticalValueView>;
export const criticalValueList = itemsOf(criticalValueView);

export const orderView = z.object({
  id: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  modality: z.enum(MODALITIES),
  centreId: z.string(),
  centreName: z.string(),
  performingOrganizationId: z.string(),
  performingOrganizationName: z.string(),
  priority: z.enum(DIAGNOSTIC_PRIORITIES),
  status: z.enum(ORDER_STATUSES),
  reason: z.string(),
  orderingOrganizationId: z.string(),
  orderingOrganizationName: z.string(),
  orderingUsername: z.string(),
  recognisedOrderId: z.string().nullable(),
  repeatReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  readerName: z.string().nullable(),
  critical: z.boolean(),
  orderedAt: timestamp,
  acceptedAt: timestamp.nullable(),
  rejectedAt: timestamp.nullable(),
  resultedAt: timestamp.nullable(),
  reportDueAt: timestamp.nullable(),
  reportedAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  /** Minutes waited in the current queue (quality check, or reading once resulted). */
  waitingMinutes: z.number().nullable(),
  overdue: z.boolean(),
  turnaroundMinutes: z.number().nullable(),
  conclusion: z.string().nullable(),
  side: z.enum(['orderer', 'centre']).nullable(),
  actions: z.array(z.enum(ORDER_ACTIONS)),
});
export type OrderView = z.infer<typeof orderView>;
export const orderList = itemsOf(orderView);

/** GET /diagnostics/orders/{id}: the order with its status history (Contract), results and reports. */
export const orderDetailView = orderView.extend({
  history: z.array(statusEventView),
  observations: z.array(labObservationView),
  ecg: ecgSummaryView.nullable(),
  files: z.array(studyFileView),
  reports: z.array(reportVersionView),
  criticalValues: z.array(criticalValueView),
  template: z.object({ findings: z.string(), conclusion: z.string() }),
});
export type OrderDetailView = z.infer<typeof orderDetailView>;

/** GET /diagnostics/recognition: the recognised result (200) — or 404. */
export const recognitionView = z.object({
  orderId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  residentId: z.string(),
  performingOrganizationName: z.string(),
  reportedAt: timestamp,
  validUntil: z.string(),
  conclusion: z.string().nullable(),
  critical: z.boolean(),
  priceFen: z.number(),
});
export type RecognitionView = z.infer<typeof recognitionView>;

export const clockView = z.object({ now: timestamp, offsetMinutes: z.number(), escalated: z.number() });

/** GET /diagnostics/indicators: the centres' indicators of a community and period (docs/domain/diagnostics.md "Indicators"). */
export const diagnosticsIndicatorsView = z.object({
  communityId: z.string(),
  from: z.string(),
  to: z.string(),
  turnaround: z.array(z.object({ modality: z.enum(MODALITIES), count: z.number(), p50: z.number().nullable(), p90: z.number().nullable() })),
  ordered: z.number(),
  checked: z.number(),
  rejected: z.number(),
  rejectionRate: z.number().nullable(),
  lateReports: z.number(),
  remoteReports: z.number(),
  /** Remote consultations answered (an opinion given) in the period. */
  consultations: z.number(),
  criticalAck: z.object({ total: z.number(), inTime: z.number(), share: z.number().nullable() }),
  recognition: z.object({ used: z.number(), repeated: z.number(), rate: z.number().nullable(), avoidedFen: z.number() }),
  members: z.array(z.object({
    organizationId: z.string(),
    organizationName: z.string(),
    byModality: z.partialRecord(z.enum(MODALITIES), z.number()),
    ordered: z.number(),
    remoteReports: z.number(),
    rejected: z.number(),
    rejectionRate: z.number().nullable(),
    lateReports: z.number(),
    consultations: z.number(),
    criticalValues: z.number(),
    criticalAckShare: z.number().nullable(),
    recognitionUsed: z.number(),
    recognitionRepeated: z.number(),
  })),
});
export type DiagnosticsIndicatorsView = z.infer<typeof diagnosticsIndicatorsView>;
