/** Roles of DESIGN.md ("Who uses it"). */
export const ROLES = [
  'village_doctor',
  'clinician',
  'reader',
  'pharmacist',
  'insurance_officer',
  'manager',
  'regulator',
  'resident',
  'admin',
  /** A member unit's HIS (or other system) sending its own encounters (docs/domain/encounters.md "Senders"). */
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * An account's scope (DESIGN.md: one organisation, one community, or a region).
 * `organization` covers the organisation and everything below it in the hierarchy
 * (a township centre covers its village clinics; the lead hospital its whole community).
 */
export type Scope =
  | { kind: 'organization'; communityId: string; organizationId: string }
  | { kind: 'community'; communityId: string }
  | { kind: 'region'; regionCode: string };

/** The caller, as resolved by the server from the session on every request. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** Home organisation of the account, if any (audit records it). */
  organizationId: string | null;
  scope: Scope;
  /** For `organization` scope: the organisation and all its descendants, resolved per request. */
  organizationIds: readonly string[];
  /** For the `resident` role: the resident the account belongs to. */
  residentId?: string | null;
}
