import type { AppContext } from '../platform/context.ts';
import { confirmSettlement, prepareSettlement, putPolicy } from '../modules/insurance/index.ts';
import { actorOf } from './demo-actors.ts';

const HOUR = 3_600_000;
const at = (ctx: AppContext, hoursAgo: number): AppContext => {
  const t = new Date(ctx.clock.now().getTime() - hoursAgo * HOUR);
  return { ...ctx, clock: { now: () => t } };
};

/** Fund paid for the community's residents in a year (the seeded encounters' aggregates). */
async function outlayOf(ctx: AppContext, communityId: string, year: number): Promise<number> {
  const { rows } = await ctx.db.query<{ v: string | null }>(
    `select sum(value) as v from encounter_agg where community_id = $1 and metric = 'res_fund' and month >= make_date($2, 1, 1) and month < make_date($2 + 1, 1, 1)`, [communityId, year]);
  return Number(rows[0]?.v ?? 0);
}

/**
 * Financing that gives a budget of `budgetOverOutlay` × the outlay under the default shares
 * (docs/domain/insurance.md §1): premiums 6 % and 1 % of F, F 5 % over last year (risk reserve
 * 10 % of the increase), budget share 95 %. Rounded to 10,000 yuan, as a fund notice states it.
 */
function financingFor(outlay: number, budgetOverOutlay: number): { financing: number; financingPrevYear: number; catastrophicPremium: number; accidentPremium: number } {
  const share = 0.95 * (1 - 0.1 * (1 - 1 / 1.05) - 0.06 - 0.01);
  const financing = Math.max(1, Math.round((outlay * budgetOverOutlay) / share / 1_000_000)) * 1_000_000;
  return { financing, financingPrevYear: Math.round(financing / 1.05 / 100) * 100, catastrophicPremium: Math.round(financing * 0.06), accidentPremium: Math.round(financing * 0.01) };
}

/**
 * The demo county's insurance year through the real services (issue #12): a policy for last year
 * and this year (this year's financing tight enough that the projection crosses the budget, so
 * the alert shows), last year's settlement prepared by the insurance officer and confirmed by the
 * manager, and a draft of this year's. Runs after the encounters, whose aggregates are the outlay.
 */
export async function seedInsurance(ctx: AppContext, communityId: string, asOf: string): Promise<void> {
  const insurer = await actorOf(ctx.db, 'insurer');
  const manager = await actorOf(ctx.db, 'manager');
  const year = Number(asOf.slice(0, 4));
  const last = year - 1;
  const lastOutlay = await outlayOf(ctx, communityId, last);
  await putPolicy(at(ctx, 24 * 400), insurer, communityId, last, { ...financingFor(lastOutlay, 1.04), reason: `${last} 年度城乡居民医保基金预算通知` });
  const thisOutlay = await outlayOf(ctx, communityId, year);
  const elapsed = Math.max(1, Number(asOf.slice(5, 7)) - 1 + Number(asOf.slice(8, 10)) / 31);
  const first = financingFor(lastOutlay * 1.03, 1);
  await putPolicy(at(ctx, 24 * 330), insurer, communityId, year, { ...first, reason: `${year} 年度预算（年初按上年支出预估）` });
  // Mid-year the fund notice came in lower than planned: the budget now trails the projected outlay.
  await putPolicy(at(ctx, 24 * 150), insurer, communityId, year, { ...financingFor((thisOutlay / elapsed) * 12, 0.98), reason: `${year} 年度筹资到位情况调整（省级下达通知）` });
  const prepared = await prepareSettlement(at(ctx, 24 * 60), insurer, { communityId, year: last });
  await confirmSettlement(at(ctx, 24 * 58), manager, prepared.id);
  await prepareSettlement(at(ctx, 24 * 2), insurer, { communityId, year });
}
