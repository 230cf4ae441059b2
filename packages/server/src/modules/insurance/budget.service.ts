import { completedMonthsAsOf, computeCapitationBudget, prepaymentSchedule, projectYearEndOutlay, type Actor } from '@yigong/domain';
import type { BudgetView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { policyInForce } from './policy.service.ts';
import * as repo from './insurance.repository.ts';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** The year's outlay (docs/domain/insurance.md "§2"): fund paid for the community's residents, in and out of county, per month. */
export async function yearOutlay(sql: Sql, communityId: string, year: number): Promise<{ months: { month: string; all: number; inCounty: number }[]; all: number; inCounty: number }> {
  const byMonth = await repo.monthlyOutlay(sql, communityId, year);
  const months = monthsOf(year).map((month) => ({ month, ...(byMonth.get(month) ?? { all: 0, inCounty: 0 }) }));
  return { months, all: months.reduce((a, m) => a + m.all, 0), inCounty: months.reduce((a, m) => a + m.inCounty, 0) };
}

/**
 * GET /insurance/budget: the capitation budget of the policy in force (§1), the outlay so far from
 * the monthly aggregates (§2), the prepayment line and the year-end projection — seasonal on last
 * year's months when it has any, else linear — with the alert when it crosses the budget.
 */
export async function budget(ctx: AppContext, actor: Actor, communityId: string, year: number): Promise<BudgetView> {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  const { version, policy } = await policyInForce(ctx.db, communityId, year);
  const capitation = computeCapitationBudget(policy);
  const schedule = prepaymentSchedule(capitation.budget, policy.prepaymentRate);
  const asOf = businessDate(ctx.clock);
  const [current, previous] = await Promise.all([yearOutlay(ctx.db, communityId, year), yearOutlay(ctx.db, communityId, year - 1)]);
  const completed = completedMonthsAsOf(year, asOf);
  // The months booked so far: the complete ones and, inside the year, the current one.
  const booked = Math.min(12, completed + (asOf.startsWith(String(year)) && completed < 12 ? 1 : 0));
  const projection = projectYearEndOutlay({
    budget: capitation.budget,
    monthlyOutlay: current.months.slice(0, booked).map((m) => m.all),
    completedMonths: completed,
    previousYearMonthlyOutlay: previous.all > 0 ? previous.months.map((m) => m.all) : null,
  });
  let cumulative = 0;
  return {
    communityId, year, policyVersion: version,
    financing: policy.financing, riskReserve: capitation.riskReserve, budget: capitation.budget,
    monthlyPrepayment: schedule.months[0]!, atClearing: schedule.atClearing,
    outlay: current.all, outlayInCounty: current.inCounty, outlayOutOfCounty: current.all - current.inCounty,
    position: capitation.budget - current.all,
    projection: projection.projected ?? current.all,
    projectionDetail: { completedMonths: completed, linear: projection.linear, seasonal: projection.seasonal, basis: projection.basis },
    alert: projection.overBudget,
    asOf,
    months: current.months.map((m, i) => {
      cumulative += m.all;
      return { month: m.month, outlay: m.all, inCounty: m.inCounty, outOfCounty: m.all - m.inCounty, cumulative, prepaidCumulative: schedule.months[0]! * (i + 1) };
    }),
  };
}
