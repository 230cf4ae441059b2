import { DEFAULT_INSURANCE_POLICY, DomainError, mergePolicy, validatePolicy, type Actor, type InsurancePolicy, type InsurancePolicyPatch } from '@yigong/domain';
import type { InsurancePolicyView, PolicyRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorizeCommunity } from './insurance-access.ts';
import * as repo from './insurance.repository.ts';

export interface PolicyInForce {
  version: number;
  policy: InsurancePolicy;
}

function view(communityId: string, year: number, v: repo.StoredVersion<InsurancePolicy>): InsurancePolicyView {
  // Stored parameters laid over today's defaults: a parameter added later reads as its default.
  return { communityId, year, version: v.version, ...mergePolicy(DEFAULT_INSURANCE_POLICY, v.body), reason: v.reason, changedBy: v.changedBy, changedAt: v.changedAt };
}

/** The policy in force for a community-year; a 400 naming `year` when it has none (issue #12 contract). */
export async function policyInForce(sql: Sql, communityId: string, year: number): Promise<PolicyInForce> {
  const v = await repo.currentVersion<InsurancePolicy>(sql, 'insurance_policy', communityId, year);
  if (!v) throw new DomainError('VALIDATION_FAILED', `${year} 年度尚未设置医保政策参数`, { field: 'year', year });
  return { version: v.version, policy: mergePolicy(DEFAULT_INSURANCE_POLICY, v.body) };
}

/** The policy of a community-year, or the defaults when it has none (DIP/DRG take parameters from it if present). */
export async function policyOrDefaults(sql: Sql, communityId: string, year: number): Promise<InsurancePolicy> {
  const v = await repo.currentVersion<InsurancePolicy>(sql, 'insurance_policy', communityId, year);
  return mergePolicy(DEFAULT_INSURANCE_POLICY, v?.body ?? {});
}

export async function getPolicy(ctx: AppContext, actor: Actor, communityId: string, year: number): Promise<InsurancePolicyView> {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  const v = await repo.currentVersion<InsurancePolicy>(ctx.db, 'insurance_policy', communityId, year);
  if (!v) throw new DomainError('NOT_FOUND', `${year} 年度尚未设置医保政策参数`, { field: 'year', year });
  return view(communityId, year, v);
}

export async function policyHistory(ctx: AppContext, actor: Actor, communityId: string, year: number) {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  const all = await repo.versions<InsurancePolicy>(ctx.db, 'insurance_policy', communityId, year);
  return { items: all.map((v) => ({ version: v.version, reason: v.reason, changedBy: v.changedBy, changedAt: v.changedAt, financing: v.body.financing ?? 0, budgetShare: mergePolicy(DEFAULT_INSURANCE_POLICY, v.body).budgetShare })) };
}

/**
 * PUT: a new version of the community-year's parameters. Omitted fields take their defaults (the
 * contract of issue #12; the editor always sends the whole policy). Checked whole by the domain
 * (a 400 naming the field), then stored with who and why, audited, in one transaction.
 */
export async function putPolicy(ctx: AppContext, actor: Actor, communityId: string, year: number, input: PolicyRequest): Promise<InsurancePolicyView> {
  const { reason, ...patch } = input;
  const policy = validatePolicy(mergePolicy(DEFAULT_INSURANCE_POLICY, patch as InsurancePolicyPatch));
  // Before the transaction: the region lookup reads through ctx.db (on PGlite, one connection).
  await authorizeCommunity(ctx, actor, 'insurance.write', communityId);
  return ctx.db.transaction(async (tx) => {
    const current = await repo.currentVersion<InsurancePolicy>(tx, 'insurance_policy', communityId, year);
    const version = (current?.version ?? 0) + 1;
    const { changedAt } = await repo.insertPolicyVersion(tx, { communityId, year, version, params: policy, reason, userId: actor.userId, username: actor.username, at: ctx.clock.now() });
    await recordAudit(tx, actor, { communityId, action: 'insurance.policy', resourceType: 'insurance_policy', resourceId: `${year}/${version}`, details: { year, version, reason, changed: changedFields(current ? mergePolicy(DEFAULT_INSURANCE_POLICY, current.body) : DEFAULT_INSURANCE_POLICY, policy) } });
    return view(communityId, year, { version, body: policy, reason, changedBy: actor.username, changedAt });
  });
}

/** Top-level parameters whose value changed (for the audit trail); key order aside (jsonb reorders keys). */
function changedFields(before: Readonly<InsurancePolicy>, after: InsurancePolicy): string[] {
  return (Object.keys(after) as (keyof InsurancePolicy)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
