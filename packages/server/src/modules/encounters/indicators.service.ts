import { DomainError, INDICATOR_DEFINITIONS, MODULE_INDICATOR_DEFINITIONS, contributions, evaluateIndicator, evaluateModuleIndicator, hasPermission, primaryCategory, scopeFilter, type Actor, type EncounterRecord } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { communityRegion, findOrganizationRef, listOrganizationRefs } from '../org/org.repository.ts';
import * as repo from './encounters.repository.ts';
import { AggregateDeltas } from './aggregate-deltas.ts';
import { outTransferDisease } from './ingest.service.ts';
import { businessDate } from '../../platform/clock.ts';
import { referralCounts } from '../referral/referral.service.ts';
import { dispatchedSeniorCount } from '../org/practitioner.service.ts';
import { signingRates } from '../family-doctor/family-doctor.service.ts';
import { chronicRates } from '../chronic/chronic-rates.service.ts';

/** `2025` → its 12 months, `2025-Q1` → 3, `2025-03` → 1 (first days, ISO). */
export function periodMonths(period: string): string[] {
  const y = period.slice(0, 4);
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}-01`);
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return [0, 1, 2].map((i) => `${y}-${String((Number(q[1]) - 1) * 3 + i + 1).padStart(2, '0')}-01`);
  return [`${period}-01`];
}

/**
 * Indicator values for a community or a unit and a period (INDICATORS.md), from the monthly
 * aggregates only — never a scan of raw encounters. Resident-based indicators are community-wide
 * and omitted for a unit; out-of-county ones say so when no insurance data arrived.
 */
export async function indicatorValues(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; period: string }) {
  const region = await communityRegion(ctx.db, q.communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  if (!hasPermission(actor.role, 'indicator.read')) throw new DomainError('FORBIDDEN', '当前角色无权查看监测指标');
  authorize(actor, 'indicator.read', { communityId: q.communityId, regionCode: region });
  if (q.organizationId && !(await findOrganizationRef(ctx.db, q.communityId, q.organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
  const months = periodMonths(q.period);
  const sums = await repo.sumAggregates(ctx.db, q.communityId, months, q.organizationId ?? null);
  const outData = (await repo.sumAggregates(ctx.db, q.communityId, months, null)).out_county ?? 0;
  const values: unknown[] = INDICATOR_DEFINITIONS.filter((d) => !(q.organizationId && d.communityOnly)).map((d) => ({
    ...evaluateIndicator(d, sums),
    ...(d.needsOutOfCounty && outData === 0 ? { note: 'no_out_of_county_data' } : {}),
  }));
  if (!q.organizationId) {
    const top = await repo.topDiseases(ctx.db, q.communityId, months);
    const total = top.reduce((a, t) => a + t.count, 0);
    const all = (sums.res_ip_out ?? 0) || total;
    values.push(...(await moduleValues(ctx, actor, q.communityId, months)));
    values.push({ code: 'top_out_county_diseases', items: top.map((t) => ({ icd3: t.icd3, name: t.name, count: t.count, share: all ? t.count / all : null })), ...(outData === 0 ? { note: 'no_out_of_county_data' } : {}) });
  }
  return { period: q.period, scope: { communityId: q.communityId, ...(q.organizationId ? { organizationId: q.organizationId } : {}) }, values };
}

export function listDefinitions() {
  return { items: [...INDICATOR_DEFINITIONS.map((d) => ({ ...d })), ...MODULE_INDICATOR_DEFINITIONS.map((d) => ({ ...d, module: true }))] };
}

/**
 * The indicators other modules count (INDICATORS.md): referrals created in the period, senior
 * doctors dispatched in its year, signing rates as of its last day, chronic rates for its year
 * as of its last day (or today, for a period still running).
 */
async function moduleValues(ctx: AppContext, actor: Actor, communityId: string, months: readonly string[]) {
  const today = businessDate(ctx.clock);
  const first = months[0]!;
  const last = months.at(-1)!;
  const next = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const asOf = lastDay < today ? lastDay : today;
  if (first > today) return [];
  const year = Number(asOf.slice(0, 4));
  const [refs, dispatched, signing, chronic] = await Promise.all([
    referralCounts(ctx, communityId, first, next),
    dispatchedSeniorCount(ctx, communityId, year),
    signingRates(ctx, actor, communityId, asOf),
    chronicRates(ctx, actor, { communityId, year, asOf }),
  ]);
  return [
    evaluateModuleIndicator('up_referrals', refs.up ?? 0, 1),
    evaluateModuleIndicator('down_referrals', refs.down ?? 0, 1),
    evaluateModuleIndicator('dispatched_senior_doctors', dispatched, 1),
    evaluateModuleIndicator('signing_rate', signing.signed, signing.residents),
    evaluateModuleIndicator('key_population_signing_rate', signing.keySigned, signing.keyPopulation),
    evaluateModuleIndicator('htn_standard_mgmt_rate', chronic.hypertension.standard, chronic.hypertension.managed),
    evaluateModuleIndicator('t2d_standard_mgmt_rate', chronic.diabetes.standard, chronic.diabetes.managed),
    evaluateModuleIndicator('chronic_standard_mgmt_rate', chronic.combined.standard, chronic.combined.managed),
    evaluateModuleIndicator('htn_control_rate', chronic.hypertension.controlled, chronic.hypertension.managed),
    evaluateModuleIndicator('t2d_control_rate', chronic.diabetes.controlled, chronic.diabetes.managed),
  ];
}

/**
 * Full recompute of a community's aggregates from the stored encounters with the same pure
 * `contributions` — it must give the values the incremental path gave (tested).
 */
const RECOMPUTE_PAGE = 20_000;

export async function recomputeAggregates(ctx: AppContext, communityId: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await repo.clearAggregates(tx, communityId);
    const kinds = new Map((await listOrganizationRefs(tx, communityId)).map((o) => [o.id, o.kind]));
    const deltas = new AggregateDeltas();
    let n = 0;
    for (let page = await repo.encounterPage(tx, communityId, null, RECOMPUTE_PAGE); page.length; page = await repo.encounterPage(tx, communityId, page.at(-1)!, RECOMPUTE_PAGE)) {
      n += page.length;
      for (const r of page) {
      const record: EncounterRecord = {
        id: r.id, source: r.source, orgCode: r.org_code, outOfCounty: r.out_of_county, residentIdNumber: '', type: r.type, start: r.start_date, end: r.end_date,
        diagnoses: r.diagnoses, procedures: r.procedures, totalCost: r.total_cost, fundPaid: r.fund_paid, outOfPocket: r.out_of_pocket,
        drg: r.drg_code ? { code: r.drg_code, weight: Number(r.drg_weight) } : null,
      };
      const contrib = contributions(record, { organizationKind: r.organization_id ? (kinds.get(r.organization_id) ?? null) : null, communityResident: r.community_resident });
      deltas.add({ contrib: contrib as Record<string, number>, periodMonth: r.period_month, organizationId: r.organization_id, disease: outTransferDisease(record, r.community_resident, primaryCategory(record)) });
      }
    }
    await repo.applyDeltas(tx, communityId, deltas);
    return n;
  });
}

export function ingestCommunity(actor: Actor, communityId: string | undefined): string {
  if (!hasPermission(actor.role, 'encounter.ingest')) throw new DomainError('FORBIDDEN', '当前角色无权报送就诊数据');
  if (communityId) return communityId;
  const f = scopeFilter(actor, 'encounter.ingest');
  if (f.communityIds?.length === 1) return f.communityIds[0]!;
  throw new DomainError('VALIDATION_FAILED', '请用 ?communityId= 指明医共体', { field: 'communityId' });
}
