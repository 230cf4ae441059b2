import type { AssignmentKind, CommunityKind, OrganizationKind, PractitionerTitle, RecordedFlags, Sex } from '@yigong/domain';

/** Size of a synthetic community in residents: tiny ≈ 2,000, demo ≈ 20,000, county ≈ 500,000. */
export type SynthSize = 'tiny' | 'demo' | 'county' | number;

/** Options of `generateCommunity`. */
export interface SynthOptions {
  /** GB/T 2260 county-level code, e.g. '330521' 德清县, '341504' 叶集区. */
  regionCode: string;
  size: SynthSize;
  seed: number;
  /** ISO date the ages, dates of onset and pregnancies are relative to. */
  asOf: string;
  kind?: CommunityKind;
  /** Defaults to '<county>医共体' (or '<county>城市医疗集团' for an urban group). */
  name?: string;
}

export interface SynthCommunityRow {
  id: string;
  kind: CommunityKind;
  name: string;
  regionCode: string;
  leadOrganizationId: string;
}

export interface SynthGrid {
  id: string;
  name: string;
  /** The township-level (street) code. */
  regionCode: string;
}

export interface SynthOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  shortName: string | null;
  level: 'primary' | 'secondary' | 'tertiary';
  parentId: string | null;
  gridId: string | null;
  regionCode: string | null;
  beds: number;
  secondPlateName: string | null;
  address: string;
  phone: string;
}

export interface SynthDepartment {
  id: string;
  organizationId: string;
  /** Matches /^[a-z_]{2,40}$/. */
  code: string;
  name: string;
}

export interface SynthPractitioner {
  id: string;
  organizationId: string;
  departmentId: string | null;
  name: string;
  sex: Sex;
  title: PractitionerTitle;
  specialty: string | null;
  /** 15 digits, unique within the community. */
  licenceNumber: string;
  phone: string;
}

export interface SynthAssignment {
  id: string;
  practitionerId: string;
  organizationId: string;
  kind: AssignmentKind;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

export type InsuranceScheme = 'urban_employee' | 'urban_rural_resident' | 'commercial' | 'none';

export interface SynthProblem {
  id: string;
  icd10Code: string;
  onsetDate: string;
}

export interface SynthResident {
  id: string;
  /** Managing unit: the village clinic (or community station, or township centre) of the village. */
  organizationId: string;
  gridId: string;
  householdId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  /** A valid GB 11643 number whose address code is the county's. */
  idNumber: string;
  phone: string | null;
  address: string;
  insuranceScheme: InsuranceScheme;
  flags: RecordedFlags;
  problems: SynthProblem[];
}

export interface SynthHousehold {
  household: { id: string; address: string; gridId: string };
  members: SynthResident[];
}

/** A generated community: small tables as arrays, residents streamed by household. */
export interface SynthCommunity {
  community: SynthCommunityRow;
  asOf: string;
  /** Exact number of residents `households()` yields. */
  residentCount: number;
  grids: SynthGrid[];
  /** Parents come before their children. */
  organizations: SynthOrganization[];
  departments: SynthDepartment[];
  practitioners: SynthPractitioner[];
  assignments: SynthAssignment[];
  /** Streams the households, the same ones on every call; nothing is held between households. */
  households(): Generator<SynthHousehold>;
}
