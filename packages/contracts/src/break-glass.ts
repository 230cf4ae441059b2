import { z } from 'zod';
import { itemsOf, timestamp } from './common.ts';
import { grantView } from './residents-responses.ts';

/** Outcomes of the manager's review of a break-the-glass read (紧急调阅复核). */
export const breakGlassOutcome = z.enum(['reviewed', 'questioned']);
/** Where a break-the-glass grant stands in the review queue. */
export const breakGlassState = z.enum(['pending', ...breakGlassOutcome.options]);

export const breakGlassQuery = z.object({
  communityId: z.uuid(),
  outcome: breakGlassState.optional(),
});
export type BreakGlassQuery = z.infer<typeof breakGlassQuery>;

/** A reviewer who questions a read says why; one who finds it justified may add a note. */
export const breakGlassReviewRequest = z.object({
  outcome: breakGlassOutcome,
  note: z.string().trim().max(500).default(''),
}).refine((b) => b.outcome !== 'questioned' || b.note.length >= 4, { message: '存疑须写明理由（至少 4 个字）', path: ['note'] });
export type BreakGlassReviewRequest = z.infer<typeof breakGlassReviewRequest>;

/** A break-the-glass grant (the grant's own view) with its unit, the reads made under it and its review. */
export const breakGlassView = grantView.extend({
  organizationName: z.string(),
  /** Reads audited under this grant. */
  reads: z.number().int(),
  lastReadAt: timestamp.nullable(),
  outcome: breakGlassState,
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
});
export type BreakGlassView = z.infer<typeof breakGlassView>;
export const breakGlassList = itemsOf(breakGlassView).extend({
  counts: z.object({ pending: z.number().int(), reviewed: z.number().int(), questioned: z.number().int() }),
});
