import { z } from 'zod';
import { isoDate } from './common.ts';
import { ENCOUNTER_TYPES } from '@yigong/domain';

const fen = z.number().int().min(0).max(1e12);

/** One record of the encounter feed (docs/domain/encounters.md "Record"); cross-field rules follow in the service. */
export const encounterRecord = z.object({
  id: z.string().min(1).max(64),
  source: z.string().trim().min(1).max(64),
  orgCode: z.string().trim().min(1).max(100),
  outOfCounty: z.boolean(),
  residentIdNumber: z.string().trim().min(15).max(20),
  type: z.enum(ENCOUNTER_TYPES),
  start: isoDate,
  end: isoDate.nullish(),
  department: z.string().trim().max(40).nullish(),
  diagnoses: z.array(z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/), primary: z.boolean().default(false) })).min(1).max(30),
  procedures: z.array(z.object({ code: z.string().trim().min(1).max(40), grade: z.number().int().min(1).max(4).nullish() })).max(50).default([]),
  totalCost: fen,
  fundPaid: fen,
  outOfPocket: fen,
  referralId: z.string().max(64).nullish(),
  drg: z.object({ code: z.string().trim().min(1).max(20), weight: z.number().positive().max(100) }).nullish(),
});
export type EncounterInput = z.infer<typeof encounterRecord>;

const period = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'period: 2025, 2025-Q1 or 2025-03');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const indicatorQuery = z.object({
  communityId: z.uuid(),
  organizationId: z.uuid().optional(),
  period,
});

/** GET /indicators/series: month by month, `from`..`to` inclusive (at most 60 months). */
export const indicatorSeriesQuery = z.object({ communityId: z.uuid(), organizationId: z.uuid().optional(), from: month, to: month });

/** GET /indicators/by-unit: the unit-level values of every member unit for a period. */
export const indicatorByUnitQuery = z.object({ communityId: z.uuid(), period });
