import { z } from 'zod';
import { ENCOUNTER_TYPES, INDICATOR_PARTS } from '@yigong/domain';
import { indicatorQuery } from './encounters.ts';

/**
 * GET /encounters: the encounters behind an indicator's numerator or denominator (or every
 * encounter of the scope and period without `indicator`), newest first, one page with the total.
 */
export const encounterListQuery = indicatorQuery.extend({
  /** An encounter indicator code of GET /indicators/definitions. */
  indicator: z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'indicator: an indicator code such as avg_length_of_stay').optional(),
  /** Which part of the ratio; with `indicator` only (default: denominator). */
  part: z.enum(INDICATOR_PARTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type EncounterListQuery = z.infer<typeof encounterListQuery>;

export const encounterListItem = z.object({
  source: z.string(),
  id: z.string(),
  type: z.enum(ENCOUNTER_TYPES),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  /** Month the encounter counts in (inpatients by discharge), first day. */
  periodMonth: z.iso.date(),
  outOfCounty: z.boolean(),
  organizationId: z.uuid().nullable(),
  /** The member unit's name, or the outside facility as sent (out of county). */
  organizationName: z.string(),
  diagnosisCode: z.string(),
  diagnosisName: z.string().nullable(),
  /** Days (docs/domain/encounters.md "Length of stay"), inpatients only. */
  lengthOfStay: z.number().int().nullable(),
  /** Money in fen (分), as in the feed; the UI shows yuan. */
  totalCost: z.number().int(),
  fundPaid: z.number().int(),
  outOfPocket: z.number().int(),
  drgWeight: z.number().nullable(),
  /** What this encounter adds to the number (1 for a count; days, fen or weight ×10⁴ for a sum). */
  contribution: z.number().nullable(),
  /** Counts as a resident of this community (属地). */
  communityResident: z.boolean(),
  /** The resident record to link to, only when the caller may read it. */
  residentId: z.uuid().nullable(),
  /** Full, or masked (`钱**`) when the caller may not read the record; null for a non-resident. */
  residentName: z.string().nullable(),
  nameMasked: z.boolean(),
});
export type EncounterListItem = z.infer<typeof encounterListItem>;

export const encounterListResponse = z.object({
  period: z.string(),
  scope: z.object({ communityId: z.uuid(), organizationId: z.uuid().optional() }),
  indicator: z.object({ code: z.string(), part: z.enum(INDICATOR_PARTS), metrics: z.array(z.string()), weighted: z.boolean() }).nullable(),
  items: z.array(encounterListItem),
  page: z.number().int(),
  limit: z.number().int(),
  /** Encounters in the whole list (all pages). For a count indicator it equals the number on the dashboard. */
  total: z.number().int(),
  /** Σ of the contributions over the whole list: the indicator's numerator or denominator. */
  sum: z.number().nullable(),
});
export type EncounterListResponse = z.infer<typeof encounterListResponse>;
