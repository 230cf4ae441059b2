import { z } from 'zod';
import { ASSIGNMENT_KINDS, ORGANIZATION_KINDS, PRACTITIONER_TITLES } from '@yigong/domain';
import { calendarDate, itemsOf, pageOf } from './common.ts';
import { communityView } from './org.ts';

export const communityList = itemsOf(communityView);

export const organizationView = z.object({
  id: z.string(),
  communityId: z.string(),
  /** The unit's code in the encounter feed (orgCode). */
  code: z.string().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.enum(['primary', 'secondary', 'tertiary']).nullable(),
  parentId: z.string().nullable(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  regionCode: z.string().nullable(),
  beds: z.number(),
  secondPlateName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  staffCount: z.number(),
  residentCount: z.number(),
});
export type OrganizationView = z.infer<typeof organizationView>;
export const organizationPage = pageOf(organizationView);

export const departmentView = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type DepartmentView = z.infer<typeof departmentView>;
/** POST /departments. */
export const createdDepartment = departmentView.extend({ organizationId: z.string() });

/** GET /organizations/:id adds departments and the direct child units. */
export const organizationDetail = organizationView.extend({
  departments: z.array(departmentView),
  children: z.array(organizationView),
});
export type OrganizationDetail = z.infer<typeof organizationDetail>;

export const gridView = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  regionCode: z.string().nullish(),
  poolingArea: z.string().nullish(),
});
export type GridView = z.infer<typeof gridView>;
export const gridList = itemsOf(gridView);

export const assignmentView = z.object({
  id: z.string(),
  practitionerId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  kind: z.enum(ASSIGNMENT_KINDS),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable(),
  note: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const practitionerView = z.object({
  id: z.string(),
  communityId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  title: z.enum(PRACTITIONER_TITLES),
  specialty: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** GET /practitioners/:id only. */
  assignments: z.array(assignmentView).optional(),
});
export type PractitionerView = z.infer<typeof practitionerView>;
export const practitionerPage = pageOf(practitionerView);
export type CreatedDepartment = z.infer<typeof createdDepartment>;
