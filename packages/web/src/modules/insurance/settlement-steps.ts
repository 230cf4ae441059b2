import { SETTLEMENT_LEVELS, type SettlementLevel } from '@yigong/domain';
import type { SettlementView } from '@yigong/contracts';

/**
 * One bar of the settlement waterfall (docs/domain/insurance.md §3–4): a total standing on zero,
 * or a step floating between `low` and `high`. Amounts in fen; `label` is an i18n key.
 */
export interface WaterfallStep {
  label: string;
  /** The level whose share this step is (for its name); absent for the other steps. */
  level?: SettlementLevel;
  kind: 'total' | 'decrease' | 'increase';
  low: number;
  high: number;
  /** The amount the bar stands for (high − low). */
  amount: number;
}

type Figures = Pick<SettlementView, 'budget' | 'outlay' | 'difference' | 'retained' | 'returnedToFund' | 'overspend' | 'fundBears' | 'communityBears'> & {
  members: Pick<SettlementView['members'][number], 'level' | 'share'>[];
};

/** Σ share per settlement level (a member without a level, the CDC, has none). */
export function sharesByLevel(members: Figures['members']): Record<SettlementLevel, number> {
  const out = { hospital: 0, center: 0, village: 0 } as Record<SettlementLevel, number>;
  for (const m of members) if (m.level) out[m.level] += m.share;
  return out;
}

const total = (label: string, amount: number): WaterfallStep => ({ label, kind: 'total', low: 0, high: amount, amount });

/**
 * Budget → outlay → surplus → returned to the fund → retained → the shares of the three levels,
 * all above zero. An overspend year reads budget → overspend → outlay, then the overspend split
 * into the fund's and the community's parts. `split` leaves out the budget and the outlay: the
 * surplus (or overspend) is a few per cent of the budget, and its split is lost beside them.
 */
export function settlementWaterfall(s: Figures, view: 'all' | 'split' = 'all'): WaterfallStep[] {
  if (s.difference < 0) {
    if (view === 'split') {
      return [
        total('settlement.step.overspend', s.overspend),
        { label: 'settlement.step.fundBears', kind: 'decrease', low: s.overspend - s.fundBears, high: s.overspend, amount: s.fundBears },
        { label: 'settlement.step.communityBears', kind: 'decrease', low: 0, high: s.overspend - s.fundBears, amount: s.communityBears },
      ];
    }
    return [
      total('settlement.step.budget', s.budget),
      { label: 'settlement.step.overspend', kind: 'increase', low: s.budget, high: s.outlay, amount: s.overspend },
      total('settlement.step.outlay', s.outlay),
      { label: 'settlement.step.fundBears', kind: 'decrease', low: s.outlay - s.fundBears, high: s.outlay, amount: s.fundBears },
      { label: 'settlement.step.communityBears', kind: 'decrease', low: s.budget, high: s.outlay - s.fundBears, amount: s.communityBears },
    ];
  }
  const steps: WaterfallStep[] = [
    ...(view === 'all'
      ? [total('settlement.step.budget', s.budget), { label: 'settlement.step.outlay', kind: 'decrease' as const, low: s.difference, high: s.budget, amount: s.outlay }]
      : []),
    total('settlement.step.surplus', s.difference),
    { label: 'settlement.step.returnedToFund', kind: 'decrease', low: s.retained, high: s.difference, amount: s.returnedToFund },
    total('settlement.step.retained', s.retained),
  ];
  const shares = sharesByLevel(s.members);
  let top = s.retained;
  for (const level of SETTLEMENT_LEVELS) {
    steps.push({ label: `insuranceUi.level.${level}`, level, kind: 'decrease', low: top - shares[level], high: top, amount: shares[level] });
    top -= shares[level];
  }
  return steps;
}
