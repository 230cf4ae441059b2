/** Community kinds: 紧密型县域医共体 | 紧密型城市医疗集团. */
export const COMMUNITY_KINDS = ['county_community', 'urban_group'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** Organisation kinds of a community's members (docs/domain/organizations.md "Kinds"). */
export const ORGANIZATION_KINDS = [
  'lead_hospital',
  'county_hospital',
  'tcm_hospital',
  'maternal_child_hospital',
  'township_center',
  'community_center',
  'community_station',
  'village_clinic',
  'collaborating_hospital',
  'cdc',
  'private_member',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Grassroots units (基层医疗卫生机构): they carry the community's second plate name. */
export const GRASSROOTS_KINDS: ReadonlySet<OrganizationKind> = new Set([
  'township_center',
  'community_center',
  'community_station',
  'village_clinic',
]);

/** Grassroots unit (基层医疗卫生机构, docs/domain/organizations.md "Grassroots units"): is this organisation kind one? */
export function isGrassrootsKind(kind: string | null): boolean {
  return kind !== null && (GRASSROOTS_KINDS as ReadonlySet<string>).has(kind);
}

/**
 * Second plate name (第二块牌子), policy text 002: township centres carry
 * "<lead hospital>+<township>+分院"; village clinics "<lead hospital>+医疗共同体成员单位".
 */
export function secondPlateName(kind: OrganizationKind, leadHospitalName: string, townshipName?: string): string | null {
  if (kind === 'township_center' || kind === 'community_center') {
    // 乡镇名 keeps its 镇/乡/街道 ("叶集区人民医院孙岗乡分院"); a unit name loses its 卫生院 suffix.
    return `${leadHospitalName}${(townshipName ?? '').replace(/(中心)?卫生院$|社区卫生服务中心$/, '')}分院`;
  }
  if (kind === 'village_clinic' || kind === 'community_station') return `${leadHospitalName}医疗共同体成员单位`;
  return null;
}

/** Assignment kinds: 县管乡用 (employed centrally, used at a member) and 下沉/驻点 dispatch. */
export const ASSIGNMENT_KINDS = ['county_managed_township_used', 'dispatch'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** Professional titles (职称) in ascending order. */
export const PRACTITIONER_TITLES = [
  'village_doctor',
  'resident_physician',
  'attending_physician',
  'associate_chief_physician',
  'chief_physician',
  'nurse',
  'senior_nurse',
  'pharmacist',
  'technician',
  'public_health',
] as const;
export type PractitionerTitle = (typeof PRACTITIONER_TITLES)[number];
