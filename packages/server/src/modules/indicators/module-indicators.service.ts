import { evaluateModuleIndicator, type Actor, type IndicatorValue } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { referralCounts } from '../referral/index.ts';
import { dispatchedSeniorCount } from '../org/index.ts';
import { signingRates } from '../family-doctor/index.ts';
import { chronicRates } from '../chronic/index.ts';
import { diagnosticsModuleCounts } from '../diagnostics/index.ts';

/**
 * The indicators other modules count (docs/domain/indicators.md): referrals created in the period, the
 * shared centres' remote readings, rejections, critical values and recognition (diagnostics), senior
 * doctors dispatched in its year, signing rates as of its last day, chronic rates for its year
 * as of its last day (or today, for a period still running).
 */
export async function moduleValues(ctx: AppContext, actor: Actor, communityId: string, months: readonly string[]): Promise<IndicatorValue[]> {
  const today = businessDate(ctx.clock);
  const first = months[0]!;
  const last = months.at(-1)!;
  const next = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const asOf = lastDay < today ? lastDay : today;
  if (first > today) return [];
  const year = Number(asOf.slice(0, 4));
  const [refs, dispatched, signing, chronic, dx] = await Promise.all([
    referralCounts(ctx, communityId, first, next),
    dispatchedSeniorCount(ctx, communityId, year),
    signingRates(ctx, actor, { communityId, asOf }),
    chronicRates(ctx, actor, { communityId, year, asOf }),
    diagnosticsModuleCounts(ctx, communityId, first, next),
  ]);
  return [
    evaluateModuleIndicator('up_referrals', refs.up ?? 0, 1),
    evaluateModuleIndicator('down_referrals', refs.down ?? 0, 1),
    evaluateModuleIndicator('dispatched_senior_doctors', dispatched, 1),
    evaluateModuleIndicator('signing_rate', signing.signed, signing.residents),
    evaluateModuleIndicator('key_population_signing_rate', signing.keySigned, signing.keyPopulation),
    evaluateModuleIndicator('htn_standard_mgmt_rate', chronic.hypertension.standard, chronic.hypertension.managed),
    evaluateModuleIndicator('t2d_standard_mgmt_rate', chronic.diabetes.standard, chronic.diabetes.managed),
    evaluateModuleIndicator('chronic_standard_mgmt_rate', chronic.combined.standard, chronic.combined.managed),
    evaluateModuleIndicator('htn_control_rate', chronic.hypertension.controlled, chronic.hypertension.managed),
    evaluateModuleIndicator('t2d_control_rate', chronic.diabetes.controlled, chronic.diabetes.managed),
    ...(['remote_diagnoses', 'diagnostic_rejection_rate', 'critical_ack_in_time_rate', 'recognition_rate'] as const).map((code) => evaluateModuleIndicator(code, ...dx[code])),
  ];
}

