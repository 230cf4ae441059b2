import { randomUUID } from 'node:crypto';
import { DomainError, compareWhatIf, type Actor, type InsurancePolicyPatch, type WhatIfComparison, type WhatIfSide } from '@yigong/domain';
import type { ScenarioRequest, ScenarioView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { settlementInputs } from './settlement.service.ts';
import * as repo from './insurance.repository.ts';

type Changes = ScenarioRequest['changes'];

const side = (s: WhatIfSide) => ({
  budget: s.settlement.budget, riskReserve: s.capitation.riskReserve, outlay: s.settlement.outlay, difference: s.settlement.difference, retained: s.settlement.retained,
  returnedToFund: s.settlement.returnedToFund, overspend: s.settlement.overspend, fundBears: s.settlement.fundBears, communityBears: s.settlement.communityBears,
});

/**
 * The year as it stands (policy in force, outlay, appraisal scores) against the same year with
 * `changes` (docs/domain/insurance.md "What-if"): both settled, side by side, with differences.
 */
async function compare(ctx: AppContext, actor: Actor, communityId: string, year: number, changes: Changes) {
  const inputs = await settlementInputs(ctx, actor, { communityId, year });
  const c: WhatIfComparison = compareWhatIf(
    { policy: inputs.policy, outlay: inputs.outlay, communityScore: inputs.communityScore, members: inputs.members },
    {
      policy: changes.policy as InsurancePolicyPatch | undefined,
      outlay: changes.outlay,
      communityScore: changes.score,
      memberScores: Object.fromEntries((changes.memberScores ?? []).filter((m) => m.score !== undefined).map((m) => [m.organizationId, m.score!])),
      memberPopulations: Object.fromEntries((changes.memberScores ?? []).filter((m) => m.population !== undefined).map((m) => [m.organizationId, m.population!])),
    });
  const names = new Map(inputs.members.map((m) => [m.organizationId, m.organizationName]));
  const d = c.differences;
  return {
    actual: side(c.actual),
    scenario: side(c.scenario),
    differences: { budget: d.budget, riskReserve: d.riskReserve, outlay: d.outlay, difference: d.surplus, retained: d.retained, returnedToFund: d.returnedToFund, overspend: d.overspend, fundBears: d.fundBears, communityBears: d.communityBears },
    members: d.members.map((m) => ({ ...m, organizationName: names.get(m.organizationId) ?? '' })),
  };
}

/** POST /insurance/what-if: the comparison of unsaved changes (the scenario editor's live view). */
export async function whatIf(ctx: AppContext, actor: Actor, input: Omit<ScenarioRequest, 'id' | 'name'>) {
  await authorizeCommunity(ctx, actor, 'insurance.read', input.communityId);
  return compare(ctx, actor, input.communityId, input.year, input.changes);
}

/** POST /insurance/scenarios: saves a named scenario (idempotent on its id), checked by settling it. */
export async function saveScenario(ctx: AppContext, actor: Actor, input: ScenarioRequest): Promise<ScenarioView> {
  await authorizeCommunity(ctx, actor, 'insurance.write', input.communityId);
  const comparison = await compare(ctx, actor, input.communityId, input.year, input.changes);
  const id = input.id ?? randomUUID();
  const row = await ctx.db.transaction(async (tx) => {
    const saved = await repo.insertScenario(tx, { communityId: input.communityId, id, year: input.year, name: input.name, changes: input.changes, userId: actor.userId, username: actor.username, at: ctx.clock.now() });
    if (!saved) {
      const existing = await repo.findScenario(tx, requirePermission(actor, 'insurance.write'), id);
      if (!existing || existing.name !== input.name || existing.year !== input.year || JSON.stringify(existing.changes) !== JSON.stringify(input.changes)) {
        throw new DomainError('IDEMPOTENCY_MISMATCH', '该 id 已用于另一个情景', { id });
      }
      return existing;
    }
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'insurance.scenario', resourceType: 'insurance_scenario', resourceId: id, details: { year: input.year, name: input.name } });
    return saved;
  });
  return { ...row, ...comparison };
}

export async function getScenario(ctx: AppContext, actor: Actor, id: string): Promise<ScenarioView> {
  const s = await repo.findScenario(ctx.db, requirePermission(actor, 'insurance.read'), id);
  if (!s) throw new DomainError('NOT_FOUND', '情景不存在');
  return { ...s, ...(await compare(ctx, actor, s.communityId, s.year, s.changes as Changes)) };
}

export async function listScenarios(ctx: AppContext, actor: Actor, communityId: string, year: number | undefined) {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  return { items: (await repo.listScenarios(ctx.db, communityId, year ?? null)).map(({ id, name, year: y, createdBy, createdAt }) => ({ id, name, year: y, createdBy, createdAt })) };
}
