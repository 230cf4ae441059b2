import { z } from 'zod';
import { ASSIGNMENT_KINDS, COMMUNITY_KINDS, ORGANIZATION_KINDS, PRACTITIONER_TITLES } from '@yigong/domain';
import { pageQuery, isoDate } from './common.ts';

export const communityView = z.object({
  id: z.string(),
  kind: z.enum(COMMUNITY_KINDS),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  leadOrganizationId: z.string().nullable(),
  organizationCount: z.number(),
  residentCount: z.number(),
});
export type CommunityView = z.infer<typeof communityView>;

export const organizationInput = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(40).nullish(),
  level: z.enum(['primary', 'secondary', 'tertiary']).nullish(),
  parentId: z.uuid().nullish(),
  gridId: z.uuid().nullish(),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/).nullish(),
  beds: z.number().int().min(0).max(20000).default(0),
  secondPlateName: z.string().trim().max(120).nullish(),
  address: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(40).nullish(),
});
export type OrganizationInput = z.infer<typeof organizationInput>;
export const organizationPatch = organizationInput.omit({ id: true, communityId: true }).partial().extend({ active: z.boolean().optional() });
export type OrganizationPatch = z.infer<typeof organizationPatch>;

export const organizationQuery = z.object({
  communityId: z.uuid().optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  parentId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
  /** The offset of the next page, as the previous page's nextCursor gave it. */
  cursor: z.string().regex(/^\d{1,7}$/, 'cursor: 上一页返回的 nextCursor').optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const gridInput = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/).nullish(),
  poolingArea: z.string().trim().max(60).nullish(),
});
export type GridInput = z.infer<typeof gridInput>;

export const departmentInput = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  organizationId: z.uuid(),
  code: z.string().trim().regex(/^[a-z_]{2,40}$/),
  name: z.string().trim().min(1).max(60),
});
export type DepartmentInput = z.infer<typeof departmentInput>;

export const practitionerInput = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  organizationId: z.uuid(),
  departmentId: z.uuid().nullish(),
  name: z.string().trim().min(2).max(40),
  sex: z.enum(['male', 'female']).nullish(),
  title: z.enum(PRACTITIONER_TITLES),
  specialty: z.string().trim().max(40).nullish(),
  licenceNumber: z.string().trim().regex(/^[0-9A-Za-z]{6,30}$/, '执业证书编号为6–30位字母或数字').nullish(),
  phone: z.string().trim().max(40).nullish(),
});
export type PractitionerInput = z.infer<typeof practitionerInput>;
export const practitionerPatch = practitionerInput.omit({ id: true, communityId: true }).partial().extend({ active: z.boolean().optional() });
export type PractitionerPatch = z.infer<typeof practitionerPatch>;

export const practitionerQuery = z.object({
  communityId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  title: z.enum(PRACTITIONER_TITLES).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
  /** The last id of the previous page, as its nextCursor gave it. */
  cursor: z.uuid('cursor: 上一页返回的 nextCursor').optional(),
});

export const assignmentInput = z.object({
  id: z.uuid().optional(),
  organizationId: z.uuid(),
  kind: z.enum(ASSIGNMENT_KINDS),
  startsOn: isoDate,
  endsOn: isoDate.nullish(),
  note: z.string().trim().max(200).nullish(),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;
