import { randomUUID } from 'node:crypto';
import { DomainError, computeCapitationBudget, levelOfOrgKind, settleCapitation, type Actor, type OrganizationKind, type SettlementMember } from '@yigong/domain';
import type { SettlementRequest, SettlementView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listOrganizationRefs } from '../org/index.ts';
import { appraisal } from './appraisal.service.ts';
import { yearOutlay } from './budget.service.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { policyInForce } from './policy.service.ts';
import * as repo from './insurance.repository.ts';

type StoredResult = Omit<SettlementView, 'id' | 'communityId' | 'year' | 'status' | 'policyVersion' | 'scoreSource' | 'preparedBy' | 'preparedAt' | 'confirmedBy' | 'confirmedAt'>;

function view(r: repo.SettlementRow): SettlementView {
  const result = r.result as unknown as StoredResult;
  return { id: r.id, communityId: r.communityId, year: r.year, status: r.status, policyVersion: r.policyVersion, scoreSource: r.scoreSource, ...result,
    preparedBy: r.preparedBy, preparedAt: r.preparedAt, confirmedBy: r.confirmedBy, confirmedAt: r.confirmedAt };
}

/** Who shares the surplus and by what: every unit with its level, score and population served (issue #12 contract). */
export interface SettlementInputs {
  policyVersion: number;
  budget: number;
  riskReserve: number;
  outlay: number;
  communityScore: number;
  scoreSource: 'request' | 'appraisal';
  members: (SettlementMember & { organizationName: string; kind: string })[];
  policy: Awaited<ReturnType<typeof policyInForce>>['policy'];
}

/**
 * The year's settlement inputs: the policy in force and its budget, the outlay from the feed, the
 * scores given or else the appraisal's, the populations given or else the residents each unit
 * manages (a hospital serves the whole community's residents).
 */
export async function settlementInputs(ctx: AppContext, actor: Actor, input: SettlementRequest): Promise<SettlementInputs> {
  const { communityId, year } = input;
  const { version, policy } = await policyInForce(ctx.db, communityId, year);
  const capitation = computeCapitationBudget(policy);
  const [outlay, units, populations] = await Promise.all([yearOutlay(ctx.db, communityId, year), listOrganizationRefs(ctx.db, communityId), repo.residentsPerUnit(ctx.db, communityId)]);
  const known = new Set(units.map((u) => u.id));
  input.memberScores?.forEach((m, i) => {
    if (!known.has(m.organizationId)) throw new DomainError('VALIDATION_FAILED', '成员单位不属于本医共体', { field: `memberScores[${i}].organizationId` });
  });
  const given = new Map((input.memberScores ?? []).map((m) => [m.organizationId, m]));
  const needAppraisal = input.score === undefined || units.some((u) => levelOfOrgKind(u.kind as OrganizationKind) !== null && given.get(u.id)?.score === undefined);
  const scored = needAppraisal ? await appraisal(ctx, actor, communityId, year) : null;
  const appraised = new Map(scored?.members.map((m) => [m.organizationId, m.score]) ?? []);
  const everyone = [...populations.values()].reduce((a, b) => a + b, 0);
  const members = units
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((u) => {
      const level = levelOfOrgKind(u.kind as OrganizationKind);
      const g = given.get(u.id);
      return {
        organizationId: u.id, organizationName: u.name, kind: u.kind, level,
        score: g?.score ?? appraised.get(u.id) ?? 0,
        population: g?.population ?? (level === 'hospital' ? everyone : (populations.get(u.id) ?? 0)),
      };
    });
  return {
    policyVersion: version, budget: capitation.budget, riskReserve: capitation.riskReserve, outlay: outlay.all,
    communityScore: input.score ?? scored!.community.score,
    scoreSource: needAppraisal ? 'appraisal' : 'request',
    members, policy,
  };
}

/**
 * POST /insurance/settlements: settles the year (docs/domain/insurance.md §3–4) and saves it as a
 * draft with the policy version used; re-running gives another draft. Prepared by `insurance.write`.
 */
export async function prepareSettlement(ctx: AppContext, actor: Actor, input: SettlementRequest): Promise<SettlementView> {
  await authorizeCommunity(ctx, actor, 'insurance.write', input.communityId);
  const inputs = await settlementInputs(ctx, actor, input);
  const r = settleCapitation({ budget: inputs.budget, outlay: inputs.outlay, communityScore: inputs.communityScore, members: inputs.members, policy: inputs.policy });
  const names = new Map(inputs.members.map((m) => [m.organizationId, m]));
  const result: StoredResult = {
    communityScore: inputs.communityScore, retentionRatio: r.retentionRatio, budget: r.budget, outlay: r.outlay, difference: r.difference, retained: r.retained,
    returnedToFund: r.returnedToFund, overspend: r.overspend, fundBears: r.fundBears, communityBears: r.communityBears,
    members: r.members.map((m) => ({ organizationId: m.organizationId, organizationName: names.get(m.organizationId)!.organizationName, kind: names.get(m.organizationId)!.kind, level: m.level, score: m.score, population: m.population, share: m.share })),
  };
  const id = input.id ?? randomUUID();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertSettlement(tx, { communityId: input.communityId, id, year: input.year, policyVersion: inputs.policyVersion, scoreSource: inputs.scoreSource, result, userId: actor.userId, username: actor.username, at: ctx.clock.now() });
    if (!row) {
      // A retry of the same request returns the draft it made; another request with that id is refused.
      const existing = await repo.findSettlement(tx, requirePermission(actor, 'insurance.read'), id);
      if (!existing || existing.communityId !== input.communityId || existing.year !== input.year) throw new DomainError('IDEMPOTENCY_MISMATCH', '该 id 已用于另一份结算单', { id });
      return view(existing);
    }
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'insurance.settlement.prepare', resourceType: 'insurance_settlement', resourceId: row.id, details: { year: input.year, policyVersion: inputs.policyVersion, retained: r.retained, overspend: r.overspend } });
    return view(row);
  });
}

/** Confirms a draft: by `insurance.confirm` (the manager), never by the person who prepared it; one confirmed settlement a year. */
export async function confirmSettlement(ctx: AppContext, actor: Actor, id: string): Promise<SettlementView> {
  const found = await repo.findSettlement(ctx.db, requirePermission(actor, 'insurance.confirm'), id);
  if (!found) throw new DomainError('NOT_FOUND', '结算单不存在');
  await authorizeCommunity(ctx, actor, 'insurance.confirm', found.communityId);
  return ctx.db.transaction(async (tx) => {
    // Locked, so two confirmations of the same draft give one winner.
    const s = (await repo.lockSettlement(tx, found.communityId, id))!;
    if (s.status === 'confirmed') throw new DomainError('ILLEGAL_TRANSITION', '结算单已确认，不能再次确认', { status: s.status });
    if (s.preparedById === actor.userId) throw new DomainError('FORBIDDEN', '结算须由编制人以外的人确认（双人复核）');
    const other = await repo.confirmedSettlementOf(tx, s.communityId, s.year);
    if (other) throw new DomainError('CONFLICT', `${s.year} 年度已有确认的结算单`, { confirmedId: other });
    const row = await repo.confirmSettlement(tx, s.communityId, id, actor.userId, actor.username, ctx.clock.now());
    await recordAudit(tx, actor, { communityId: s.communityId, action: 'insurance.settlement.confirm', resourceType: 'insurance_settlement', resourceId: id, details: { year: s.year } });
    return view(row);
  });
}

export async function getSettlement(ctx: AppContext, actor: Actor, id: string): Promise<SettlementView> {
  const s = await repo.findSettlement(ctx.db, requirePermission(actor, 'insurance.read'), id);
  if (!s) throw new DomainError('NOT_FOUND', '结算单不存在');
  return view(s);
}

export async function listSettlements(ctx: AppContext, actor: Actor, communityId: string, year: number | undefined) {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  return { items: (await repo.listSettlements(ctx.db, communityId, year ?? null)).map((r) => { const { members: _m, ...rest } = view(r); return rest; }) };
}
