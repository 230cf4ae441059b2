import { DomainError, can, contributionTo, drillDownOf, lengthOfStay, patientDisplay, periodMonths, type Actor, type DrillDown, type DrillDownProblem } from '@yigong/domain';
import type { EncounterListItem, EncounterListQuery, EncounterListResponse } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion, findOrganizationRef } from '../org/index.ts';
import * as repo from './encounter-list.repository.ts';

const PROBLEMS: Record<DrillDownProblem, string> = {
  unknown_indicator: '未知的指标编码',
  not_encounter_based: '该指标不由就诊记录统计（来自转诊、签约、慢病等模块），没有就诊明细',
  community_only: '该指标为居民口径，只在医共体层面统计，没有机构级明细',
};

/** The indicator part asked for, checked before anything is read (a bad input reads and writes nothing). */
function drillDownFor(q: EncounterListQuery): DrillDown | null {
  if (!q.indicator) {
    if (q.part) throw new DomainError('VALIDATION_FAILED', 'part 需与 indicator 一起使用', { field: 'part' });
    return null;
  }
  const d = drillDownOf(q.indicator, q.part ?? 'denominator', q.organizationId ? 'unit' : 'community');
  if (!d.ok) throw new DomainError('VALIDATION_FAILED', `${PROBLEMS[d.problem]}：${q.indicator}`, { field: 'indicator', problem: d.problem });
  return d.value;
}

/**
 * The encounters behind an indicator's numerator or denominator (docs/domain/indicators.md "Dashboard"
 * drill-down), or every encounter of the scope and period, newest first, one page with the total.
 *
 * Who may list: `indicator.read` within scope (can.ts) — the community's managers and admins, the
 * insurance centre, a unit-scoped account for its own units only, and the regulator (卫健委) for
 * the communities of its region. Rows carry health data, so what each row shows of the patient
 * follows the resident-record rules: a community resident's name and a link to the record only when
 * the caller may read that record (`resident.read` in scope);
 * otherwise the name is masked and there is no link. The regulator has no `resident.read`: a
 * county health commission supervises quality and cost (dates, diagnoses, costs, stays, DRG
 * weights are what it checks) and has no care relationship, so under PIPL's minimum-necessary rule
 * it gets de-identified rows — masked names, no record ids. Every page that shows any encounter is
 * one audit row (in the read's transaction) naming the residents shown by name.
 */
export async function listIndicatorEncounters(ctx: AppContext, actor: Actor, q: EncounterListQuery): Promise<EncounterListResponse> {
  const drill = drillDownFor(q);
  const months = periodMonths(q.period);
  return ctx.db.transaction(async (tx) => {
    const regionCode = await communityRegion(tx, q.communityId);
    if (!regionCode) throw new DomainError('NOT_FOUND', '医共体不存在');
    authorize(actor, 'indicator.read', { communityId: q.communityId, organizationId: q.organizationId ?? null, regionCode });
    if (q.organizationId && !(await findOrganizationRef(tx, q.communityId, q.organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
    const filter: repo.EncounterListFilter = {
      communityId: q.communityId, organizationId: q.organizationId ?? null, fromMonth: months[0]!, toMonth: months.at(-1)!, metrics: drill?.metrics ?? [],
    };
    const { total, sum } = await repo.countEncounters(tx, filter);
    const rows = total > (q.page - 1) * q.limit ? await repo.listEncounters(tx, filter, { limit: q.limit, offset: (q.page - 1) * q.limit }) : [];
    const readable = readableResidents(actor, q.communityId, regionCode, rows);
    const items = rows.map((r) => toItem(r, drill, readable.has(r.resident_id ?? '')));
    if (items.length) {
      const named = [...new Set(items.filter((i) => i.residentId).map((i) => i.residentId!))];
      await recordAudit(tx, actor, {
        communityId: q.communityId, action: 'encounter.list', resourceType: 'encounter', purpose: 'indicator_review',
        details: {
          organizationId: q.organizationId ?? null, period: q.period, indicator: drill?.code ?? null, part: drill?.part ?? null, page: q.page, limit: q.limit,
          rows: items.length, residentsNamed: named, residentsMasked: items.filter((i) => i.nameMasked).length,
        },
      });
    }
    return {
      period: q.period,
      scope: { communityId: q.communityId, ...(q.organizationId ? { organizationId: q.organizationId } : {}) },
      indicator: drill ? { code: drill.code, part: drill.part, metrics: [...drill.metrics], weighted: drill.weighted } : null,
      items, page: q.page, limit: q.limit, total, sum: drill ? sum : null,
    };
  });
}

/**
 * The community residents on the page whose records the caller may read: `can(resident.read)` on
 * each record's managing unit, as GET /residents/:id decides. (Access grants 授权调阅 are not
 * consulted: no role that may list encounters may hold one — see can.ts.)
 */
function readableResidents(actor: Actor, communityId: string, regionCode: string, rows: readonly repo.EncounterListRow[]): Set<string> {
  return new Set(rows.filter((r) => r.resident_name !== null && r.resident_id
    && can(actor, 'resident.read', { communityId, organizationId: r.resident_organization_id, regionCode, residentId: r.resident_id })).map((r) => r.resident_id!));
}

function toItem(r: repo.EncounterListRow, drill: DrillDown | null, mayRead: boolean): EncounterListItem {
  return {
    source: r.source, id: r.id, type: r.type, startDate: r.start_date, endDate: r.end_date, periodMonth: r.period_month,
    outOfCounty: r.out_of_county, organizationId: r.organization_id, organizationName: r.organization_name,
    diagnosisCode: r.diagnosis_code, diagnosisName: r.diagnosis_name,
    lengthOfStay: r.type === 'inpatient' && r.end_date ? lengthOfStay({ start: r.start_date, end: r.end_date }) : null,
    totalCost: r.total_cost, fundPaid: r.fund_paid, outOfPocket: r.out_of_pocket, drgWeight: r.drg_weight,
    contribution: drill ? contributionTo(r.contrib, drill.metrics) : null,
    communityResident: r.community_resident,
    ...patientDisplay({ communityResident: r.community_resident, residentId: r.resident_id, name: r.resident_name }, mayRead),
  };
}
