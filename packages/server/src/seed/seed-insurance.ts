import { createRng } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import { confirmSettlement, prepareSettlement, putAppraisalScheme, putPolicy, saveScenario } from '../modules/insurance/index.ts';
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
  // Last year's appraisal scheme: the year before family-doctor signing was appraised (the demo's
  // contracts start this year), with two manual adjustments and their reasons.
  const unit = async (kinds: string[]) => (await ctx.db.query<{ id: string }>('select id from organization where community_id = $1 and kind = any($2) order by id limit 1', [communityId, kinds])).rows[0]?.id;
  const [centre, village] = [await unit(['township_center', 'community_center']), await unit(['village_clinic', 'community_station'])];
  await putAppraisalScheme(at(ctx, 24 * 380), manager, communityId, last, {
    items: [
      { code: 'county_inpatient', name: '县域内住院人次占比', indicatorCode: 'county_inpatient_rate', weight: 25, floor: 0.7, target: 0.9, direction: 'higher' },
      { code: 'grassroots_visits', name: '基层就诊率', indicatorCode: 'grassroots_visit_rate', weight: 20, floor: 0.4, target: 0.65, direction: 'higher' },
      { code: 'fund_in_county', name: '医保基金县域内支出率', indicatorCode: 'fund_in_county_share', weight: 20, floor: 0.7, target: 0.9, direction: 'higher' },
      { code: 'out_of_pocket', name: '居民个人自付比例', indicatorCode: 'out_of_pocket_share', weight: 10, floor: 0.45, target: 0.3, direction: 'lower' },
      { code: 'chronic_mgmt', name: '两慢病规范管理率', indicatorCode: 'chronic_standard_mgmt_rate', weight: 15, floor: 0.4, target: 0.8, direction: 'higher' },
      { code: 'length_of_stay', name: '平均住院日', indicatorCode: 'avg_length_of_stay', weight: 10, floor: 12, target: 8, direction: 'lower' },
    ],
    adjustments: [
      ...(centre ? [{ organizationId: centre, points: 3, reason: '县级家庭医生签约服务示范单位（县卫健局通报表扬）' }] : []),
      ...(village ? [{ organizationId: village, points: -2, reason: '群众投诉核实 1 起（服务态度），已整改' }] : []),
    ],
    reason: `${last} 年度医共体绩效考核方案（医共体管委会审议通过）`,
  });
  // Client-generated ids (the seed is the same on every store).
  const ids = createRng(1, 'insurance', communityId);
  const prepared = await prepareSettlement(at(ctx, 24 * 60), insurer, { id: ids.uuid(), communityId, year: last });
  await confirmSettlement(at(ctx, 24 * 58), manager, prepared.id);
  await prepareSettlement(at(ctx, 24 * 2), insurer, { id: ids.uuid(), communityId, year });
  await saveScenario(at(ctx, 24 * 55), insurer, { id: ids.uuid(), communityId, year: last, name: '基层倾斜：级别权重 5:4:1', changes: { policy: { levelWeights: { hospital: 5, center: 4, village: 1 } } } });
  await saveScenario(at(ctx, 24 * 54), insurer, { id: ids.uuid(), communityId, year: last, name: '考核得分降至 85 分', changes: { score: 85 } });
}
