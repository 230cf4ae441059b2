import { hasPermission, regionPrefix, type Action, type Role } from '@yigong/domain';
import type { TestPlatform } from '../test-platform.ts';

/** Where an object lies, relative to the village doctor `vdoc` (DESIGN.md scopes). */
export const PLACES = ['own unit', 'sibling unit', 'other township', 'other community'] as const;
export type PlaceName = (typeof PLACES)[number];

export interface Place {
  name: PlaceName;
  communityId: string;
  regionCode: string;
  /** A grassroots unit with residents. */
  orgId: string;
  /** Its township centre (the unit's parent). */
  townshipId: string;
  /** The community's lead hospital. */
  leadId: string;
  /** Another hospital of the community (a referral target for the lead hospital's doctor too). */
  hospitalId: string;
  /** The other community and a unit of it, as a transfer's destination. */
  otherCommunityId: string;
  otherCommunityUnitId: string;
}

/** Where a thing lives for the access decision: its community and the units it belongs to (none: a community-level thing). */
export interface Location {
  communityId: string;
  regionCode: string;
  orgIds: readonly string[];
}

export interface Caller {
  username: string;
  role: Role;
  token: string;
  scope: { kind: 'region'; regionCode: string } | { kind: 'community'; communityId: string } | { kind: 'organization'; communityId: string; organizationId: string };
  /** For an organisation scope: the unit and every unit below it. */
  units: ReadonlySet<string>;
}

/** The demo accounts of every role the seed has (demo-accounts.ts). */
export const CALLERS = ['admin', 'manager', 'regulator', 'doctor.lead', 'doctor.town', 'vdoc', 'pharmacist', 'insurer', 'his.town', 'vdoc2'] as const;

/** What a route needs: an action of can.ts, at the grain of a community or of a unit. */
export interface Need {
  action: Action;
  grain: 'community' | 'unit';
  /** Work that belongs to one community (requireCommunityPermission): a region account has none. */
  communityAccountsOnly?: boolean;
}

/**
 * The expected decision, written out from DESIGN.md's scope rules rather than by calling the
 * server's `can`: the role must hold the action (the role table of can.ts), and the object must
 * lie inside the caller's region, community, or — at unit grain — the caller's unit or below.
 */
export function expectedAllowed(caller: Caller, need: Need, at: Location): boolean {
  if (!hasPermission(caller.role, need.action)) return false;
  const s = caller.scope;
  if (s.kind === 'region') return !need.communityAccountsOnly && at.regionCode.startsWith(regionPrefix(s.regionCode));
  if (s.communityId !== at.communityId) return false;
  if (s.kind === 'community' || need.grain === 'community') return true;
  return at.orgIds.some((o) => caller.units.has(o));
}

export function placeLocation(place: Place, orgIds: readonly string[] = [place.orgId]): Location {
  return { communityId: place.communityId, regionCode: place.regionCode, orgIds };
}

export interface World {
  places: Record<PlaceName, Place>;
  callers: Caller[];
  token(username: string): Promise<string>;
}

/** The four places and the ten callers, read from the seeded test county. */
export async function loadWorld(p: TestPlatform): Promise<World> {
  const admin = await p.login('admin');
  const communities = (await p.call('GET', '/api/v1/communities', admin)).body.items as { id: string; regionCode: string }[];
  const region = new Map(communities.map((c) => [c.id, c.regionCode]));
  const orgs = (await p.ctx.db.query<{ id: string; community_id: string; parent_id: string | null; kind: string; residents: number }>(
    `select o.id, o.community_id, o.parent_id, o.kind,
            (select count(*)::int from resident r where r.community_id = o.community_id and r.organization_id = o.id and r.status = 'active') as residents
       from organization o order by o.id`)).rows;
  const below = (root: string): Set<string> => {
    const out = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const o of orgs) if (o.parent_id && out.has(o.parent_id) && !out.has(o.id)) { out.add(o.id); grew = true; }
    }
    return out;
  };
  const callers: Caller[] = [];
  for (const username of CALLERS) {
    const token = await p.login(username);
    const me = (await p.call('GET', '/api/v1/auth/me', token)).body as { role: Role; scope: { kind: string; communityId: string | null; organizationId: string | null; regionCode: string | null } };
    const s = me.scope;
    const scope: Caller['scope'] = s.kind === 'region' ? { kind: 'region', regionCode: s.regionCode! }
      : s.kind === 'community' ? { kind: 'community', communityId: s.communityId! }
        : { kind: 'organization', communityId: s.communityId!, organizationId: s.organizationId! };
    callers.push({ username, role: me.role, token, scope, units: scope.kind === 'organization' ? below(scope.organizationId) : new Set() });
  }
  const unitOf = (u: string) => { const c = callers.find((x) => x.username === u)!; if (c.scope.kind !== 'organization') throw new Error(`${u} has no unit`); return c.scope.organizationId; };
  const org = (id: string) => orgs.find((o) => o.id === id)!;
  const lead = (communityId: string) => orgs.find((o) => o.community_id === communityId && o.kind === 'lead_hospital')!.id;
  const ofKind = (communityId: string, kind: string) => orgs.find((o) => o.community_id === communityId && o.kind === kind)!.id;
  const place = (name: PlaceName, id: string): Place => {
    const o = org(id);
    const other = orgs.find((x) => x.community_id !== o.community_id && x.residents > 0)!;
    return {
      name, communityId: o.community_id, regionCode: region.get(o.community_id)!, orgId: o.id, townshipId: o.parent_id!, leadId: lead(o.community_id),
      hospitalId: ofKind(o.community_id, 'tcm_hospital'), otherCommunityId: other.community_id, otherCommunityUnitId: other.id,
    };
  };
  const own = org(unitOf('vdoc'));
  const grassroots = orgs.filter((o) => o.community_id === own.community_id && o.residents > 0 && o.id !== own.id);
  const sibling = grassroots.find((o) => o.parent_id === own.parent_id);
  const township = grassroots.find((o) => o.parent_id !== own.parent_id && !below(own.parent_id!).has(o.id));
  if (!sibling || !township) throw new Error('the test county has no sibling unit or no other township');
  return {
    places: {
      'own unit': place('own unit', own.id),
      'sibling unit': place('sibling unit', sibling.id),
      'other township': place('other township', township.id),
      'other community': place('other community', unitOf('vdoc2')),
    },
    callers,
    token: (u) => p.login(u),
  };
}
