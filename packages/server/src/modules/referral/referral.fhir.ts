import type { Bundle, ServiceRequest, Task } from 'fhir/r4';
import type { ReferralView } from '@yigong/contracts';

/**
 * The FHIR R4 face of a referral (docs/domain/referral.md: a referral is a ServiceRequest; its fulfilment a
 * Task). Read-only; identifiers are the platform's ids.
 */
const REQUEST_STATUS: Record<ReferralView['status'], ServiceRequest['status']> = {
  draft: 'draft', submitted: 'active', accepted: 'active', scheduled: 'active', arrived: 'active',
  completed: 'completed', rejected: 'revoked', redirected: 'revoked', cancelled: 'revoked',
};
const TASK_STATUS: Record<ReferralView['status'], Task['status']> = {
  draft: 'draft', submitted: 'requested', accepted: 'accepted', scheduled: 'ready', arrived: 'in-progress',
  completed: 'completed', rejected: 'rejected', redirected: 'rejected', cancelled: 'cancelled',
};
const PRIORITY: Record<ReferralView['priority'], ServiceRequest['priority']> = { routine: 'routine', urgent: 'urgent', green_channel: 'stat' };
const DIRECTION_TEXT: Record<ReferralView['direction'], string> = { up: '上转', down: '下转', out: '县外转诊' };
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const PICKUP = 'urn:yigong:referral:pickup-code';

export function toServiceRequest(r: ReferralView): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    meta: { lastUpdated: r.updatedAt },
    identifier: [{ system: PICKUP, value: r.pickupCode }],
    status: REQUEST_STATUS[r.status],
    intent: 'order',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }], text: '转诊' }],
    priority: PRIORITY[r.priority],
    code: { text: `${DIRECTION_TEXT[r.direction]}${r.toDepartmentName ?? r.toDepartment ? ` · ${r.toDepartmentName ?? r.toDepartment}` : ''}` },
    subject: { reference: `Patient/${r.residentId}`, display: r.residentName },
    authoredOn: r.createdAt,
    requester: { reference: `Organization/${r.fromOrganizationId}`, display: r.fromOrganizationName },
    performer: [{ reference: `Organization/${r.toOrganizationId}`, display: r.externalHospital ?? r.toOrganizationName }],
    reasonCode: r.diagnoses.map((d) => ({ coding: [{ system: ICD10, code: d.code, ...(d.name ? { display: d.name } : {}) }], text: d.primary ? '主要诊断' : '次要诊断' })),
    ...(r.parentReferralId ? { basedOn: [{ reference: `ServiceRequest/${r.parentReferralId}` }] } : {}),
    ...(r.slotStartsAt ? { occurrenceDateTime: r.slotStartsAt } : {}),
    note: [{ text: r.reason }, ...(r.pastHistory ? [{ text: `既往史：${r.pastHistory}` }] : []), ...(r.treatment ? [{ text: `已做治疗：${r.treatment}` }] : [])],
  };
}

export function toTask(r: ReferralView): Task {
  const last = r.history.at(-1);
  return {
    resourceType: 'Task',
    id: r.id,
    status: TASK_STATUS[r.status],
    businessStatus: { text: r.status },
    intent: 'order',
    priority: PRIORITY[r.priority],
    basedOn: [{ reference: `ServiceRequest/${r.id}` }],
    focus: { reference: `ServiceRequest/${r.id}` },
    for: { reference: `Patient/${r.residentId}`, display: r.residentName },
    authoredOn: r.createdAt,
    lastModified: last?.at ?? r.updatedAt,
    requester: { reference: `Organization/${r.fromOrganizationId}`, display: r.fromOrganizationName },
    owner: { reference: `Organization/${r.toOrganizationId}`, display: r.toOrganizationName },
    ...(r.rejectReason ? { statusReason: { text: r.rejectReason } } : {}),
    ...(r.outcome
      ? { output: [{ type: { text: '回转单' }, valueString: [r.outcome.diagnosis, r.outcome.keyResults, r.outcome.treatment, r.outcome.plan, r.outcome.rehabilitation].filter(Boolean).join('；') }] }
      : {}),
  };
}

export function searchBundle(resources: Task[], self: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: self }],
    entry: resources.map((resource) => ({ fullUrl: `Task/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}
