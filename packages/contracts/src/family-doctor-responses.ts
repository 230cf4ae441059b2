import { z } from 'zod';
import { PACKAGE_POPULATIONS, TERMINATION_REASONS } from '@yigong/domain';
import { calendarDate, itemsOf, timestamp } from './common.ts';
import { teamRequest } from './family-doctor.ts';

export const TEAM_ROLES = teamRequest.shape.members.element.shape.role.options;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A family-doctor team as stored (POST /family-doctor/teams). */
export const teamRow = z.object({
  id: z.string(),
  communityId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  name: z.string(),
  members: z.array(z.object({ practitionerId: z.string(), name: z.string(), role: z.enum(TEAM_ROLES), title: z.string() })),
  activeContracts: z.number().int(),
  fulfilmentRate: z.number().nullable(),
});

/** GET /family-doctor/teams: with the panel per doctor (a doctor serves ≤ 2,000 residents in principle). */
export const teamView = teamRow.extend({ panelPerDoctor: z.number(), panelLimit: z.number() });
export type TeamView = z.infer<typeof teamView>;
export const teamList = itemsOf(teamView);

/** A menu-style service package (菜单式签约服务包); money in fen. */
export const packageView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  population: z.enum(PACKAGE_POPULATIONS),
  priceFen: z.number().int(),
  insuranceFen: z.number().int(),
  publicHealthFen: z.number().int(),
  financeFen: z.number().int(),
  residentFen: z.number().int(),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), timesPerYear: z.number().int() })),
});
export type PackageView = z.infer<typeof packageView>;
export const packageList = itemsOf(packageView);

export const CONTRACT_STATUSES = ['active', 'terminated', 'renewed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A contract row (GET /contracts): no items. */
export const contractRow = z.object({
  community_id: z.string(),
  id: z.string(),
  resident_id: z.string(),
  resident_name: z.string(),
  team_id: z.string(),
  team_name: z.string(),
  organization_id: z.string(),
  starts_on: calendarDate,
  ends_on: calendarDate,
  status: z.enum(CONTRACT_STATUSES),
  terminated_on: calendarDate.nullable(),
  termination_reason: z.enum(TERMINATION_REASONS).nullable(),
  renewed_from: z.string().nullable(),
  created_at: timestamp,
});
export type ContractRow = z.infer<typeof contractRow>;
export const contractList = itemsOf(contractRow);

export const contractItem = z.object({
  itemId: z.string(),
  packageName: z.string(),
  code: z.string(),
  name: z.string(),
  timesPerYear: z.number().int(),
  delivered: z.number().int(),
});
export type ContractItem = z.infer<typeof contractItem>;

/** A contract with its package items, what was delivered against each, and the fulfilment rate. */
export const contractView = contractRow.extend({ items: z.array(contractItem), fulfilmentRate: z.number().nullable() });
export type ContractView = z.infer<typeof contractView>;
export const contractViews = itemsOf(contractView);

/** GET /family-doctor/rates (docs/domain/indicators.md signing rates). */
export const signingRatesResponse = z.object({
  asOf: calendarDate,
  communityId: z.string(),
  /** The unit (with its sub-units) the rates are for; null for the whole community. */
  organizationId: z.string().nullable(),
  residents: z.number().int(),
  signed: z.number().int(),
  signingRate: z.number().nullable(),
  keyPopulation: z.number().int(),
  keySigned: z.number().int(),
  keySigningRate: z.number().nullable(),
});
export type SigningRatesResponse = z.infer<typeof signingRatesResponse>;
