import type { BatchDetailView } from '@yigong/contracts';

type ToRetrieve = NonNullable<BatchDetailView['recall']>['toRetrieve'][number];

export interface RetrieveGroup {
  /** null: still at the centre. */
  organizationId: string | null;
  organizationName: string | null;
  packs: ToRetrieve[];
}

/**
 * 待收回 by where the packs are (docs/domain/sterile-supply.md "Recall"): one group per unit to
 * fetch them from, by name, the centre's own shelf last; barcodes in order within a group.
 */
export function groupToRetrieve(items: readonly ToRetrieve[]): RetrieveGroup[] {
  const groups = new Map<string, RetrieveGroup>();
  for (const p of items) {
    const key = p.organizationId ?? '';
    const g = groups.get(key) ?? { organizationId: p.organizationId, organizationName: p.organizationName, packs: [] };
    g.packs.push(p);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.packs.sort((a, b) => (a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0));
  return [...groups.values()].sort((a, b) => {
    if (a.organizationId === null || b.organizationId === null) return a.organizationId === null ? 1 : -1;
    return (a.organizationName ?? '').localeCompare(b.organizationName ?? '', 'zh-CN');
  });
}
