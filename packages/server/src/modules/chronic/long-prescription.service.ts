import { randomUUID } from 'node:crypto';
import { DomainError, longPrescriptionAllowed, type Actor } from '@yigong/domain';
import type { LongPrescriptionRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findOrganizationRef } from '../org/index.ts';
import { requireResidentAccess } from '../residents/index.ts';
import * as repo from './chronic.repository.ts';
import { findEnrollmentInScope } from './chronic.service.ts';

/**
 * Issues a prescription; more than 4 weeks is a long prescription, allowed only under the
 * docs/domain/chronic.md condition (satisfactory latest follow-up within 3 months, ≤ 12 weeks, at a township
 * or community centre) — decided by `longPrescriptionAllowed` in packages/domain.
 */
export async function issueLongPrescription(ctx: AppContext, actor: Actor, input: LongPrescriptionRequest) {
  return ctx.db.transaction(async (tx) => {
    const e = await findEnrollmentInScope(tx, actor, input.enrollmentId);
    if (!e) throw new DomainError('NOT_FOUND', '慢病管理档案不存在');
    const { row } = await requireResidentAccess(tx, actor, e.resident_id, 'resident.update', ctx.clock.now());
    if (!actor.organizationId) throw new DomainError('FORBIDDEN', '处方须由医疗机构的医生开具');
    authorize(actor, 'care.write', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
    const unit = await findOrganizationRef(tx, row.community_id, actor.organizationId);
    if (!unit) throw new DomainError('FORBIDDEN', '您所在机构不属于该居民的医共体');
    const today = businessDate(ctx.clock);
    const decision = longPrescriptionAllowed({ weeks: input.weeks, latest: await repo.lastFollowUp(tx, e.community_id, e.id), today, unitKind: unit.kind });
    if (!decision.ok) throw new DomainError('VALIDATION_FAILED', decision.reason, { field: 'weeks' });
    const id = input.id ?? randomUUID();
    await repo.insertLongPrescription(tx, { communityId: e.community_id, id, enrollmentId: e.id, residentId: e.resident_id, organizationId: unit.id, weeks: input.weeks, medicines: input.medicines, issuedOn: today, issuedBy: actor.userId });
    await recordAudit(tx, actor, { communityId: e.community_id, action: 'chronic.prescription', resourceType: 'long_prescription', resourceId: id, residentId: e.resident_id, details: { weeks: input.weeks } });
    return { id, enrollmentId: e.id, weeks: input.weeks, issuedOn: today, medicines: input.medicines };
  });
}
