import { DomainError, DEFAULT_RULE_SET, RULE_SETS, combineRates, type Actor } from '@yigong/domain';
import type { ChronicRatesResponse } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { communityRegion, findOrganizationRef, listOrganizationRefs, organizationSubtree } from '../org/index.ts';
import { chronicRatesByUnitSql, chronicRatesSql, withRates } from './chronic-rates.repository.ts';


/** Rates per managing unit of a community (managers, regulators): the table by unit with Excel export. */
export async function chronicRatesByUnit(ctx: AppContext, actor: Actor, q: { communityId: string; year: number; asOf?: string | undefined }) {
  const region = await communityRegion(ctx.db, q.communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'rates.read', { communityId: q.communityId, regionCode: region });
  const today = businessDate(ctx.clock);
  const asOf = q.asOf ?? (`${q.year}-12-31` < today ? `${q.year}-12-31` : today);
  const rows = await chronicRatesByUnitSql(ctx.db, { communityId: q.communityId, year: q.year, asOf, minAge: RULE_SETS[DEFAULT_RULE_SET]!.ratesMinAge });
  const units = await listOrganizationRefs(ctx.db, q.communityId);
  const empty = { managed: 0, standard: 0, controlled: 0 };
  return {
    year: q.year, asOf, communityId: q.communityId,
    items: units.filter((u) => rows.some((r) => r.organizationId === u.id)).map((u) => {
      const h = withRates(rows.find((r) => r.organizationId === u.id && r.disease === 'hypertension') ?? empty);
      const d = withRates(rows.find((r) => r.organizationId === u.id && r.disease === 'diabetes') ?? empty);
      return { organizationId: u.id, name: u.name, kind: u.kind, parentId: u.parentId, hypertension: h, diabetes: d, combined: combineRates(h, d) };
    }).sort((a, b) => (a.combined.standardRate ?? -1) - (b.combined.standardRate ?? -1)),
  };
}

/** CHRONIC.md rates for a community or a unit, for a year as of a date (default: end of year or today). */
export async function chronicRates(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; year: number; asOf?: string | undefined }): Promise<ChronicRatesResponse> {
  const region = await communityRegion(ctx.db, q.communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'rates.read', { communityId: q.communityId, organizationId: q.organizationId ?? null, regionCode: region });
  // authorize applies the aggregate rule (docs/SECURITY.md "Aggregates"): without organizationId a unit's account is refused.
  if (q.organizationId && !(await findOrganizationRef(ctx.db, q.communityId, q.organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
  const today = businessDate(ctx.clock);
  const asOf = q.asOf ?? (`${q.year}-12-31` < today ? `${q.year}-12-31` : today);
  if (asOf.slice(0, 4) !== String(q.year)) throw new DomainError('VALIDATION_FAILED', '统计截止日须在统计年度内', { field: 'asOf' });
  const units = q.organizationId ? await organizationSubtree(ctx.db, q.communityId, q.organizationId) : null;
  const rules = RULE_SETS[DEFAULT_RULE_SET]!;
  const r = await chronicRatesSql(ctx.db, { communityId: q.communityId, organizationIds: units, year: q.year, asOf, minAge: rules.ratesMinAge });
  return { year: q.year, asOf, scope: { communityId: q.communityId, organizationId: q.organizationId ?? null }, ruleSet: rules.version, ...r, combined: combineRates(r.hypertension, r.diabetes) };
}
