import { invalid } from '../shared/domain-error.ts';
import { PACK_RULES, PACK_STATUS_LABELS, type PackAction, type PackStatus } from './packs.ts';

/** docs/domain/sterile-supply.md "Traceability": what can happen to a pack, one event each. */
export const PACK_EVENT_KINDS = ['sterilised', 'released', 'delivered', 'used', 'returned', 'expired', 'recalled'] as const;
export type PackEventKind = (typeof PACK_EVENT_KINDS)[number];

export const PACK_EVENT_LABELS: Readonly<Record<PackEventKind, string>> = {
  sterilised: '灭菌',
  released: '放行',
  delivered: '发放',
  used: '使用',
  returned: '退回',
  expired: '过期',
  recalled: '召回',
};

export interface PackEvent {
  kind: PackEventKind;
  at: Date;
  /** sterilised: the batch. */
  batchId?: string | null;
  /** delivered: the receiving organisation; used: where the pack was opened. */
  organizationId?: string | null;
  /** used: the resident. */
  residentId?: string | null;
  /** returned: the pack went back on the shelf (`released`) rather than to reprocessing. */
  restocked?: boolean | null;
}

export interface TraceIssue {
  /** Position in the ordered chain. */
  index: number;
  kind: PackEventKind;
  message: string;
}

export interface TraceChain {
  /** The events ordered by time (events at the same instant keep their given order). */
  chain: PackEvent[];
  /** The pack's status after the valid events; null when the chain does not start with sterilisation. */
  status: PackStatus | null;
  /** Where the pack is: the organisation it was delivered to, or null at the supply centre. */
  holderOrganizationId: string | null;
  valid: boolean;
  issues: TraceIssue[];
}

const ACTION_OF: Readonly<Record<Exclude<PackEventKind, 'sterilised'>, PackAction>> = {
  released: 'release',
  delivered: 'deliver',
  used: 'use',
  returned: 'return',
  expired: 'expire',
  recalled: 'recall',
};

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * docs/domain/sterile-supply.md "Traceability": orders a pack's events by time and walks them
 * through the transition table of "Pack states". An event the table does not allow from the
 * current status is reported and skipped; so is one that lacks what it must name (the batch of
 * sterilisation, the organisation of a delivery, the resident of a use) or a use at another
 * organisation than the one the pack was delivered to. Throws invalid(…) only on malformed input.
 */
export function traceChain(events: readonly PackEvent[]): TraceChain {
  events.forEach((e, i) => {
    if (!PACK_EVENT_KINDS.includes(e.kind)) throw invalid('未知的追溯事件', `events.${i}.kind`, { value: e.kind });
    if (!(e.at instanceof Date) || Number.isNaN(e.at.getTime())) throw invalid('追溯事件时间无效', `events.${i}.at`);
  });
  const chain = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map((x) => x.e);
  const issues: TraceIssue[] = [];
  let status: PackStatus | null = null;
  let holder: string | null = null;
  const issue = (index: number, kind: PackEventKind, message: string) => {
    issues.push({ index, kind, message });
  };

  for (const [index, e] of chain.entries()) {
    if (e.kind === 'sterilised') {
      if (status !== null) issue(index, e.kind, '灭菌事件只能是第一条，重新灭菌应使用新条码');
      else if (blank(e.batchId)) issue(index, e.kind, '灭菌事件缺少灭菌批次');
      else status = 'sterilised';
      continue;
    }
    if (status === null) {
      issue(index, e.kind, '追溯链须从灭菌事件开始');
      continue;
    }
    const rule = PACK_RULES[ACTION_OF[e.kind]];
    if (!rule.from.includes(status)) {
      issue(index, e.kind, `「${PACK_STATUS_LABELS[status]}」状态下不能「${PACK_EVENT_LABELS[e.kind]}」`);
      continue;
    }
    if (e.kind === 'delivered') {
      if (blank(e.organizationId)) {
        issue(index, e.kind, '发放事件缺少接收机构');
        continue;
      }
      holder = e.organizationId!;
    } else if (e.kind === 'used') {
      if (blank(e.residentId)) {
        issue(index, e.kind, '使用事件缺少患者');
        continue;
      }
      if (!blank(e.organizationId) && e.organizationId !== holder) {
        issue(index, e.kind, '使用机构与发放机构不一致');
        continue;
      }
    } else if (e.kind === 'returned') {
      holder = null;
    }
    status = e.kind === 'returned' ? (e.restocked === true ? 'released' : 'returned') : rule.to;
  }
  if (chain.length === 0) issues.push({ index: 0, kind: 'sterilised', message: '没有追溯事件' });
  return { chain, status, holderOrganizationId: holder, valid: issues.length === 0, issues };
}

export interface BatchPackHistory {
  barcode: string;
  events: readonly PackEvent[];
}

export interface RecallImpact {
  /** Packs already used: whom to notify (the resident's doctor, the unit), ordered by time of use. */
  used: { barcode: string; residentId: string; organizationId: string | null; usedAt: Date }[];
  /** The residents of `used`, each once, sorted. */
  residentIds: string[];
  /** Packs not used and not yet recalled: where to fetch them (null: at the supply centre). */
  toRetrieve: { barcode: string; status: PackStatus | null; organizationId: string | null }[];
  /** Organisations holding a used or a retrievable pack, each once, sorted. */
  organizationIds: string[];
  /** Packs whose history breaks the table (see traceChain): a person must check them. */
  unclear: string[];
}

/**
 * docs/domain/sterile-supply.md "Recall": the reach of a batch recall. A use counts even when
 * the pack's history is otherwise broken — better one notification too many than one too few.
 */
export function recallImpact(batchPacks: readonly BatchPackHistory[]): RecallImpact {
  const used: RecallImpact['used'] = [];
  const toRetrieve: RecallImpact['toRetrieve'] = [];
  const unclear: string[] = [];
  for (const p of batchPacks) {
    const t = traceChain(p.events);
    if (!t.valid) unclear.push(p.barcode);
    const uses = t.chain.filter((e) => e.kind === 'used' && !blank(e.residentId));
    for (const u of uses) used.push({ barcode: p.barcode, residentId: u.residentId!, organizationId: blank(u.organizationId) ? t.holderOrganizationId : u.organizationId!, usedAt: u.at });
    if (uses.length === 0 && t.status !== 'recalled') toRetrieve.push({ barcode: p.barcode, status: t.status, organizationId: t.holderOrganizationId });
  }
  used.sort((a, b) => a.usedAt.getTime() - b.usedAt.getTime() || (a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0));
  const residentIds = [...new Set(used.map((u) => u.residentId))].sort();
  const organizationIds = [...new Set([...used, ...toRetrieve].map((x) => x.organizationId).filter((o): o is string => o !== null))].sort();
  return { used, residentIds, toRetrieve, organizationIds, unclear };
}
