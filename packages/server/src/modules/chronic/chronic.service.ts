import { randomUUID } from 'node:crypto';
import { DEFAULT_RULE_SET, DomainError, ageOn, classifyFollowUp, scopeFilter, type Actor } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { EnrollmentRequest, FollowUpRequest, FollowUpResponse } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requireCommunityPermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findOrganizationRef, listOrganizationRefs } from '../org/index.ts';
import { requireResidentAccess } from '../residents/index.ts';
import * as repo from './chronic.repository.ts';
import { refreshChronicRates } from '../rate-summaries/index.ts';

const DIAGNOSIS: Record<'hypertension' | 'diabetes', string> = { hypertension: 'I10', diabetes: 'E11.9' };

/** Enrols a resident in the hypertension or type-2 diabetes registry (one open enrolment per disease). */
export async function enroll(ctx: AppContext, actor: Actor, input: EnrollmentRequest) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, input.residentId, 'resident.update', ctx.clock.now());
    authorize(actor, 'care.write', { communityId: row.community_id, organizationId: input.organizationId, regionCode: row.region_code });
    if (!(await findOrganizationRef(tx, row.community_id, input.organizationId))) throw new DomainError('VALIDATION_FAILED', '管理机构不属于该医共体', { field: 'organizationId' });
    if (input.enrolledOn > businessDate(ctx.clock)) throw new DomainError('VALIDATION_FAILED', '纳入管理日期不能晚于今天', { field: 'enrolledOn' });
    if (input.enrolledOn < row.birth_date) throw new DomainError('VALIDATION_FAILED', '纳入管理日期早于出生日期', { field: 'enrolledOn' });
    const open = await repo.openEnrollment(tx, row.community_id, row.id, input.disease);
    if (open) {
      if (input.id && open.id === input.id) return open; // a retried enrolment
      throw new DomainError('CONFLICT', '该居民已在管', { enrollmentId: open.id });
    }
    const id = input.id ?? randomUUID();
    await repo.insertEnrollment(tx, { communityId: row.community_id, id, residentId: row.id, disease: input.disease, enrolledOn: input.enrolledOn, organizationId: input.organizationId, doctorId: actor.userId, riskLevel: input.riskLevel ?? null });
    await refreshChronicRates(tx, row.community_id, [id]);
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'chronic.enroll', resourceType: 'chronic_enrollment', resourceId: id, residentId: row.id, details: { disease: input.disease } });
    return (await repo.findEnrollment(tx, row.community_id, id))!;
  });
}

/**
 * An enrolment by id, read in the caller's community (one shard on Citus), or for a region scope in
 * the enrolment's. Every use changes it, which needs the resident in scope: one outside is not found.
 */
export async function findEnrollmentInScope(sql: Sql, actor: Actor, id: string): Promise<repo.EnrollmentRow | null> {
  const communityId = await communityForId(actor, id, () => repo.enrollmentCommunity(sql, id));
  return communityId ? repo.findEnrollment(sql, communityId, id) : null;
}

async function requireEnrollment(sql: Sql, actor: Actor, id: string, now: Date) {
  const e = await findEnrollmentInScope(sql, actor, id);
  if (!e) throw new DomainError('NOT_FOUND', '慢病管理档案不存在');
  const { row } = await requireResidentAccess(sql, actor, e.resident_id, 'resident.update', now);
  authorize(actor, 'care.write', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
  return { e, resident: row };
}

/**
 * Records a follow-up: classification and next step by the pure `nphss-3` rule set
 * (docs/domain/chronic.md), the next due date stored on the enrolment, and for urgent cases a proposed
 * green-channel up-referral to the lead hospital. Idempotent on the client id.
 */
export async function recordFollowUp(ctx: AppContext, actor: Actor, input: FollowUpRequest): Promise<FollowUpResponse> {
  const now = ctx.clock.now();
  if (input.date > businessDate(ctx.clock)) throw new DomainError('VALIDATION_FAILED', '随访日期不能晚于今天', { field: 'date' });
  return ctx.db.transaction(async (tx) => {
    const { e, resident } = await requireEnrollment(tx, actor, input.enrollmentId, now);
    if (e.ended_on) throw new DomainError('CONFLICT', '该慢病管理已结案');
    if (input.date < e.enrolled_on) throw new DomainError('VALIDATION_FAILED', '随访日期早于纳入管理日期', { field: 'date' });
    const id = input.id ?? randomUUID();
    const prior = (await repo.followUpsOf(tx, e.community_id, [e.id])).find((f) => f.id === id);
    if (prior) {
      // A retried submission: answer with what was stored, change nothing.
      const stored = { classification: prior.classification, controlled: prior.controlled, nextStep: prior.nextStep, nextDueDate: prior.nextDueDate, urgentReasons: prior.urgentReasons } as Pick<FollowUpResponse, 'classification' | 'controlled' | 'nextStep' | 'nextDueDate' | 'urgentReasons'>;
      return { id, enrollmentId: e.id, date: prior.date, way: prior.way, ...stored, ruleSet: DEFAULT_RULE_SET, referralProposal: await referralProposal(tx, e, resident.community_id, stored.nextStep, stored.urgentReasons) };
    }
    const previous = await repo.lastFollowUp(tx, e.community_id, e.id);
    const result = classifyFollowUp({
      disease: e.disease, date: input.date, age: ageOn(e.birth_date, input.date), way: input.way, sbp: input.sbp, dbp: input.dbp,
      fastingGlucose: input.fastingGlucose, heartRate: input.heartRate, temperature: input.temperature, symptoms: input.symptoms,
      adverseReaction: input.adverseReaction, complication: input.complication, pregnantOrLactating: input.pregnantOrLactating,
      previous: (previous?.classification ?? null) as never,
    });
    await repo.insertFollowUp(tx, {
      community_id: e.community_id, id, enrollment_id: e.id, resident_id: e.resident_id, date: input.date, way: input.way, sbp: input.sbp ?? null,
      dbp: input.dbp ?? null, fasting_glucose: input.fastingGlucose ?? null, heart_rate: input.heartRate ?? null, temperature: input.temperature ?? null,
      weight: input.weight ?? null, symptoms: input.symptoms, adverse_reaction: input.adverseReaction, complication: input.complication,
      pregnant_or_lactating: input.pregnantOrLactating ?? null, classification: result.classification, controlled: result.controlled,
      next_step: result.nextStep, next_due_date: result.nextDueDate, urgent_reasons: result.urgentReasons, rule_set: result.ruleSet,
      organization_id: actor.organizationId, recorded_by: actor.userId, client_recorded_at: input.clientRecordedAt ?? null,
    });
    await refreshChronicRates(tx, e.community_id, [e.id]);
    if (!previous || input.date >= previous.date) await repo.setNextDue(tx, e.community_id, e.id, result.nextDueDate, result.classification);
    await recordAudit(tx, actor, { communityId: e.community_id, action: 'chronic.follow_up', resourceType: 'chronic_follow_up', resourceId: id, residentId: e.resident_id, details: { classification: result.classification, nextStep: result.nextStep } });
    const proposal = await referralProposal(tx, e, resident.community_id, result.nextStep, result.urgentReasons);
    return { id, enrollmentId: e.id, date: input.date, way: input.way, ...result, referralProposal: proposal };
  });
}

/** docs/domain/chronic.md: urgent → propose a green-channel up-referral; two unsatisfactory or a complication → a routine one. */
async function referralProposal(sql: Sql, e: repo.EnrollmentRow, communityId: string, nextStep: string, reasons: string[]): Promise<FollowUpResponse['referralProposal']> {
  if (nextStep !== 'urgent_referral' && nextStep !== 'referral_2w') return null;
  const lead = (await listOrganizationRefs(sql, communityId)).find((o) => o.kind === 'lead_hospital');
  if (!lead) return null;
  const urgent = nextStep === 'urgent_referral';
  return {
    direction: 'up', priority: urgent ? 'green_channel' : 'routine', toOrganizationId: lead.id, toOrganizationName: lead.name,
    diagnoses: [{ code: DIAGNOSIS[e.disease], primary: true }],
    reason: urgent ? `随访发现紧急情况：${reasons.join('、')}` : e.disease === 'hypertension' ? '连续两次血压控制不满意或出现并发症' : '连续两次血糖控制不满意或出现并发症',
  };
}

export async function residentChronic(ctx: AppContext, actor: Actor, residentId: string) {
  const { row } = await requireResidentAccess(ctx.db, actor, residentId, 'resident.read', ctx.clock.now());
  const list = await repo.enrollmentsOfResident(ctx.db, row.community_id, row.id);
  const followUps = await repo.followUpsOf(ctx.db, row.community_id, list.map((e) => e.id));
  return list.map((e) => ({ ...e, followUps: followUps.filter((f) => f.enrollmentId === e.id) }));
}

/** The work lists of a unit: due today (and the coming week) and overdue with call outcomes. */
export async function workList(ctx: AppContext, actor: Actor, kind: 'due' | 'overdue', days = 7) {
  const { communityId } = requireCommunityPermission(actor, 'care.write');
  const f = scopeFilter(actor, 'resident.list');
  const today = businessDate(ctx.clock);
  if (kind === 'overdue') return repo.overdue(ctx.db, communityId, f.organizationIds, today, 500);
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return repo.due(ctx.db, communityId, f.organizationIds, today, to, 500);
}

/** A call about an overdue follow-up; "moved" or "died" ends the enrolment (docs/domain/chronic.md). */
export async function recordCall(ctx: AppContext, actor: Actor, enrollmentId: string, input: { calledOn: string; outcome: 'agreed_visit' | 'remind_later' | 'moved' | 'died'; note?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const { e } = await requireEnrollment(tx, actor, enrollmentId, ctx.clock.now());
    const id = randomUUID();
    await repo.insertCall(tx, { communityId: e.community_id, id, enrollmentId: e.id, calledOn: input.calledOn, outcome: input.outcome, note: input.note ?? null, recordedBy: actor.userId });
    if (input.outcome === 'moved' || input.outcome === 'died') await repo.endEnrollment(tx, e.community_id, e.id, input.calledOn, input.outcome === 'died' ? 'died' : 'moved');
    await refreshChronicRates(tx, e.community_id, [e.id]);
    await recordAudit(tx, actor, { communityId: e.community_id, action: 'chronic.call', resourceType: 'chronic_enrollment', resourceId: e.id, residentId: e.resident_id, details: input });
    return { id, ...input };
  });
}
