import { z } from 'zod';
import { DIAGNOSTIC_PRIORITIES, MODALITIES, ORDER_STATUSES } from '@yigong/domain';
import { isoDate, isoDateTime } from './common.ts';

/**
 * Requests of the diagnostics module (issue #13; docs/domain/diagnostics.md). The shapes of the
 * issue's Contract are kept exactly; the rules (ECG leads of one length, low ≤ high, a repeat
 * inside a recognised result's window needs a reason) are packages/domain's, answered with a 400
 * or 409 naming the field.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** POST /diagnostics/orders (Contract). */
export const createOrderRequest = z.object({
  /** Client-generated: a retried request returns the order it made. */
  id: z.uuid().optional(),
  residentId: z.uuid(),
  itemCode: z.string().trim().min(1).max(40),
  priority: z.enum(DIAGNOSTIC_PRIORITIES),
  reason: z.string().trim().min(2).max(500),
  orderingOrganizationId: z.uuid(),
  /** Needed when a recognised result of the item is inside its validity window (结果互认). */
  repeatReason: z.string().trim().max(200).optional(),
  clientRecordedAt: isoDateTime.optional(),
});
export type CreateOrderRequest = z.infer<typeof createOrderRequest>;

export const rejectOrderRequest = z.object({ reason: z.string().trim().min(2).max(500) });
export const cancelOrderRequest = rejectOrderRequest;

/** Lab results (Contract): `{observations:[{code, value, unit, low, high}]}`. */
export const labResultsRequest = z.object({
  observations: z.array(z.object({
    code: z.string().trim().max(40),
    name: z.string().trim().max(80).optional(),
    value: z.union([z.number(), z.string().trim().max(200)]),
    unit: z.string().trim().max(30).optional(),
    low: z.number().optional(),
    high: z.number().optional(),
    criticalLow: z.number().optional(),
    criticalHigh: z.number().optional(),
  })).max(500),
});
/** ECG (Contract): `{samplingRate, leads:{I:[…], …}}`; lead names and lengths are checked by the domain. */
export const ecgResultsRequest = z.object({
  samplingRate: z.number(),
  leads: z.record(z.string().max(10), z.array(z.number())),
});
/** POST /diagnostics/orders/{id}/results with JSON: lab or ECG. */
export const resultsRequest = z.union([labResultsRequest, ecgResultsRequest]);
export type ResultsRequest = z.infer<typeof resultsRequest>;

/** POST …/{id}/report (Contract): `{text, conclusion, critical}`. */
export const reportRequest = z.object({
  text: z.string().trim().min(2).max(10_000),
  conclusion: z.string().trim().min(2).max(2_000),
  critical: z.boolean(),
  /** What the critical value is, for the ordering doctor's alert (defaults to the conclusion). */
  criticalSummary: z.string().trim().max(200).optional(),
});
export type ReportRequest = z.infer<typeof reportRequest>;
/** POST …/{id}/amend: a new version with why; the old ones stay visible. */
export const amendRequest = reportRequest.extend({ reason: z.string().trim().min(2).max(500) });
export type AmendRequest = z.infer<typeof amendRequest>;

export const orderQuery = z.object({
  /** `worklist`: the centre's open orders (priority, overdue, waiting); `ordered`: the caller's unit's orders. */
  view: z.enum(['worklist', 'ordered', 'all']).default('all'),
  status: z.enum(ORDER_STATUSES).optional(),
  modality: z.enum(MODALITIES).optional(),
  residentId: z.uuid().optional(),
  /** Drill-down from the indicators: the orders a member unit placed in a period (business dates, Asia/Shanghai). */
  orderingOrganizationId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type OrderQuery = z.infer<typeof orderQuery>;

export const recognitionQuery = z.object({ residentId: z.uuid(), itemCode: z.string().trim().min(1).max(40) });
/** POST /diagnostics/recognition/use: the recognised result is used instead of a new order (an avoided test). */
export const recognitionUseRequest = z.object({ id: z.uuid().optional(), residentId: z.uuid(), itemCode: text(40), recognisedOrderId: z.uuid() });

export const criticalValueQuery = z.object({ status: z.enum(['open', 'acknowledged', 'all']).default('open'), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ackRequest = z.object({ note: z.string().trim().max(500).optional() });

export const diagnosticsCommunityQuery = z.object({ communityId: z.uuid() });
export const diagnosticsIndicatorQuery = z.object({ communityId: z.uuid(), from: isoDate, to: isoDate });

/** Demo and browser tests only (YIGONG_CLOCK_CONTROL=1): move the server's clock forward (or back, to undo a test's advance). */
export const clockAdvanceRequest = z.object({ minutes: z.number().int().min(-7 * 24 * 60).max(7 * 24 * 60).refine((m) => m !== 0, '分钟数不能为 0') });
