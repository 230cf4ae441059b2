import { z } from 'zod';
import { PACK_ACTIONS, PACK_EVENT_KINDS, PACK_STATUSES, STEAM_CYCLE_TYPES, STERILE_REQUEST_ACTIONS, STERILE_REQUEST_STATUSES, STERILISATION_METHODS, WRAP_MATERIALS } from '@yigong/domain';
import { calendarDate, isoDate, isoDateTime, itemsOf, timestamp } from './common.ts';

/**
 * Sterile supply (消毒供应, issue #13 item 6; docs/domain/sterile-supply.md). Plausibility of a
 * cycle record, release, recall, picking and the pack states are packages/domain's rules,
 * answered with a 400 or 409 naming the field.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** The caller's community (default) or, named, the same one: sterile supply is one community's work. */
export const sterileCommunityQuery = z.object({ communityId: z.uuid().optional() });

export const sterileCentreView = z.object({
  id: z.string(),
  communityId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  storageMeetsStandard: z.boolean(),
  /** Packs by status across the community (the centre's board). */
  packCounts: z.record(z.string(), z.number()),
  heldBatches: z.number(),
  openRequests: z.number(),
  /** The caller works for the centre (batches, biological results, delivery): docs/domain/sterile-supply.md "Who does what". */
  canProcess: z.boolean(),
});
export type SterileCentreView = z.infer<typeof sterileCentreView>;

export const packTypeView = z.object({
  code: z.string(),
  name: z.string(),
  wrap: z.enum(WRAP_MATERIALS),
  contents: z.string(),
  priceFen: z.number(),
  /** Days a pack stays usable from sterilisation in this centre's store (shelfLifeDays). */
  shelfLifeDays: z.number(),
  active: z.boolean(),
  /** Released packs in date on the centre's shelf. */
  onShelf: z.number(),
});
export type PackTypeView = z.infer<typeof packTypeView>;
export const packTypeList = itemsOf(packTypeView);

/** POST /sterile/batches: the steriliser's cycle record and what was loaded. */
export const createBatchRequest = z.object({
  /** Client-generated: a retried request returns the batch it made. */
  id: z.uuid().optional(),
  sterilizerCode: text(32),
  cycleNo: z.number().int().min(1).max(999_999),
  method: z.enum(STERILISATION_METHODS),
  steamCycleType: z.enum(STEAM_CYCLE_TYPES).nullish(),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  temperatureC: z.number().finite(),
  exposureMinutes: z.number().finite(),
  pressureKpa: z.number().finite().nullish(),
  chemicalPass: z.boolean(),
  biologicalPass: z.boolean().nullable(),
  bowieDickPass: z.boolean().nullable(),
  implants: z.boolean(),
  packs: z.array(z.object({ packType: text(40), quantity: z.number().int().min(1).max(500) })).min(1).max(30),
});
export type CreateBatchRequest = z.infer<typeof createBatchRequest>;

/** POST /sterile/batches/{id}/biological: the biological indicator's result, read 1–7 days later. */
export const biologicalResultRequest = z.object({ pass: z.boolean() });

export const batchQuery = z.object({
  status: z.enum(['held', 'released', 'recalled']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type BatchQuery = z.infer<typeof batchQuery>;

export const batchView = z.object({
  id: z.string(),
  communityId: z.string(),
  centreId: z.string(),
  sterilisedOn: calendarDate,
  daySeq: z.number(),
  sterilizerCode: z.string(),
  cycleNo: z.number(),
  method: z.enum(STERILISATION_METHODS),
  steamCycleType: z.enum(STEAM_CYCLE_TYPES).nullable(),
  startedAt: timestamp,
  endedAt: timestamp,
  temperatureC: z.number(),
  exposureMinutes: z.number(),
  pressureKpa: z.number().nullable(),
  chemicalPass: z.boolean(),
  biologicalPass: z.boolean().nullable(),
  bowieDickPass: z.boolean().nullable(),
  implants: z.boolean(),
  status: z.enum(['held', 'released', 'recalled']),
  holdReasons: z.array(z.string()),
  operatorName: z.string(),
  releasedAt: timestamp.nullable(),
  recalledAt: timestamp.nullable(),
  recallReason: z.string().nullable(),
  packCount: z.number(),
  packCounts: z.record(z.string(), z.number()),
  /** What the caller may do now: `biological` — record the indicator's result (centre staff, within 7 days of the cycle). */
  actions: z.array(z.enum(['biological'])),
});
export type BatchView = z.infer<typeof batchView>;
export const batchList = itemsOf(batchView);

export const packView = z.object({
  barcode: z.string(),
  packType: z.string(),
  packTypeName: z.string(),
  batchId: z.string(),
  sterilizerCode: z.string(),
  cycleNo: z.number(),
  sterilisedOn: calendarDate,
  expiresOn: calendarDate,
  status: z.enum(PACK_STATUSES),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  requestId: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  usedAt: timestamp.nullable(),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(PACK_ACTIONS)),
});
export type PackView = z.infer<typeof packView>;
export const packList = itemsOf(packView);

export const packEventView = z.object({
  at: timestamp,
  kind: z.enum(PACK_EVENT_KINDS),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  residentId: z.string().nullable(),
  restocked: z.boolean().nullable(),
  username: z.string().nullable(),
  comment: z.string().nullable(),
});

/** GET /sterile/packs/{barcode}: the pack and its chain from batch to patient. */
export const packDetailView = packView.extend({
  events: z.array(packEventView),
  /** Breaks in the chain (traceChain), for a person to check. */
  issues: z.array(z.string()),
  batch: batchView,
});
export type PackDetailView = z.infer<typeof packDetailView>;

export const recallImpactView = z.object({
  used: z.array(z.object({ barcode: z.string(), residentId: z.string(), residentName: z.string(), organizationId: z.string().nullable(), organizationName: z.string().nullable(), usedAt: timestamp })),
  residentCount: z.number(),
  toRetrieve: z.array(z.object({ barcode: z.string(), status: z.enum(PACK_STATUSES).nullable(), organizationId: z.string().nullable(), organizationName: z.string().nullable() })),
  unclear: z.array(z.string()),
});

export const batchDetailView = batchView.extend({
  packs: z.array(packView),
  /** A recalled batch: whom to notify and what to fetch back. */
  recall: recallImpactView.nullable(),
  /** Other batches the same failed biological indicator recalled. */
  recalledWith: z.array(z.object({ id: z.string(), sterilizerCode: z.string(), cycleNo: z.number() })),
});
export type BatchDetailView = z.infer<typeof batchDetailView>;

export const packQuery = z.object({
  status: z.enum(PACK_STATUSES).optional(),
  packType: z.string().max(40).optional(),
  /** Packs held by one unit (delivered to it). */
  organizationId: z.uuid().optional(),
  /** Packs expiring on or before this day (in circulation). */
  expiresBy: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type PackQuery = z.infer<typeof packQuery>;

export const usePackRequest = z.object({ residentId: z.uuid(), note: z.string().trim().max(200).optional() });
export const returnPackRequest = z.object({ wrapIntact: z.boolean(), note: z.string().trim().max(200).optional() });

export const createSterileRequest = z.object({
  id: z.uuid().optional(),
  lines: z.array(z.object({ packType: z.string().max(40), quantity: z.number() })).max(100),
  neededBy: isoDate.optional(),
  note: z.string().trim().max(500).optional(),
});
export type CreateSterileRequest = z.infer<typeof createSterileRequest>;

export const sterileRequestQuery = z.object({
  /** `mine`: the caller's unit asked; `incoming`: the caller's centre delivers. */
  view: z.enum(['mine', 'incoming', 'all']).default('all'),
  status: z.enum(STERILE_REQUEST_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SterileRequestQuery = z.infer<typeof sterileRequestQuery>;

export const sterileRequestView = z.object({
  id: z.string(),
  communityId: z.string(),
  centreId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  requesterName: z.string(),
  status: z.enum(STERILE_REQUEST_STATUSES),
  neededBy: calendarDate.nullable(),
  note: z.string().nullable(),
  lines: z.array(z.object({ packType: z.string(), packTypeName: z.string(), quantity: z.number(), delivered: z.number() })),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(),
  actions: z.array(z.enum(STERILE_REQUEST_ACTIONS)),
});
export type SterileRequestView = z.infer<typeof sterileRequestView>;
export const sterileRequestList = itemsOf(sterileRequestView);

/** POST /sterile/requests/{id}/deliver: the request after delivery and what was picked. */
export const deliveryView = z.object({
  request: sterileRequestView,
  picked: z.array(z.object({ packType: z.string(), barcodes: z.array(z.string()), short: z.number() })),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const cancelSterileRequest = z.object({ reason: z.string().trim().max(200).optional() });
