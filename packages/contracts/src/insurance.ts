import { z } from 'zod';
import { BASIC_INSURANCE_SCHEMES, CARE_SETTINGS, REIMBURSEMENT_LEVELS } from '@yigong/domain';

/**
 * Requests of the insurance module (issue #12; docs/domain/insurance.md). Money is integer fen.
 * Types only here; the rules (ratios 0–1, a sorted retention table, budget share ≥ 0.95) are
 * checked by packages/domain and answered with a 400 naming the field.
 */
const fen = z.number().int().max(Number.MAX_SAFE_INTEGER);
const yearParam = z.coerce.number().int().min(2000).max(2100);

const rule = z.object({ deductible: fen, ratio: z.number(), annualCap: fen }).partial();
const bySetting = z.object(Object.fromEntries(CARE_SETTINGS.map((s) => [s, rule])) as Record<(typeof CARE_SETTINGS)[number], typeof rule>).partial();
const byLevel = z.object(Object.fromEntries(REIMBURSEMENT_LEVELS.map((l) => [l, bySetting])) as Record<(typeof REIMBURSEMENT_LEVELS)[number], typeof bySetting>).partial();
const reimbursement = z.object(Object.fromEntries(BASIC_INSURANCE_SCHEMES.map((s) => [s, byLevel])) as Record<(typeof BASIC_INSURANCE_SCHEMES)[number], typeof byLevel>).partial();

/** The parameters of one community-year; every field optional (omitted: its default). */
export const policyParameters = z.object({
  financing: fen,
  financingPrevYear: fen,
  catastrophicPremium: fen,
  accidentPremium: fen,
  riskReserveRate: z.number(),
  budgetShare: z.number(),
  prepaymentRate: z.number(),
  retention: z.array(z.object({ minScore: z.number(), ratio: z.number() })).min(1).max(20),
  overspendThreshold: z.number(),
  overspendFundShare: z.number(),
  levelWeights: z.object({ hospital: z.number(), center: z.number(), village: z.number() }).partial(),
  dip: z.object({
    base: z.number(),
    levelCoefficients: z.object({ hospital: z.number(), center: z.number() }).partial(),
    lowOutlierRatio: z.number(),
    highOutlierRatio: z.number(),
    uniformGroups: z.array(z.string().trim().regex(/^[A-Z]\d{2}$/)).max(500),
  }).partial(),
  drg: z.object({ lowOutlierRatio: z.number(), highOutlierRatio: z.number() }).partial(),
  reimbursement,
  unreferredOutOfCountyPenalty: z.number(),
}).partial();
export type PolicyParameters = z.infer<typeof policyParameters>;

/** PUT /insurance/policies/{communityId}/{year}: a new version, with why. */
export const policyRequest = policyParameters.extend({ reason: z.string().trim().min(2).max(200) });
export type PolicyRequest = z.infer<typeof policyRequest>;

export const policyPathParams = z.object({ communityId: z.uuid(), year: yearParam });
export const budgetQuery = z.object({ communityId: z.uuid(), year: yearParam });

/** POST /insurance/settlements: scores from the request, else from the appraisal. */
export const settlementRequest = z.object({
  /** Client-generated: a retried request returns the draft it made. */
  id: z.uuid().optional(),
  communityId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  score: z.number().optional(),
  memberScores: z.array(z.object({ organizationId: z.uuid(), score: z.number(), population: z.number().int().min(0).optional() })).max(500).optional(),
});
export type SettlementRequest = z.infer<typeof settlementRequest>;

export const settlementListQuery = z.object({ communityId: z.uuid(), year: yearParam.optional() });

/** POST /insurance/dip/point-value. */
export const dipRequest = z.object({
  communityId: z.uuid(),
  referenceYear: z.number().int().min(2000).max(2100),
  /** `2025` (the year: final) or `2025-03` (a month: provisional). */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period: 2025 or 2025-03'),
  budget: fen,
  adjustmentReserve: fen,
  levelCoefficients: z.object({ hospital: z.number(), center: z.number() }).optional(),
  base: z.number().optional(),
});
export type DipRequest = z.infer<typeof dipRequest>;

/** POST /insurance/drg/base-rate: group standards from the reference year, the period's grouped cases paid from `budget`. */
export const drgRequest = z.object({
  communityId: z.uuid(),
  referenceYear: z.number().int().min(2000).max(2100),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period: 2025 or 2025-03'),
  budget: fen,
});
export type DrgRequest = z.infer<typeof drgRequest>;

/** POST /insurance/adjudicate: an encounter as in the feed, plus the scheme. */
export const adjudicateRequest = z.object({
  id: z.string().min(1).max(64).optional(),
  source: z.string().trim().min(1).max(64).optional(),
  communityId: z.uuid().optional(),
  orgCode: z.string().trim().min(1).max(100),
  outOfCounty: z.boolean(),
  type: z.enum(['outpatient', 'emergency', 'inpatient']),
  start: z.iso.date(),
  end: z.iso.date().nullish(),
  totalCost: fen,
  fundPaid: fen.optional(),
  outOfPocket: fen.optional(),
  /** Costs outside the insurance catalogue (自费); the rest is eligible. */
  selfPayCost: fen.optional(),
  referralId: z.string().max(64).nullish(),
  residentIdNumber: z.string().trim().min(15).max(20).optional(),
  scheme: z.enum(['resident', 'employee']),
  /** Fund paid for this person earlier in the year (the annual cap). */
  paidSoFarThisYear: fen.optional(),
  /** The inpatient encounter this one continues (transfer within the group, deductible once). */
  previousStay: z.object({ orgCode: z.string().trim().min(1).max(100), end: z.iso.date(), referralId: z.string().max(64).nullish() }).optional(),
  diagnoses: z.array(z.object({ code: z.string(), primary: z.boolean().optional() })).max(30).optional(),
}).passthrough();
export type AdjudicateRequest = z.infer<typeof adjudicateRequest>;

export const appraisalQuery = z.object({ communityId: z.uuid(), year: yearParam });

export const appraisalItemInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/),
  name: z.string().trim().min(2).max(60),
  indicatorCode: z.string().trim().min(2).max(60),
  weight: z.number(),
  floor: z.number(),
  target: z.number(),
  direction: z.enum(['higher', 'lower']),
});
/** PUT /insurance/appraisal/schemes/{communityId}/{year}: items, per-member manual adjustments, why. */
export const appraisalSchemeRequest = z.object({
  items: z.array(appraisalItemInput).min(1).max(40),
  adjustments: z.array(z.object({ organizationId: z.uuid().nullable(), points: z.number().min(-100).max(100), reason: z.string().trim().min(2).max(200) })).max(200).default([]),
  reason: z.string().trim().min(2).max(200),
});
export type AppraisalSchemeRequest = z.infer<typeof appraisalSchemeRequest>;

/** POST /insurance/scenarios: a named what-if of a community-year. */
export const scenarioRequest = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(60),
  changes: z.object({
    policy: policyParameters.optional(),
    outlay: fen.optional(),
    score: z.number().optional(),
    memberScores: z.array(z.object({ organizationId: z.uuid(), score: z.number().optional(), population: z.number().int().min(0).optional() })).max(500).optional(),
  }),
});
export type ScenarioRequest = z.infer<typeof scenarioRequest>;
