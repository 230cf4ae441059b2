import type { Role } from '@yigong/domain';

export type NavKey =
  | 'communities'
  | 'organizations'
  | 'practitioners'
  | 'residents'
  | 'duplicates'
  | 'accessGrants'
  | 'audit'
  | 'accounts'
  | 'escalations'
  | 'referrals'
  | 'scheduling'
  | 'referralCatalogue';

export const NAV_PATHS: Record<NavKey, string> = {
  communities: '/communities',
  organizations: '/organizations',
  practitioners: '/practitioners',
  residents: '/residents',
  duplicates: '/duplicates',
  accessGrants: '/access-grants',
  audit: '/audit',
  accounts: '/accounts',
  // Before `referrals`: navKeyOf takes the first match and /referrals/escalations is under /referrals.
  escalations: '/referrals/escalations',
  referrals: '/referrals',
  scheduling: '/scheduling',
  referralCatalogue: '/referral-catalogue',
};

/** Sidebar entries per role, in order; the first is the landing page after login. */
export const MENU_BY_ROLE: Record<Role, NavKey[]> = {
  admin: ['organizations', 'practitioners', 'residents', 'duplicates', 'accessGrants', 'audit', 'accounts', 'scheduling', 'referralCatalogue'],
  manager: ['organizations', 'practitioners', 'residents', 'referrals', 'escalations', 'scheduling', 'referralCatalogue', 'duplicates', 'accessGrants', 'audit'],
  clinician: ['residents', 'referrals', 'scheduling', 'organizations', 'accessGrants'],
  village_doctor: ['residents', 'referrals', 'scheduling', 'organizations', 'accessGrants'],
  regulator: ['communities', 'organizations'],
  pharmacist: ['residents', 'organizations'],
  insurance_officer: ['residents', 'organizations'],
  reader: ['organizations', 'accessGrants'],
  resident: ['residents'],
};

export function landingPath(role: Role): string {
  const first = MENU_BY_ROLE[role][0];
  return first ? NAV_PATHS[first] : '/communities';
}

/** The menu entry a path belongs to (`/residents/123` → residents). */
export function navKeyOf(pathname: string): NavKey | undefined {
  return (Object.keys(NAV_PATHS) as NavKey[]).find((k) => pathname === NAV_PATHS[k] || pathname.startsWith(`${NAV_PATHS[k]}/`));
}
