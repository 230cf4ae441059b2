import { DomainError, adjudicateClaim, isTransferWithinStay, levelOfOrgKind, type Actor, type BasicInsuranceScheme, type OrganizationKind, type StayEncounter } from '@yigong/domain';
import type { AdjudicateRequest, AdjudicationView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { listOrganizationRefs } from '../org/index.ts';
import { isApprovedOutReferral } from '../referral/index.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { policyInForce } from './policy.service.ts';

const SCHEMES: Record<AdjudicateRequest['scheme'], BasicInsuranceScheme> = { resident: 'urban_rural_resident', employee: 'urban_employee' };

/** The community an adjudication is for: the one named, or the caller's own. */
function communityOf(actor: Actor, input: AdjudicateRequest): string {
  if (input.communityId) return input.communityId;
  if (actor.scope.kind !== 'region') return actor.scope.communityId;
  throw new DomainError('VALIDATION_FAILED', '请用 communityId 指明医共体', { field: 'communityId' });
}

/**
 * POST /insurance/adjudicate (docs/domain/insurance.md "§7"): the encounter's reimbursement under
 * the policy in force in its year — the scheme × level × setting row, the out-of-county lowering
 * unless `referralId` is an approved out referral of the community, the deductible once for a
 * transfer within the group during one stay (`previousStay`). Costs are all eligible unless
 * `selfPayCost` says otherwise. A calculation: nothing is stored.
 */
export async function adjudicate(ctx: AppContext, actor: Actor, input: AdjudicateRequest): Promise<AdjudicationView> {
  const communityId = communityOf(actor, input);
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  const year = Number((input.end ?? input.start).slice(0, 4));
  const [{ policy }, units] = await Promise.all([policyInForce(ctx.db, communityId, year), listOrganizationRefs(ctx.db, communityId)]);
  const unit = units.find((u) => u.code === input.orgCode);
  if (!input.outOfCounty && !unit) throw new DomainError('VALIDATION_FAILED', `未知的机构编码：${input.orgCode}`, { field: 'orgCode' });
  const level = input.outOfCounty ? null : (levelOfOrgKind(unit!.kind as OrganizationKind) ?? 'hospital');
  if (input.end && input.end < input.start) throw new DomainError('VALIDATION_FAILED', 'end 早于 start', { field: 'end' });
  const inpatient = input.type === 'inpatient';
  const approvedOut = input.outOfCounty && inpatient && !!input.referralId && (await isApprovedOutReferral(ctx.db, communityId, input.referralId));
  const person = input.residentIdNumber ?? '';
  const next: StayEncounter = { residentIdNumber: person, orgCode: input.orgCode, type: input.type, outOfCounty: input.outOfCounty, start: input.start, end: input.end ?? null, referralId: input.referralId ?? null };
  const transfer = !!input.previousStay && isTransferWithinStay(
    { residentIdNumber: person, orgCode: input.previousStay.orgCode, type: 'inpatient', outOfCounty: false, start: input.previousStay.end, end: input.previousStay.end, referralId: input.previousStay.referralId ?? null }, next);
  const r = adjudicateClaim({
    totalCost: input.totalCost,
    selfPayCost: input.selfPayCost ?? 0,
    scheme: SCHEMES[input.scheme],
    level: level ?? 'hospital',
    inCounty: !input.outOfCounty,
    inpatient,
    hasApprovedOutReferral: approvedOut,
    deductibleAlreadyMetByTransfer: transfer,
    paidSoFarThisYear: input.paidSoFarThisYear ?? 0,
  }, policy);
  return {
    ...r,
    level: level ?? 'out_of_county',
    referral: !(input.outOfCounty && inpatient) ? 'not_applicable' : approvedOut ? 'approved_out' : 'none',
    transferWithinStay: transfer,
  };
}
