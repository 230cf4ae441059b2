import { describe, expect, it } from 'vitest';
import type { OrganizationView } from '@yigong/contracts';
import { buildOrgTree, filterOrgsWithAncestors, parentIds } from './org-tree.ts';

function org(id: string, kind: OrganizationView['kind'], name: string, parentId: string | null): OrganizationView {
  return {
    id, communityId: 'c1', code: null, kind, name, shortName: null, level: null, parentId, gridId: null, gridName: null, regionCode: null,
    beds: 0, secondPlateName: null, address: null, phone: null, active: true, staffCount: 0, residentCount: 0,
  };
}

const orgs = [
  org('v1', 'village_clinic', '东村卫生室', 't1'),
  org('t1', 'township_center', '城关镇卫生院', 'lead'),
  org('lead', 'lead_hospital', '县人民医院', null),
  org('tcm', 'tcm_hospital', '县中医院', null),
  org('v2', 'village_clinic', '西村卫生室', 'gone'),
];

describe('buildOrgTree', () => {
  it('nests units under their parents and puts the lead hospital first', () => {
    const tree = buildOrgTree(orgs);
    expect(tree.map((n) => n.id)).toEqual(['lead', 'tcm', 'v2']);
    expect(tree[0]!.children!.map((n) => n.id)).toEqual(['t1']);
    expect(tree[0]!.children![0]!.children!.map((n) => n.id)).toEqual(['v1']);
  });

  it('keeps a unit whose parent is missing as a root instead of dropping it', () => {
    expect(buildOrgTree(orgs).some((n) => n.id === 'v2')).toBe(true);
  });
});

describe('filterOrgsWithAncestors', () => {
  it('keeps a matching village clinic together with its township centre and lead hospital', () => {
    expect(filterOrgsWithAncestors(orgs, '东村').map((o) => o.id).sort()).toEqual(['lead', 't1', 'v1']);
  });

  it('returns everything for a blank query', () => {
    expect(filterOrgsWithAncestors(orgs, '  ')).toHaveLength(orgs.length);
  });

  it('lists the ids of nodes that have children', () => {
    expect(parentIds(buildOrgTree(orgs)).sort()).toEqual(['lead', 't1']);
  });
});
