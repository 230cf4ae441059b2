import { hasPermission, type Role } from '@yigong/domain';

export type NavKey =
  | 'communities'
  | 'organizations'
  | 'practitioners'
  | 'residents'
  | 'duplicates'
  | 'accessGrants'
  | 'breakGlass'
  | 'audit'
  | 'accounts'
  | 'escalations'
  | 'referrals'
  | 'scheduling'
  | 'referralCatalogue'
  | 'workbench'
  | 'teams'
  | 'chronicRates'
  | 'dashboard'
  | 'insuranceBudget'
  | 'insuranceSettlements'
  | 'insuranceAppraisal'
  | 'insuranceDip'
  | 'insuranceScenarios'
  | 'diagnosticOrders'
  | 'diagnosticWorklist'
  | 'diagnosticCentres'
  | 'criticalValues'
  | 'consultations'
  | 'diagnosticIndicators'
  | 'sterile';

export const NAV_PATHS: Record<NavKey, string> = {
  communities: '/communities',
  organizations: '/organizations',
  practitioners: '/practitioners',
  residents: '/residents',
  duplicates: '/duplicates',
  accessGrants: '/access-grants',
  breakGlass: '/break-glass',
  audit: '/audit',
  accounts: '/accounts',
  // Before `referrals`: navKeyOf takes the first match and /referrals/escalations is under /referrals.
  escalations: '/referrals/escalations',
  referrals: '/referrals',
  scheduling: '/scheduling',
  referralCatalogue: '/referral-catalogue',
  workbench: '/workbench',
  teams: '/family-doctor/teams',
  chronicRates: '/chronic/rates',
  dashboard: '/dashboard',
  insuranceBudget: '/insurance/budget',
  insuranceSettlements: '/insurance/settlements',
  insuranceAppraisal: '/insurance/appraisal',
  insuranceDip: '/insurance/dip',
  insuranceScenarios: '/insurance/scenarios',
  diagnosticOrders: '/diagnostics/orders',
  diagnosticWorklist: '/diagnostics/worklist',
  diagnosticCentres: '/diagnostics/centres',
  criticalValues: '/critical-values',
  consultations: '/consultations',
  diagnosticIndicators: '/diagnostics/indicators',
  sterile: '/sterile',
};

/** The insurance pages (issue #12): budget, settlements, appraisal, DIP, scenarios. */
const INSURANCE: NavKey[] = ['insuranceBudget', 'insuranceSettlements', 'insuranceAppraisal', 'insuranceDip', 'insuranceScenarios'];
/** What the regulator reads of them (insurance.read only: no DIP run, no scenarios). */
const INSURANCE_READ: NavKey[] = ['insuranceBudget', 'insuranceSettlements', 'insuranceAppraisal'];
/** The shared diagnostic centres (issue #13): the ordering side, critical values, remote consultation, the centres. */
const DIAGNOSTICS: NavKey[] = ['diagnosticOrders', 'criticalValues', 'consultations', 'diagnosticCentres'];

/** Sidebar entries per role, in order; the first is the landing page after login. */
const ROLE_MENUS: Record<Role, NavKey[]> = {
  admin: ['organizations', 'dashboard', 'practitioners', 'residents', 'duplicates', 'accessGrants', 'breakGlass', 'audit', 'accounts', 'scheduling', 'referralCatalogue', 'chronicRates', 'diagnosticIndicators'],
  manager: ['dashboard', ...INSURANCE, 'organizations', 'practitioners', 'residents', 'referrals', 'escalations', ...DIAGNOSTICS, 'diagnosticIndicators', 'scheduling', 'referralCatalogue', 'chronicRates', 'teams', 'duplicates', 'accessGrants', 'breakGlass', 'audit'],
  // A clinician at the lead hospital also reads for its centres (阅片工作台).
  clinician: ['residents', 'workbench', 'referrals', 'diagnosticOrders', 'diagnosticWorklist', 'criticalValues', 'consultations', 'diagnosticCentres', 'scheduling', 'teams', 'organizations', 'accessGrants'],
  // The workbench first: it is the village doctor's landing page after login.
  village_doctor: ['workbench', 'residents', 'referrals', ...DIAGNOSTICS, 'scheduling', 'teams', 'organizations', 'accessGrants'],
  regulator: ['dashboard', 'communities', 'chronicRates', 'diagnosticIndicators', ...INSURANCE_READ, 'organizations'],
  pharmacist: ['residents', 'organizations'],
  // The budget first: it is the insurance officer's landing page after login.
  insurance_officer: [...INSURANCE, 'diagnosticIndicators', 'residents', 'organizations'],
  // The worklist first: it is the reading doctor's landing page after login.
  reader: ['diagnosticWorklist', 'consultations', 'diagnosticCentres', 'organizations', 'accessGrants'],
  resident: ['residents'],
  // A HIS integration account sends encounters through the API; it has no pages.
  integration: [],
};

/**
 * 消毒供应 (issue #13) for every role that may read it (`sterile.read`), after the diagnostic
 * centres' entries: one entry, its pages reached from the module's own header.
 */
function withSterile(role: Role, keys: NavKey[]): NavKey[] {
  if (!hasPermission(role, 'sterile.read')) return keys;
  const after = Math.max(...(['diagnosticCentres', 'consultations', 'criticalValues', 'diagnosticOrders'] as const).map((k) => keys.indexOf(k)));
  return after < 0 ? [...keys, 'sterile'] : [...keys.slice(0, after + 1), 'sterile', ...keys.slice(after + 1)];
}

export const MENU_BY_ROLE: Record<Role, NavKey[]> = Object.fromEntries(
  (Object.keys(ROLE_MENUS) as Role[]).map((role) => [role, withSterile(role, ROLE_MENUS[role])]),
) as Record<Role, NavKey[]>;

export function landingPath(role: Role): string {
  const first = MENU_BY_ROLE[role][0];
  if (first) return NAV_PATHS[first];
  return role === 'integration' ? '/api-account' : '/communities';
}

/** The menu entry a path belongs to (`/residents/123` → residents). */
export function navKeyOf(pathname: string): NavKey | undefined {
  return (Object.keys(NAV_PATHS) as NavKey[]).find((k) => pathname === NAV_PATHS[k] || pathname.startsWith(`${NAV_PATHS[k]}/`));
}
