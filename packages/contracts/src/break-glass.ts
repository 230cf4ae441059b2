import { z } from 'zod';
import { itemsOf, timestamp } from './common.ts';

/** Outcomes of the manager's review of a break-the-glass read (紧急调阅复核). */
export const breakGlassOutcome = z.enum(['reviewed', 'questioned']);

export const breakGlassQuery = z.object({
  communityId: z.uuid(),
  outcome: z.enum(['pending', 'reviewed', 'questioned']).optional(),
});
export type BreakGlassQuery = z.infer<typeof breakGlassQuery>;

/** A reviewer who questions a read says why; one who finds it justified may add a note. */
export const breakGlassReviewRequest = z.object({
  outcome: breakGlassOutcome,
  note: z.string().trim().max(500).default(''),
}).refine((b) => b.outcome !== 'questioned' || b.note.length >= 4, { message: '存疑须写明理由（至少 4 个字）', path: ['note'] });
export type BreakGlassReviewRequest = z.infer<typeof breakGlassReviewRequest>;

export const breakGlassView = z.object({
  grantId: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  organizationName: z.string(),
  granteeId: z.string(),
  granteeUsername: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'active', 'rejected', 'revoked']),
  requestedAt: timestamp,
  expiresAt: timestamp,
  /** Reads audited under this grant. */
  reads: z.number().int(),
  lastReadAt: timestamp.nullable(),
  outcome: z.enum(['pending', 'reviewed', 'questioned']),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
});
export type BreakGlassView = z.infer<typeof breakGlassView>;
export const breakGlassList = itemsOf(breakGlassView).extend({
  counts: z.object({ pending: z.number().int(), reviewed: z.number().int(), questioned: z.number().int() }),
});
