import { describe, expect, it } from 'vitest';
import { worksAtCentre } from './centre-access.ts';

const centre = { communityId: 'c1', organizationId: 'lead' };
const scope = (kind: 'organization' | 'community', communityId = 'c1') => ({ kind, communityId, organizationId: null, regionCode: null, label: '' });

describe('worksAtCentre', () => {
  it('counts the community manager and the clinicians and managers of the centre’s own unit', () => {
    expect(worksAtCentre({ role: 'manager', organizationId: null, scope: scope('community') }, centre)).toBe(true);
    expect(worksAtCentre({ role: 'clinician', organizationId: 'lead', scope: scope('organization') }, centre)).toBe(true);
    expect(worksAtCentre({ role: 'manager', organizationId: 'lead', scope: scope('organization') }, centre)).toBe(true);
  });

  it('leaves out a member unit’s doctors, another community’s manager and a page without its centre', () => {
    expect(worksAtCentre({ role: 'clinician', organizationId: 'town', scope: scope('organization') }, centre)).toBe(false);
    expect(worksAtCentre({ role: 'village_doctor', organizationId: 'lead', scope: scope('organization') }, centre)).toBe(false);
    expect(worksAtCentre({ role: 'manager', organizationId: null, scope: scope('community', 'c2') }, centre)).toBe(false);
    expect(worksAtCentre({ role: 'manager', organizationId: null, scope: scope('community') }, undefined)).toBe(false);
  });
});
