import type { OrganizationView } from '@yigong/contracts';
import type { OrganizationKind } from '@yigong/domain';

export interface OrgTreeNode extends OrganizationView {
  children?: OrgTreeNode[];
}

/** Display order of siblings: the lead hospital first, village clinics last. */
const KIND_ORDER: OrganizationKind[] = [
  'lead_hospital',
  'county_hospital',
  'tcm_hospital',
  'maternal_child_hospital',
  'collaborating_hospital',
  'cdc',
  'township_center',
  'community_center',
  'community_station',
  'village_clinic',
  'private_member',
];

function compare(a: OrganizationView, b: OrganizationView): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Builds the hierarchy from `parentId`. A unit whose parent is missing from the list (outside
 * the filter, or a dangling reference) becomes a root rather than disappearing.
 */
export function buildOrgTree(orgs: readonly OrganizationView[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>(orgs.map((o) => [o.id, { ...o }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: OrgTreeNode[]) => {
    list.sort(compare);
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * Keeps the units whose name matches `q` and their ancestors (so a match stays in context).
 * Returns the full list when `q` is blank.
 */
export function filterOrgsWithAncestors(orgs: readonly OrganizationView[], q: string): OrganizationView[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...orgs];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const keep = new Set<string>();
  for (const o of orgs) {
    const hay = `${o.name} ${o.shortName ?? ''} ${o.secondPlateName ?? ''}`.toLowerCase();
    if (!hay.includes(needle)) continue;
    let cur: OrganizationView | undefined = o;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
  }
  return orgs.filter((o) => keep.has(o.id));
}

/** Ids of every node that has children (to expand a filtered tree fully). */
export function parentIds(nodes: readonly OrgTreeNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly OrgTreeNode[]) => {
    for (const n of list) {
      if (n.children?.length) {
        out.push(n.id);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return out;
}
