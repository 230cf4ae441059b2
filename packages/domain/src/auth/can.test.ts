import { describe, expect, it } from 'vitest';
import { can, regionPrefix, scopeFilter } from './can.ts';
import type { Actor } from './roles.ts';

const C1 = 'c1';
const C2 = 'c2';
const actor = (a: Partial<Actor> & Pick<Actor, 'role' | 'scope'>): Actor => ({ userId: 'u', username: 'u', organizationId: null, organizationIds: [], ...a });

const vdoc = actor({ role: 'village_doctor', organizationId: 'village', scope: { kind: 'organization', communityId: C1, organizationId: 'village' }, organizationIds: ['village'] });
const town = actor({ role: 'clinician', organizationId: 'town', scope: { kind: 'organization', communityId: C1, organizationId: 'town' }, organizationIds: ['town', 'village'] });
const manager = actor({ role: 'manager', scope: { kind: 'community', communityId: C1 } });
const regulator = actor({ role: 'regulator', scope: { kind: 'region', regionCode: '330500' } });
const admin = actor({ role: 'admin', scope: { kind: 'region', regionCode: '330500' } });

describe('can', () => {
  it('lets a village doctor read residents of the own clinic only', () => {
    expect(can(vdoc, 'resident.read', { communityId: C1, organizationId: 'village' })).toBe(true);
    expect(can(vdoc, 'resident.read', { communityId: C1, organizationId: 'other-village' })).toBe(false);
    expect(can(vdoc, 'resident.read', { communityId: C2, organizationId: 'village' })).toBe(false);
  });

  it('gives a township clinician the village clinics below the centre', () => {
    expect(can(town, 'resident.read', { communityId: C1, organizationId: 'village' })).toBe(true);
  });

  it('shares the member directory across the community but not beyond', () => {
    expect(can(vdoc, 'org.read', { communityId: C1, organizationId: 'lead' })).toBe(true);
    expect(can(vdoc, 'org.read', { communityId: C2 })).toBe(false);
  });

  it('keeps the regulator read-only', () => {
    expect(can(regulator, 'community.read', { communityId: C1, regionCode: '330521' })).toBe(true);
    expect(can(regulator, 'resident.create', { communityId: C1, organizationId: 'village', regionCode: '330521' })).toBe(false);
    expect(can(regulator, 'org.write', { communityId: C1, regionCode: '330521' })).toBe(false);
  });

  it('bounds a region scope by the region code and refuses an unknown region', () => {
    expect(can(admin, 'org.write', { communityId: C1, regionCode: '330521' })).toBe(true);
    expect(can(admin, 'org.write', { communityId: C1, regionCode: '341504' })).toBe(false);
    expect(can(admin, 'org.write', { communityId: C1 })).toBe(false);
  });

  it('allows an out-of-scope read only with an access grant, and never a write', () => {
    const other = { communityId: C1, organizationId: 'other-village' };
    expect(can(vdoc, 'resident.read', { ...other, granted: true })).toBe(true);
    expect(can(vdoc, 'resident.update', { ...other, granted: true })).toBe(false);
  });

  it('lets a resident account read only its own record', () => {
    const me = actor({ role: 'resident', residentId: 'r1', scope: { kind: 'community', communityId: C1 } });
    expect(can(me, 'resident.read', { communityId: C1, residentId: 'r1' })).toBe(true);
    expect(can(me, 'resident.read', { communityId: C1, residentId: 'r2' })).toBe(false);
    expect(can(me, 'resident.list', { communityId: C1 })).toBe(false);
  });

  it('keeps account management to admins and community writes to community scopes', () => {
    expect(can(manager, 'account.manage', { communityId: C1 })).toBe(false);
    expect(can(manager, 'org.write', { communityId: C1 })).toBe(true);
    expect(can(town, 'org.write', { communityId: C1 })).toBe(false);
  });
});

describe('scopeFilter', () => {
  it('turns scopes into the filters repositories apply', () => {
    expect(scopeFilter(vdoc, 'resident.list')).toEqual({ communityIds: [C1], regionPrefix: null, organizationIds: ['village'] });
    expect(scopeFilter(vdoc, 'org.read')).toEqual({ communityIds: [C1], regionPrefix: null, organizationIds: null });
    expect(scopeFilter(manager, 'resident.list')).toEqual({ communityIds: [C1], regionPrefix: null, organizationIds: null });
    expect(scopeFilter(regulator, 'community.read')).toEqual({ communityIds: null, regionPrefix: '3305', organizationIds: null });
  });

  it('gives a role without the permission an empty filter', () => {
    expect(scopeFilter(regulator, 'resident.list')).toEqual({ communityIds: [], regionPrefix: null, organizationIds: [] });
  });
});

describe('regionPrefix', () => {
  it('widens by trailing zero pairs', () => {
    expect(regionPrefix('330000')).toBe('33');
    expect(regionPrefix('330500')).toBe('3305');
    expect(regionPrefix('330521')).toBe('330521');
    expect(regionPrefix('000000')).toBe('');
  });
});
