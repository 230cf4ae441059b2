import type { Actor, Role } from './roles.ts';

/** Everything an actor can ask to do. Closed, so a typo is a compile error. */
export const ACTIONS = [
  'community.read',
  'org.read',
  'org.write',
  'staff.read',
  'staff.write',
  'resident.list',
  'resident.read',
  'resident.create',
  'resident.update',
  'resident.transfer',
  'resident.reveal_id',
  'resident.candidates',
  'grant.request',
  'grant.approve',
  'grant.review',
  'audit.read',
  'account.manage',
  'reference.read',
  'schedule.read',
  'schedule.manage',
  'booking.create',
  'referral.create',
  'referral.read',
  'referral.catalogue',
  'care.write',
  'rates.read',
  'team.manage',
  'encounter.ingest',
  'indicator.read',
  'insurance.read',
  'insurance.write',
  'insurance.confirm',
  /** Order a test at a shared centre (issue #13). */
  'diagnostics.order',
  'diagnostics.read',
  /** Receive and acknowledge critical values (the ordering doctor, unit heads, the medical department). */
  'critical.ack',
  /** Sterile supply (issue #13): see packs, batches and requests in scope. */
  'sterile.read',
  /** A member unit asks for packs, records their use on a resident, returns them. */
  'sterile.request',
  /** The centre's work: batches, release, biological results, delivery (only at the centre's own unit). */
  'sterile.process',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Where a thing lives. `organizationId` absent means a community-level thing. */
export interface ResourceRef {
  communityId: string;
  organizationId?: string | null;
  /** Region code (GB/T 2260) of the resource's community, for region-scoped actors. */
  regionCode?: string | null;
  residentId?: string | null;
  /** The actor holds an active access grant (授权调阅) for this resident. */
  granted?: boolean;
}

/**
 * Which actions each role may take at all (before scope). DESIGN.md roles table:
 * the regulator is read-only; only admin manages accounts; clinical roles read records.
 */
const PERMISSIONS: Record<Role, readonly Action[]> = {
  admin: ['community.read', 'org.read', 'org.write', 'staff.read', 'staff.write', 'resident.list', 'resident.read',
    'resident.transfer', 'resident.reveal_id', 'resident.candidates', 'grant.approve', 'grant.review', 'audit.read', 'account.manage', 'reference.read',
    'schedule.read', 'schedule.manage', 'referral.read', 'referral.catalogue', 'rates.read', 'team.manage', 'encounter.ingest', 'indicator.read'],
  manager: ['community.read', 'org.read', 'org.write', 'staff.read', 'staff.write', 'resident.list', 'resident.read',
    'resident.create', 'resident.update', 'resident.transfer', 'resident.candidates', 'grant.approve', 'grant.review', 'audit.read', 'reference.read',
    'schedule.read', 'schedule.manage', 'booking.create', 'referral.read', 'referral.catalogue', 'care.write', 'rates.read', 'team.manage', 'encounter.ingest', 'indicator.read',
    'insurance.read', 'insurance.write', 'insurance.confirm', 'diagnostics.read', 'critical.ack', 'sterile.read', 'sterile.request', 'sterile.process'],
  regulator: ['community.read', 'org.read', 'staff.read', 'reference.read', 'rates.read', 'indicator.read', 'insurance.read'],
  clinician: ['community.read', 'org.read', 'staff.read', 'resident.list', 'resident.read', 'resident.create', 'resident.update',
    'resident.reveal_id', 'grant.request', 'reference.read', 'schedule.read', 'booking.create', 'referral.create', 'referral.read', 'care.write', 'rates.read',
    'diagnostics.order', 'diagnostics.read', 'critical.ack', 'sterile.read', 'sterile.request', 'sterile.process'],
  village_doctor: ['community.read', 'org.read', 'staff.read', 'resident.list', 'resident.read', 'resident.create',
    'resident.update', 'resident.reveal_id', 'grant.request', 'reference.read', 'schedule.read', 'booking.create', 'referral.create', 'referral.read',
    'care.write', 'rates.read', 'diagnostics.order', 'diagnostics.read', 'critical.ack', 'sterile.read', 'sterile.request'],
  reader: ['community.read', 'org.read', 'staff.read', 'resident.read', 'grant.request', 'reference.read', 'diagnostics.read'],
  pharmacist: ['community.read', 'org.read', 'staff.read', 'resident.list', 'resident.read', 'reference.read'],
  // Prepares settlements; a manager confirms them (two people, issue #12).
  insurance_officer: ['community.read', 'org.read', 'staff.read', 'resident.list', 'resident.read', 'resident.reveal_id', 'reference.read', 'rates.read',
    'encounter.ingest', 'indicator.read', 'insurance.read', 'insurance.write'],
  resident: ['resident.read', 'reference.read'],
  // docs/domain/encounters.md "Senders": an integration account of one organisation sends only its own encounters.
  integration: ['reference.read', 'encounter.ingest'],
};

/**
 * Actions checked against the community only: the member directory is shared by the whole
 * community (a village doctor must see the lead hospital to refer to it).
 */
const COMMUNITY_GRAIN: ReadonlySet<Action> = new Set(['community.read', 'org.read', 'staff.read', 'reference.read', 'grant.request', 'schedule.read']);

/** Roles that see full ID numbers in lists and records (others see them masked). */
const FULL_ID_ROLES: ReadonlySet<Role> = new Set(['admin', 'insurance_officer']);

export function hasPermission(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

export function seesFullIdNumbers(actor: Pick<Actor, 'role'>): boolean {
  return FULL_ID_ROLES.has(actor.role);
}

/** True when `resource` lies inside the actor's scope at the grain the action needs. */
export function inScope(actor: Actor, action: Action, resource: ResourceRef): boolean {
  const s = actor.scope;
  switch (s.kind) {
    case 'region': {
      // A region-scoped actor reaches a community only when its region code is known to lie inside.
      const prefix = regionPrefix(s.regionCode);
      return prefix === '' || (!!resource.regionCode && resource.regionCode.startsWith(prefix));
    }
    case 'community':
      return resource.communityId === s.communityId;
    case 'organization':
      if (resource.communityId !== s.communityId) return false;
      if (COMMUNITY_GRAIN.has(action)) return true;
      // Community-level things (no organisation) need a community or region scope.
      return !!resource.organizationId && actor.organizationIds.includes(resource.organizationId);
  }
}

/**
 * The single authorisation decision: may `actor` take `action` on `resource`?
 * A resident's own account reads only its own record. Reading a record outside scope is
 * allowed only with an active access grant (授权调阅), which the caller resolves and passes.
 */
export function can(actor: Actor, action: Action, resource: ResourceRef): boolean {
  if (!hasPermission(actor.role, action)) return false;
  if (actor.role === 'resident') return action === 'reference.read' || (!!resource.residentId && resource.residentId === actor.residentId);
  if (inScope(actor, action, resource)) return true;
  return action === 'resident.read' && resource.granted === true;
}

/**
 * The scope filter repositories apply to list queries: `communityIds` null means any community
 * under the region prefix; `organizationIds` null means any organisation within those communities.
 */
export interface ScopeFilter {
  communityIds: readonly string[] | null;
  regionPrefix: string | null;
  organizationIds: readonly string[] | null;
}

export function scopeFilter(actor: Actor, action: Action): ScopeFilter {
  if (!hasPermission(actor.role, action)) return { communityIds: [], regionPrefix: null, organizationIds: [] };
  const s = actor.scope;
  switch (s.kind) {
    case 'region':
      return { communityIds: null, regionPrefix: regionPrefix(s.regionCode), organizationIds: null };
    case 'community':
      return { communityIds: [s.communityId], regionPrefix: null, organizationIds: null };
    case 'organization':
      return {
        communityIds: [s.communityId],
        regionPrefix: null,
        organizationIds: COMMUNITY_GRAIN.has(action) ? null : actor.organizationIds,
      };
  }
}

/**
 * The one community an actor's scope lies in, or null for a region scope. By-id reads carry it so
 * that a row of another community is simply not found (and on Citus the read goes to one shard).
 */
export function scopeCommunity(actor: Pick<Actor, 'scope'>): string | null {
  return actor.scope.kind === 'region' ? null : actor.scope.communityId;
}

/** `330000` → `33`, `330500` → `3305`, `330521` → `330521`: trailing zero pairs widen a region. */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c === '00' ? '' : c;
}
