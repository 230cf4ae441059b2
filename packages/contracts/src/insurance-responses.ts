import { z } from 'zod';
import { itemsOf, timestamp } from './common.ts';

const rule = z.object({ deductible: z.number(), ratio: z.number(), annualCap: z.number() });
const settings = z.object({ inpatient: rule, outpatient: rule });
const levels = z.object({ hospital: settings, center: settings, village: settings, out_of_county: settings });

/** A stored policy version: every parameter (defaults filled in) and who changed it, when and why. */
export const insurancePolicyView = z.object({
  communityId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  financing: z.number(),
  financingPrevYear: z.number(),
  catastrophicPremium: z.number(),
  accidentPremium: z.number(),
  riskReserveRate: z.number(),
  budgetShare: z.number(),
  prepaymentRate: z.number(),
  retention: z.array(z.object({ minScore: z.number(), ratio: z.number() })),
  overspendThreshold: z.number(),
  overspendFundShare: z.number(),
  levelWeights: z.object({ hospital: z.number(), center: z.number(), village: z.number() }),
  dip: z.object({ base: z.number(), levelCoefficients: z.object({ hospital: z.number(), center: z.number() }), lowOutlierRatio: z.number(), highOutlierRatio: z.number(), uniformGroups: z.array(z.string()) }),
  drg: z.object({ lowOutlierRatio: z.number(), highOutlierRatio: z.number() }),
  reimbursement: z.object({ urban_rural_resident: levels, urban_employee: levels }),
  unreferredOutOfCountyPenalty: z.number(),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: timestamp,
});
export type InsurancePolicyView = z.infer<typeof insurancePolicyView>;
export const insurancePolicyVersions = itemsOf(insurancePolicyView.pick({ version: true, reason: true, changedBy: true, changedAt: true, financing: true, budgetShare: true }));

const monthOutlay = z.object({ month: z.string(), outlay: z.number(), inCounty: z.number(), outOfCounty: z.number(), cumulative: z.number(), prepaidCumulative: z.number() });

/** GET /insurance/budget: the capitation budget and the year's outlay against it. */
export const budgetView = z.object({
  communityId: z.string(),
  year: z.number().int(),
  policyVersion: z.number().int(),
  financing: z.number(),
  riskReserve: z.number(),
  budget: z.number(),
  monthlyPrepayment: z.number(),
  atClearing: z.number(),
  outlay: z.number(),
  outlayInCounty: z.number(),
  outlayOutOfCounty: z.number(),
  /** budget − outlay (negative: overspent so far). */
  position: z.number(),
  /** Projected year-end outlay (seasonal when last year allows, else linear; the outlay so far before a month is complete). */
  projection: z.number(),
  projectionDetail: z.object({ completedMonths: z.number().int(), linear: z.number().nullable(), seasonal: z.number().nullable(), basis: z.enum(['seasonal', 'linear']).nullable() }),
  /** The projection (or the outlay already) exceeds the budget. */
  alert: z.boolean(),
  asOf: z.string(),
  months: z.array(monthOutlay),
});
export type BudgetView = z.infer<typeof budgetView>;

export const settlementMemberView = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.string(),
  level: z.enum(['hospital', 'center', 'village']).nullable(),
  score: z.number(),
  population: z.number().int(),
  share: z.number(),
});

/** A saved settlement (draft or confirmed). */
export const settlementView = z.object({
  id: z.string(),
  communityId: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'confirmed']),
  policyVersion: z.number().int(),
  scoreSource: z.enum(['request', 'appraisal']),
  communityScore: z.number(),
  retentionRatio: z.number(),
  budget: z.number(),
  outlay: z.number(),
  difference: z.number(),
  retained: z.number(),
  returnedToFund: z.number(),
  overspend: z.number(),
  fundBears: z.number(),
  communityBears: z.number(),
  members: z.array(settlementMemberView),
  preparedBy: z.string(),
  preparedAt: timestamp,
  confirmedBy: z.string().nullable(),
  confirmedAt: timestamp.nullable(),
});
export type SettlementView = z.infer<typeof settlementView>;
export const settlementList = itemsOf(settlementView.omit({ members: true }));

/** POST /insurance/dip/point-value. */
export const dipView = z.object({
  communityId: z.string(),
  referenceYear: z.number().int(),
  period: z.string(),
  pointValue: z.number(),
  totalPoints: z.number(),
  cases: z.number().int(),
  lowOutliers: z.number().int(),
  highOutliers: z.number().int(),
  members: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), cases: z.number().int(), points: z.number(), payment: z.number() })),
});
export type DipView = z.infer<typeof dipView>;

/** POST /insurance/drg/base-rate. */
export const drgView = z.object({
  communityId: z.string(),
  referenceYear: z.number().int(),
  period: z.string(),
  baseRate: z.number(),
  cmi: z.number().nullable(),
  cases: z.number().int(),
  lowOutliers: z.number().int(),
  highOutliers: z.number().int(),
  itemPayments: z.number(),
  totalWeight: z.number(),
  members: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), cases: z.number().int(), outlierCases: z.number().int(), weight: z.number(), cmi: z.number(), payment: z.number() })),
});
export type DrgView = z.infer<typeof drgView>;

/** POST /insurance/adjudicate. */
export const adjudicationView = z.object({
  deductible: z.number(),
  eligible: z.number(),
  ratio: z.number(),
  fundPaid: z.number(),
  outOfPocket: z.number(),
  rule: z.array(z.string()),
  level: z.enum(['hospital', 'center', 'village', 'out_of_county']),
  referral: z.enum(['approved_out', 'none', 'not_applicable']),
  transferWithinStay: z.boolean(),
});
export type AdjudicationView = z.infer<typeof adjudicationView>;

const evidence = z.object({ code: z.string(), name: z.string(), indicatorCode: z.string(), value: z.number().nullable(), floor: z.number(), target: z.number(), weight: z.number(), points: z.number(), note: z.string().nullable() });
const adjustment = z.object({ points: z.number(), reason: z.string() });
const scored = z.object({ items: z.array(evidence), adjustments: z.array(adjustment), itemPoints: z.number(), adjustmentPoints: z.number(), score: z.number() });

/** GET /insurance/appraisal: the scheme in force and the scores of the community and each member. */
export const appraisalView = z.object({
  communityId: z.string(),
  year: z.number().int(),
  schemeVersion: z.number().int(),
  items: z.array(z.object({ code: z.string(), name: z.string(), indicatorCode: z.string(), weight: z.number(), floor: z.number(), target: z.number(), direction: z.enum(['higher', 'lower']) })),
  community: scored,
  members: z.array(scored.extend({ organizationId: z.string(), organizationName: z.string(), kind: z.string() })),
});
export type AppraisalView = z.infer<typeof appraisalView>;

const side = z.object({ budget: z.number(), riskReserve: z.number(), outlay: z.number(), difference: z.number(), retained: z.number(), returnedToFund: z.number(), overspend: z.number(), fundBears: z.number(), communityBears: z.number() });

/** A saved what-if scenario with the comparison against the actual year. */
export const scenarioView = z.object({
  id: z.string(),
  communityId: z.string(),
  year: z.number().int(),
  name: z.string(),
  changes: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: timestamp,
  actual: side,
  scenario: side,
  differences: side,
  members: z.array(z.object({ organizationId: z.string(), organizationName: z.string(), level: z.enum(['hospital', 'center', 'village']).nullable(), actualShare: z.number(), scenarioShare: z.number(), difference: z.number() })),
});
export type ScenarioView = z.infer<typeof scenarioView>;
export const scenarioList = itemsOf(scenarioView.pick({ id: true, name: true, year: true, createdBy: true, createdAt: true }));
