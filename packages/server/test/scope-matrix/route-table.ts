import { randomUUID } from 'node:crypto';
import { MATRIX_ECG, MATRIX_POLICY_YEAR, inDays, today } from './objects.ts';
import { placeLocation, type Need, type Place } from './world.ts';
import type { ListFilter, RouteEntry } from './route-entries.ts';

const need = (action: Need['action'], grain: Need['grain'], communityAccountsOnly = false): Need => ({ action, grain, ...(communityAccountsOnly ? { communityAccountsOnly } : {}) });
const year = new Date().getFullYear();
const month = `${year - 1}-06`;

/** `communityId=` alone (the community as a whole) and with `organizationId=` (the unit). */
function communityAndUnit(place: Place, extra: string, unitParam = 'organizationId'): ListFilter[] {
  return [
    { query: `communityId=${place.communityId}${extra}`, at: placeLocation(place, []) },
    { query: `communityId=${place.communityId}&${unitParam}=${place.orgId}${extra}`, at: placeLocation(place) },
  ];
}
const communityOnly = (extra = '') => (place: Place): ListFilter[] => [{ query: `communityId=${place.communityId}${extra}`, at: placeLocation(place, []) }];
/** A number as lower-case letters (department codes take no digits). */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
const referralBody = { reason: '矩阵测试', comment: '矩阵测试' };

/**
 * Every API and FHIR route of the OpenAPI description, keyed `METHOD path`: what it needs
 * (can.ts action and grain), how to get an object of each place, or why it is exempt. The scope
 * matrix fails when the description has a route this table does not name.
 */
export const ROUTE_TABLE: Record<string, RouteEntry> = {
  // ── exempt: no object of a scope to cross to ──
  'POST /api/v1/auth/login': { kind: 'exempt', reason: 'public: opens a session, names no object' },
  'POST /api/v1/auth/logout': { kind: 'exempt', reason: "ends the caller's own session" },
  'GET /api/v1/auth/me': { kind: 'exempt', reason: "the caller's own account" },
  'GET /api/v1/health': { kind: 'exempt', reason: 'public liveness probe, no data' },
  'GET /api/v1/icd10': { kind: 'exempt', reason: 'national ICD-10 reference data, the same for every community' },
  'GET /api/v1/indicators/definitions': { kind: 'exempt', reason: 'static indicator definitions, no community data' },
  'GET /api/v1/access-grants': { kind: 'exempt', reason: "the caller's own requests (which name another community by design) and the ones the caller may decide; no filter to cross with — deciding is in the matrix (POST /access-grants/{id}/{decision})" },
  'POST /api/v1/access-grants': { kind: 'exempt', reason: 'asks for access across scope by design (pending until the community approves; break-glass reviewed) — the grants it makes are objects of this matrix, their reads are in scope.int.test.ts' },

  // ── residents ──
  'GET /api/v1/residents': { kind: 'list', need: need('resident.list', 'unit'), filters: (p) => [
    { query: `communityId=${p.communityId}&limit=200`, at: placeLocation(p, []), narrows: true },
    { query: `organizationId=${p.orgId}&limit=200`, at: placeLocation(p) },
  ] },
  'POST /api/v1/residents': { kind: 'create', need: need('resident.create', 'unit'), target: 'unit', body: (c) => ({ idNumber: c.objects.idNumber(), name: '矩阵新建', communityId: c.place.communityId, organizationId: c.place.orgId }) },
  'GET /api/v1/residents/{id}': { kind: 'id', object: 'resident', need: need('resident.read', 'unit') },
  'PATCH /api/v1/residents/{id}': { kind: 'id', object: 'resident', need: need('resident.update', 'unit'), body: () => ({ address: '德清县武康街道矩阵路1号' }) },
  'GET /api/v1/residents/{id}/access-log': { kind: 'id', object: 'resident', need: need('resident.read', 'unit') },
  'GET /api/v1/residents/{id}/contracts': { kind: 'id', object: 'resident', need: need('resident.read', 'unit') },
  'POST /api/v1/residents/{id}/observations': { kind: 'id', object: 'resident', need: need('resident.update', 'unit'), body: () => ({ id: randomUUID(), kind: 'weight', value: 61.5, observedAt: new Date().toISOString() }) },
  'POST /api/v1/residents/{id}/problems': { kind: 'id', object: 'resident', need: need('resident.update', 'unit'), body: () => ({ id: randomUUID(), code: 'E11' }) },
  'POST /api/v1/residents/{id}/reveal-id': { kind: 'id', object: 'resident', need: need('resident.reveal_id', 'unit'), body: () => ({ purpose: '矩阵核对身份' }) },
  'POST /api/v1/residents/{id}/transfer': { kind: 'id', object: 'resident', fresh: true, need: need('resident.transfer', 'unit'), body: (c) => ({ toCommunityId: c.place.otherCommunityId, toOrganizationId: c.place.otherCommunityUnitId, reason: '迁居外县' }) },
  'GET /api/v1/duplicate-candidates': { kind: 'unfiltered', need: need('resident.candidates', 'community') },
  'POST /api/v1/duplicate-candidates/resolve': { kind: 'exempt', reason: 'names a pair of residents, not one object of a place; the seeded duplicate candidates lie in the first community only (resolve authorizes resident.candidates on the community of the pair)' },

  // ── chronic disease ──
  'GET /api/v1/chronic/residents/{id}': { kind: 'id', object: 'resident', need: need('resident.read', 'unit') },
  'POST /api/v1/chronic/enrollments': { kind: 'create', need: need('care.write', 'unit'), target: 'unit', body: async (c) => ({ id: randomUUID(), residentId: await c.objects.resident(c.place), disease: 'diabetes', enrolledOn: today(), organizationId: c.place.orgId, riskLevel: 'low' }) },
  'POST /api/v1/chronic/enrollments/{id}/calls': { kind: 'id', object: 'enrollment', need: need('care.write', 'unit'), body: () => ({ calledOn: today(), outcome: 'remind_later', note: '矩阵测试' }) },
  'POST /api/v1/chronic/followups': { kind: 'create', need: need('care.write', 'unit'), target: 'unit', body: async (c) => ({ id: randomUUID(), enrollmentId: (await c.objects.get('enrollment', c.place, false))!.id, date: today(), way: 'phone', sbp: 128, dbp: 82, symptoms: ['none'], adverseReaction: false, complication: false }) },
  'POST /api/v1/chronic/prescriptions': { kind: 'create', need: need('care.write', 'unit'), target: 'unit', inScope: 'party rules', body: async (c) => ({ id: randomUUID(), enrollmentId: (await c.objects.get('enrollment', c.place, false))!.id, weeks: 4, medicines: [{ name: '氨氯地平片', dose: '5mg 每日一次', quantity: 28 }] }) },
  'GET /api/v1/chronic/worklist': { kind: 'unfiltered', need: need('care.write', 'unit', true) },
  'GET /api/v1/chronic/rates': { kind: 'list', aggregate: true, need: need('rates.read', 'unit'), filters: (p) => communityAndUnit(p, `&year=${year}`) },
  'GET /api/v1/chronic/rates/by-unit': { kind: 'list', aggregate: true, need: need('rates.read', 'unit'), filters: communityOnly(`&year=${year}`) },

  // ── family doctor ──
  'GET /api/v1/contracts': { kind: 'list', need: need('resident.list', 'unit', true), filters: async (p, o) => [
    { query: `teamId=${(await o.one('select id from fd_team where community_id = $1 and organization_id = $2 limit 1', [p.communityId, p.orgId]))!}&limit=100`, at: placeLocation(p) },
  ] },
  'POST /api/v1/contracts': { kind: 'create', need: need('care.write', 'unit'), target: 'unit', inScope: 'party rules', body: async (c) => {
    const team = (await c.objects.one('select id from fd_team where community_id = $1 and organization_id = $2 limit 1', [c.place.communityId, c.place.orgId]))!;
    const pkg = (await c.objects.one(`select id from fd_package where community_id = $1 and population = 'general' order by id limit 1`, [c.place.communityId]))!;
    return { id: randomUUID(), residentId: await c.objects.resident(c.place), teamId: team, packageIds: [pkg], startsOn: today() };
  } },
  'GET /api/v1/contracts/{id}': { kind: 'id', object: 'contract', need: need('resident.read', 'unit') },
  'POST /api/v1/contracts/{id}/renew': { kind: 'id', object: 'contract', fresh: true, inScope: 'party rules', need: need('care.write', 'unit') },
  'POST /api/v1/contracts/{id}/services': { kind: 'id', object: 'contract', need: need('care.write', 'unit'), body: async (c) => ({
    id: randomUUID(), deliveredOn: today(), note: '矩阵测试',
    itemId: (await c.objects.one(`select i.id from fd_contract_package cp join fd_package_item i on i.community_id = cp.community_id and i.package_id = cp.package_id
      where cp.community_id = $1 and cp.contract_id = $2 order by i.id limit 1`, [c.place.communityId, c.id]))!,
  }) },
  'POST /api/v1/contracts/{id}/terminate': { kind: 'id', object: 'contract', fresh: true, need: need('care.write', 'unit'), body: () => ({ reason: 'resident_request', terminatedOn: today(), note: '矩阵测试' }) },
  'GET /api/v1/family-doctor/packages': { kind: 'list', need: need('reference.read', 'community'), filters: communityOnly() },
  'POST /api/v1/family-doctor/packages': { kind: 'create', need: need('team.manage', 'community'), target: 'community', body: (c) => ({
    communityId: c.place.communityId, code: `mx${c.n}`, name: `矩阵包${c.n}`, population: 'general', priceFen: 0, insuranceFen: 0, publicHealthFen: 0, financeFen: 0, residentFen: 0,
    items: [{ code: 'mx_check', name: '健康评估', timesPerYear: 1 }],
  }) },
  'GET /api/v1/family-doctor/rates': { kind: 'list', aggregate: true, need: need('rates.read', 'unit'), filters: (p) => communityAndUnit(p, '') },
  'GET /api/v1/family-doctor/teams': { kind: 'list', need: need('org.read', 'community'), filters: communityOnly() },
  'POST /api/v1/family-doctor/teams': { kind: 'create', need: need('team.manage', 'unit'), target: 'unit', body: async (c) => ({
    communityId: c.place.communityId, organizationId: c.place.orgId, name: `矩阵团队${c.n}`,
    members: [{ practitionerId: (await c.objects.get('practitioner', c.place, false))!.id, role: 'village_doctor' }],
  }) },

  // ── organisations and staff ──
  'GET /api/v1/communities': { kind: 'unfiltered', need: need('community.read', 'community') },
  'GET /api/v1/communities/{id}': { kind: 'id', object: 'community', need: need('community.read', 'community') },
  'GET /api/v1/organizations': { kind: 'list', need: need('org.read', 'community'), filters: (p) => [
    { query: `communityId=${p.communityId}&limit=200`, at: placeLocation(p, []) },
    { query: `parentId=${p.townshipId}`, at: placeLocation(p, []) },
  ] },
  'POST /api/v1/organizations': { kind: 'create', need: need('org.write', 'community'), target: 'community', body: (c) => ({ communityId: c.place.communityId, kind: 'village_clinic', name: `矩阵村卫生室${c.n}`, parentId: c.place.townshipId }) },
  'GET /api/v1/organizations/{id}': { kind: 'id', object: 'organization', need: need('org.read', 'community') },
  'PATCH /api/v1/organizations/{id}': { kind: 'id', object: 'organization', need: need('org.write', 'unit'), body: () => ({ phone: '0572-8888888' }) },
  'GET /api/v1/grids': { kind: 'list', need: need('org.read', 'community'), filters: communityOnly() },
  'POST /api/v1/grids': { kind: 'create', need: need('org.write', 'community'), target: 'community', body: (c) => ({ id: randomUUID(), communityId: c.place.communityId, name: `矩阵网格${c.n}` }) },
  'POST /api/v1/departments': { kind: 'create', need: need('org.write', 'unit'), target: 'unit', body: (c) => ({ id: randomUUID(), communityId: c.place.communityId, organizationId: c.place.orgId, code: `mx_${letters(c.n)}`, name: `矩阵科室${c.n}` }) },
  'GET /api/v1/practitioners': { kind: 'list', need: need('staff.read', 'community'), filters: (p) => [
    { query: `communityId=${p.communityId}&limit=200`, at: placeLocation(p, []) },
    { query: `organizationId=${p.orgId}`, at: placeLocation(p, []) },
  ] },
  'POST /api/v1/practitioners': { kind: 'create', need: need('staff.write', 'unit'), target: 'unit', body: (c) => ({ id: randomUUID(), communityId: c.place.communityId, organizationId: c.place.orgId, name: `矩阵医生${c.n}`, title: 'village_doctor' }) },
  'GET /api/v1/practitioners/{id}': { kind: 'id', object: 'practitioner', need: need('staff.read', 'community') },
  'PATCH /api/v1/practitioners/{id}': { kind: 'id', object: 'practitioner', need: need('staff.write', 'unit'), body: () => ({ phone: '13900000001' }) },
  'POST /api/v1/practitioners/{id}/assignments': { kind: 'id', object: 'practitioner', need: need('staff.write', 'unit'), body: (c) => ({ id: randomUUID(), organizationId: c.place.townshipId, kind: 'dispatch', startsOn: inDays(c.n), endsOn: inDays(c.n) }) },

  // ── accounts and audit ──
  'GET /api/v1/accounts': { kind: 'unfiltered', need: need('account.manage', 'community') },
  'POST /api/v1/accounts': { kind: 'create', need: need('account.manage', 'unit'), target: 'unit', body: (c) => ({ username: `matrix.new${c.n}`, password: 'Matrix-2026-new!', displayName: '矩阵新账号', role: 'village_doctor', scopeKind: 'organization', communityId: c.place.communityId, organizationId: c.place.orgId }) },
  'POST /api/v1/accounts/{id}/revoke-sessions': { kind: 'id', object: 'account', need: need('account.manage', 'unit') },
  'POST /api/v1/accounts/{id}/unlock': { kind: 'id', object: 'account', need: need('account.manage', 'unit') },
  'GET /api/v1/audit': { kind: 'list', need: need('audit.read', 'community'), actorFields: ['organizationId', 'organizationName'], filters: async (p, o) => [
    { query: `communityId=${p.communityId}`, at: placeLocation(p, []) },
    { query: `residentId=${(await o.referral(p)).residentId}`, at: placeLocation(p, []) },
  ] },

  // ── grants and break-glass review ──
  'POST /api/v1/access-grants/{id}/{decision}': { kind: 'id', object: 'pendingGrant', fresh: true, need: need('grant.approve', 'community'), params: { decision: 'reject' } },
  'GET /api/v1/break-glass': { kind: 'list', need: need('grant.review', 'community'), filters: communityOnly() },
  'POST /api/v1/break-glass/{id}/review': { kind: 'id', object: 'breakGlassGrant', need: need('grant.review', 'community'), body: () => ({ outcome: 'reviewed', note: '已核实急诊记录' }) },

  // ── scheduling ──
  'GET /api/v1/resources': { kind: 'list', need: need('schedule.read', 'community'), filters: (p) => [{ query: `organizationId=${p.leadId}`, at: placeLocation(p, []) }] },
  'POST /api/v1/resources': { kind: 'create', need: need('schedule.manage', 'unit'), target: 'unit', body: (c) => ({ id: randomUUID(), communityId: c.place.communityId, organizationId: c.place.orgId, type: 'clinic', name: `矩阵诊室${c.n}` }) },
  'POST /api/v1/resources/{id}/rules': { kind: 'id', object: 'resource', need: need('schedule.manage', 'unit'), body: () => ({ weekdays: [2], startTime: '08:00', endTime: '09:00', capacity: 2, validFrom: today() }) },
  'POST /api/v1/resources/{id}/exceptions': { kind: 'id', object: 'resource', need: need('schedule.manage', 'unit'), body: () => ({ onDate: `${year + 1}-01-02`, capacity: 0, note: '矩阵测试' }) },
  'PUT /api/v1/reservation-policies': { kind: 'create', need: need('schedule.manage', 'unit'), target: 'unit', body: (c) => ({ communityId: c.place.communityId, organizationId: c.place.orgId, resourceType: 'clinic', sharePct: 30, releaseHoursBefore: 24 }) },
  'GET /api/v1/slots': { kind: 'list', need: need('schedule.read', 'community'), filters: (p) => [{ query: `organizationId=${p.leadId}&from=${today()}&to=${today()}`, at: placeLocation(p, []) }] },
  'POST /api/v1/bookings': { kind: 'create', need: need('booking.create', 'unit'), target: 'unit', body: async (c) => ({ id: randomUUID(), slotId: await c.objects.slot(c.place), residentId: await c.objects.resident(c.place), channel: 'public' }) },
  'POST /api/v1/bookings/{id}/cancel': { kind: 'id', object: 'booking', fresh: true, need: need('booking.create', 'unit') },

  // ── referral ──
  'GET /api/v1/referrals': { kind: 'list', need: need('referral.read', 'unit'), filters: async (p, o) => {
    const r = await o.referral(p);
    return [{ query: `residentId=${r.residentId}`, at: r.at }];
  } },
  'POST /api/v1/referrals': { kind: 'create', need: need('referral.create', 'unit'), target: 'unit', body: async (c) => ({ id: randomUUID(), residentId: await c.objects.resident(c.place), direction: 'up', toOrganizationId: c.place.hospitalId, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }] }) },
  'GET /api/v1/referrals/{id}': { kind: 'id', object: 'referral', need: need('referral.read', 'unit') },
  'GET /api/v1/referrals/{id}/slip.pdf': { kind: 'id', object: 'referral', need: need('referral.read', 'unit') },
  // A referral or a diagnostic order (src/app/fhir-service-request.routes.ts): tried on both.
  'GET /fhir/ServiceRequest/{id}': { kind: 'id', object: 'referral', need: need('referral.read', 'unit'), also: [{ object: 'reportedOrder', need: need('diagnostics.read', 'unit') }] },
  'GET /fhir/Task': { kind: 'list', need: need('referral.read', 'unit'), filters: async (p, o) => {
    const r = await o.referral(p);
    return [{ query: `based-on=ServiceRequest/${r.id}`, at: r.at }];
  } },
  ...Object.fromEntries(['accept', 'arrive', 'cancel', 'complete', 'redirect', 'reject', 'schedule'].map((a) => [`POST /api/v1/referrals/{id}/${a}`, {
    kind: 'id', object: 'referral', inScope: 'party rules', need: need('referral.read', 'unit'), body: () => referralBody,
  } satisfies RouteEntry])),
  'POST /api/v1/referrals/{id}/follow-up': { kind: 'id', object: 'referral', inScope: 'party rules', need: need('referral.read', 'unit'), body: () => ({ date: today(), diagnosis: 'I10', plan: '继续随访', sbp: 130, dbp: 80 }) },
  'GET /api/v1/referral-catalogue': { kind: 'list', need: need('reference.read', 'community'), filters: communityOnly() },
  'PUT /api/v1/referral-catalogue': { kind: 'create', need: need('referral.catalogue', 'community'), target: 'community', body: (c) => ({ communityId: c.place.communityId, level: 'grassroots', codeFrom: 'K50', codeTo: 'K52', rule: 'refer_up', note: '矩阵测试' }) },
  'DELETE /api/v1/referral-catalogue/{id}': { kind: 'id', object: 'catalogueEntry', fresh: true, need: need('referral.catalogue', 'community'), query: (p) => `communityId=${p.communityId}` },

  // ── encounters and indicators ──
  'GET /api/v1/encounters': { kind: 'list', need: need('indicator.read', 'unit'), filters: (p) => communityAndUnit(p, `&period=${month}`) },
  'POST /api/v1/encounters:ingest': { kind: 'create', need: need('encounter.ingest', 'community'), target: 'community', inScope: 'party rules', contentType: 'application/x-ndjson',
    query: (p) => `communityId=${p.communityId}`, body: () => '' },
  'GET /api/v1/indicators': { kind: 'list', aggregate: true, need: need('indicator.read', 'unit'), filters: (p) => communityAndUnit(p, `&period=${month}`) },
  'GET /api/v1/indicators/by-unit': { kind: 'list', aggregate: true, need: need('indicator.read', 'unit'), filters: communityOnly(`&period=${month}`) },
  'GET /api/v1/indicators/series': { kind: 'list', aggregate: true, need: need('indicator.read', 'unit'), filters: (p) => communityAndUnit(p, `&from=${year - 1}-01&to=${month}`) },

  // ── diagnostics (issue #13): orders of a place's unit, read at its community's lead hospital ──
  'GET /api/v1/diagnostics/centres': { kind: 'list', need: need('reference.read', 'community'), filters: communityOnly() },
  'GET /api/v1/diagnostics/items': { kind: 'list', need: need('reference.read', 'community'), filters: communityOnly() },
  'POST /api/v1/diagnostics/orders': { kind: 'create', need: need('diagnostics.order', 'unit'), target: 'unit', body: async (c) => ({ id: randomUUID(), residentId: await c.objects.resident(c.place), itemCode: 'PATH-BIOPSY', priority: 'routine', reason: '矩阵测试', orderingOrganizationId: c.place.orgId }) },
  'GET /api/v1/diagnostics/orders': { kind: 'list', need: need('diagnostics.read', 'unit'), filters: async (p, o) => {
    const r = await o.get('reportedOrder', p, false);
    return [{ query: `residentId=${(await o.one('select resident_id as id from diagnostic_order where id = $1', [r!.id]))!}`, at: r!.at }];
  } },
  'GET /api/v1/diagnostics/orders/{id}': { kind: 'id', object: 'diagnosticOrder', need: need('diagnostics.read', 'unit') },
  'POST /api/v1/diagnostics/orders/{id}/accept': { kind: 'id', object: 'diagnosticOrder', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit') },
  'POST /api/v1/diagnostics/orders/{id}/reject': { kind: 'id', object: 'diagnosticOrder', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ reason: '矩阵测试退回' }) },
  'POST /api/v1/diagnostics/orders/{id}/cancel': { kind: 'id', object: 'diagnosticOrder', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ reason: '矩阵测试撤销' }) },
  'POST /api/v1/diagnostics/orders/{id}/results': { kind: 'id', object: 'acceptedOrder', inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => MATRIX_ECG },
  'POST /api/v1/diagnostics/orders/{id}/report': { kind: 'id', object: 'resultedOrder', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ text: '窦性心律', conclusion: '正常心电图', critical: false }) },
  'POST /api/v1/diagnostics/orders/{id}/amend': { kind: 'id', object: 'reportedOrder', inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ text: '窦性心律', conclusion: '正常心电图', critical: false, reason: '矩阵更正' }) },
  'POST /api/v1/diagnostics/orders/{id}/acknowledge': { kind: 'id', object: 'reportedOrder', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/diagnostics/orders/{id}/ecg': { kind: 'id', object: 'resultedOrder', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/diagnostics/orders/{id}/files/{fileId}': { kind: 'id', object: 'studyFile', idParam: 'fileId', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/diagnostics/orders/{id}/files/{fileId}/frame': { kind: 'id', object: 'studyFile', idParam: 'fileId', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/diagnostics/recognition': { kind: 'list', need: need('diagnostics.read', 'unit'), filters: async (p, o) => {
    const r = await o.get('reportedOrder', p, false);
    return [{ query: `residentId=${(await o.one('select resident_id as id from diagnostic_order where id = $1', [r!.id]))!}&itemCode=ECG-12`, at: r!.at }];
  } },
  'POST /api/v1/diagnostics/recognition/use': { kind: 'create', need: need('diagnostics.order', 'unit'), target: 'unit', inScope: 'party rules', body: async (c) => {
    const r = (await c.objects.get('reportedOrder', c.place, false))!;
    return { id: randomUUID(), residentId: (await c.objects.one('select resident_id as id from diagnostic_order where id = $1', [r.id]))!, itemCode: 'ECG-12', recognisedOrderId: r.id };
  } },
  'GET /fhir/DiagnosticReport/{id}': { kind: 'id', object: 'reportedOrder', need: need('diagnostics.read', 'unit') },
  ...Object.fromEntries([['DiagnosticReport', 'reportedOrder'], ['Observation', 'reportedOrder'], ['ImagingStudy', 'imagingOrder']].map(([type, object]) => [`GET /fhir/${type}`, {
    kind: 'list', need: need('diagnostics.read', 'unit'), filters: async (p, o) => {
      const r = (await o.get(object as 'reportedOrder' | 'imagingOrder', p, false))!;
      return [{ query: `based-on=ServiceRequest/${r.id}`, at: r.at }];
    },
  } satisfies RouteEntry])),
  'GET /api/v1/diagnostics/indicators': { kind: 'list', aggregate: true, need: need('indicator.read', 'community'), filters: communityOnly(`&from=${inDays(-30)}&to=${inDays(0)}`) },
  // Remote consultation: asked by the place's unit of its lead hospital.
  'POST /api/v1/consultations': { kind: 'create', need: need('diagnostics.order', 'unit'), target: 'unit', inScope: 'party rules', body: async (c) => ({ id: randomUUID(), residentId: await c.objects.anyResident(c.place), consultantOrganizationId: c.place.leadId, urgency: 'routine', question: '矩阵测试：请协助判断是否需要上转' }) },
  'GET /api/v1/consultations': { kind: 'list', need: need('diagnostics.read', 'unit'), filters: async (p, o) => {
    const c = (await o.get('consultation', p, false))!;
    return [{ query: `residentId=${(await o.one('select resident_id as id from consultation where id = $1', [c.id]))!}`, at: c.at }];
  } },
  'GET /api/v1/consultations/{id}': { kind: 'id', object: 'consultation', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/consultations/{id}/attachments/{attachmentId}': { kind: 'id', object: 'consultationAttachment', idParam: 'attachmentId', need: need('diagnostics.read', 'unit') },
  'POST /api/v1/consultations/{id}/schedule': { kind: 'id', object: 'consultation', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }) },
  'POST /api/v1/consultations/{id}/decline': { kind: 'id', object: 'consultation', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ reason: '矩阵测试' }) },
  'POST /api/v1/consultations/{id}/cancel': { kind: 'id', object: 'consultation', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ reason: '矩阵测试' }) },
  'POST /api/v1/consultations/{id}/reschedule': { kind: 'id', object: 'scheduledConsultation', inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }) },
  'POST /api/v1/consultations/{id}/opinion': { kind: 'id', object: 'scheduledConsultation', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit'), body: () => ({ opinion: '矩阵测试意见：建议继续基层随访观察。' }) },
  'POST /api/v1/consultations/{id}/close': { kind: 'id', object: 'answeredConsultation', fresh: true, inScope: 'party rules', need: need('diagnostics.read', 'unit') },
  'GET /api/v1/critical-values': { kind: 'unfiltered', need: need('critical.ack', 'unit') },
  'POST /api/v1/critical-values/{id}/ack': { kind: 'id', object: 'criticalValue', inScope: 'party rules', need: need('critical.ack', 'unit'), body: () => ({ note: '矩阵测试' }) },
  'GET /api/v1/critical-values/stream': { kind: 'exempt', reason: "the caller's own signals (ids and stages), filtered by the audience rule of GET /critical-values, which is in the matrix; a stream never ends, so it is tested in diagnostics.int.test.ts" },

  // ── sterile supply (issue #13 item 6): the community's centre at its lead hospital ──
  'GET /api/v1/sterile/centre': { kind: 'list', need: need('sterile.read', 'community', true), filters: communityOnly() },
  'GET /api/v1/sterile/pack-types': { kind: 'list', need: need('sterile.read', 'community', true), filters: communityOnly() },
  'POST /api/v1/sterile/batches': { kind: 'exempt', reason: "names no target: the batch is made at the caller's own community's centre, by its staff only (a village doctor's 403 and bad input are in sterile.int.test.ts); the batches it makes are objects of this matrix" },
  'GET /api/v1/sterile/batches': { kind: 'unfiltered', need: need('sterile.read', 'unit', true) },
  'GET /api/v1/sterile/batches/{id}': { kind: 'id', object: 'sterileBatch', need: need('sterile.read', 'unit', true) },
  'POST /api/v1/sterile/batches/{id}/biological': { kind: 'id', object: 'heldBatch', fresh: true, inScope: 'party rules', need: need('sterile.process', 'unit', true), body: () => ({ pass: true }) },
  'GET /api/v1/sterile/packs': { kind: 'list', need: need('sterile.read', 'unit', true), filters: async (p, o) => {
    const pack = (await o.get('deliveredPack', p, false))!;
    return [{ query: `organizationId=${p.orgId}`, at: pack.at }];
  } },
  'GET /api/v1/sterile/packs/{barcode}': { kind: 'id', object: 'deliveredPack', idParam: 'barcode', need: need('sterile.read', 'unit', true) },
  'POST /api/v1/sterile/packs/{barcode}/use': { kind: 'id', object: 'deliveredPack', idParam: 'barcode', fresh: true, inScope: 'party rules', need: need('sterile.request', 'unit', true), body: async (c) => ({ residentId: await c.objects.anyResident(c.place) }) },
  'POST /api/v1/sterile/packs/{barcode}/return': { kind: 'id', object: 'deliveredPack', idParam: 'barcode', fresh: true, inScope: 'party rules', need: need('sterile.request', 'unit', true), body: () => ({ wrapIntact: true }) },
  'POST /api/v1/sterile/requests': { kind: 'exempt', reason: "names no target: the caller's own unit asks its own community's centre; the requests it makes are objects of this matrix" },
  'GET /api/v1/sterile/requests': { kind: 'unfiltered', need: need('sterile.read', 'unit', true) },
  'POST /api/v1/sterile/requests/{id}/deliver': { kind: 'id', object: 'sterileRequest', fresh: true, inScope: 'party rules', need: need('sterile.process', 'unit', true) },
  'POST /api/v1/sterile/requests/{id}/cancel': { kind: 'id', object: 'sterileRequest', fresh: true, inScope: 'party rules', need: need('sterile.request', 'unit', true), body: () => ({ reason: '矩阵测试' }) },

  // ── insurance (issue #12): community-level; the matrix gives every community a policy for MATRIX_POLICY_YEAR ──
  'GET /api/v1/insurance/policies/{communityId}/{year}': { kind: 'id', object: 'policyYear', idParam: 'communityId', params: { year: String(MATRIX_POLICY_YEAR) }, need: need('insurance.read', 'community') },
  'GET /api/v1/insurance/policies/{communityId}/{year}/versions': { kind: 'id', object: 'policyYear', idParam: 'communityId', params: { year: String(MATRIX_POLICY_YEAR) }, need: need('insurance.read', 'community') },
  'PUT /api/v1/insurance/policies/{communityId}/{year}': { kind: 'id', object: 'community', idParam: 'communityId', params: { year: String(MATRIX_POLICY_YEAR + 1) }, need: need('insurance.write', 'community'), body: () => ({ financing: 900_000_000, reason: '矩阵测试修改' }) },
  'GET /api/v1/insurance/budget': { kind: 'list', aggregate: true, need: need('insurance.read', 'community'), filters: async (p, objects) => (await objects.get('policyYear', p, false), communityOnly(`&year=${MATRIX_POLICY_YEAR}`)(p)) },
  'GET /api/v1/insurance/appraisal': { kind: 'list', aggregate: true, need: need('insurance.read', 'community'), filters: communityOnly(`&year=${year - 1}`) },
  'PUT /api/v1/insurance/appraisal/schemes/{communityId}/{year}': { kind: 'id', object: 'community', idParam: 'communityId', params: { year: String(MATRIX_POLICY_YEAR) }, need: need('insurance.write', 'community'), body: () => ({
    items: [{ code: 'signing', name: '家庭医生签约率', indicatorCode: 'signing_rate', weight: 100, floor: 0.2, target: 0.45, direction: 'higher' }], adjustments: [], reason: '矩阵测试方案',
  }) },
  'POST /api/v1/insurance/settlements': { kind: 'create', need: need('insurance.write', 'community'), target: 'community', body: async (c) => (await c.objects.get('policyYear', c.place, false), { communityId: c.place.communityId, year: MATRIX_POLICY_YEAR, score: 50 }) },
  'GET /api/v1/insurance/settlements': { kind: 'list', need: need('insurance.read', 'community'), filters: communityOnly() },
  'GET /api/v1/insurance/settlements/{id}': { kind: 'id', object: 'settlement', need: need('insurance.read', 'community') },
  // Party rules: the preparer may not confirm, and a year has one confirmed settlement.
  'POST /api/v1/insurance/settlements/{id}/confirm': { kind: 'id', object: 'settlement', fresh: true, inScope: 'party rules', need: need('insurance.confirm', 'community') },
  'POST /api/v1/insurance/dip/point-value': { kind: 'create', need: need('insurance.write', 'community'), target: 'community', inScope: 'party rules', body: (c) => ({ communityId: c.place.communityId, referenceYear: year - 1, period: String(year), budget: 100_000_000, adjustmentReserve: 0 }) },
  'POST /api/v1/insurance/drg/base-rate': { kind: 'create', need: need('insurance.write', 'community'), target: 'community', inScope: 'party rules', body: (c) => ({ communityId: c.place.communityId, referenceYear: year - 1, period: String(year), budget: 100_000_000 }) },
  'POST /api/v1/insurance/adjudicate': { kind: 'create', need: need('insurance.read', 'community'), target: 'community', body: async (c) => (await c.objects.get('policyYear', c.place, false), {
    communityId: c.place.communityId, orgCode: '浙江大学医学院附属第一医院', outOfCounty: true, type: 'inpatient', start: `${MATRIX_POLICY_YEAR}-05-01`, end: `${MATRIX_POLICY_YEAR}-05-09`, totalCost: 1_000_000, scheme: 'resident',
  }) },
  'POST /api/v1/insurance/what-if': { kind: 'create', need: need('insurance.read', 'community'), target: 'community', body: async (c) => (await c.objects.get('policyYear', c.place, false), { communityId: c.place.communityId, year: MATRIX_POLICY_YEAR, changes: { score: 50 } }) },
  'POST /api/v1/insurance/scenarios': { kind: 'create', need: need('insurance.write', 'community'), target: 'community', body: async (c) => (await c.objects.get('policyYear', c.place, false), { communityId: c.place.communityId, year: MATRIX_POLICY_YEAR, name: `矩阵情景${c.n}`, changes: { score: 50 } }) },
  'GET /api/v1/insurance/scenarios': { kind: 'list', need: need('insurance.read', 'community'), filters: communityOnly() },
  'GET /api/v1/insurance/scenarios/{id}': { kind: 'id', object: 'scenario', need: need('insurance.read', 'community') },
};
