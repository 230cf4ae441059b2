import { DEFAULT_APPRAISAL_ITEMS, DomainError, levelOfOrgKind, scoreAppraisal, validateAppraisalScheme, type Actor, type AppraisalAdjustment, type AppraisalItem, type OrganizationKind } from '@yigong/domain';
import type { AppraisalSchemeRequest, AppraisalView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { indicatorValues, indicatorsByUnit } from '../indicators/index.ts';
import { unitChronicRates } from '../chronic/index.ts';
import { listOrganizationRefs } from '../org/index.ts';
import { authorizeCommunity } from './insurance-access.ts';
import * as repo from './insurance.repository.ts';

interface StoredScheme {
  items: AppraisalItem[];
  adjustments: { organizationId: string | null; points: number; reason: string }[];
}

/** The evidence note of an item scored on the community's value (the unit has none of its own). */
const COMMUNITY_VALUE = '本单位无此指标数据，取医共体整体值';

async function schemeOf(ctx: AppContext, communityId: string, year: number): Promise<{ version: number; scheme: StoredScheme }> {
  const v = await repo.currentVersion<StoredScheme>(ctx.db, 'appraisal_scheme', communityId, year);
  return v ? { version: v.version, scheme: v.body } : { version: 0, scheme: { items: [...DEFAULT_APPRAISAL_ITEMS], adjustments: [] } };
}

const valuesOf = (values: readonly ({ code: string; value?: number | null } | { code: string; items: unknown })[]): Record<string, number | null> =>
  Object.fromEntries(values.filter((v): v is { code: string; value: number | null } => 'value' in v).map((v) => [v.code, v.value]));

/**
 * Scores of the community and of each member for a year (绩效考核): each item scored linearly
 * between floor and target from the indicator of the year; a member without its own value for an
 * item (a community-level indicator, or no cases) takes the community's value; manual adjustments
 * with their reasons on top.
 */
export async function appraisal(ctx: AppContext, actor: Actor, communityId: string, year: number): Promise<AppraisalView> {
  await authorizeCommunity(ctx, actor, 'insurance.read', communityId);
  const { version, scheme } = await schemeOf(ctx, communityId, year);
  const period = String(year);
  const [community, byUnit, chronic, units] = await Promise.all([
    indicatorValues(ctx, actor, { communityId, period }),
    indicatorsByUnit(ctx, actor, { communityId, period }),
    unitChronicRates(ctx, communityId, year),
    listOrganizationRefs(ctx.db, communityId),
  ]);
  const communityValues = valuesOf(community.values);
  const unitValues = new Map(byUnit.units.map((u) => [u.organizationId, valuesOf(u.values)]));
  // The two-disease rates of the units that manage patients (the grassroots units).
  for (const [organizationId, c] of chronic.units) {
    const own = unitValues.get(organizationId) ?? {};
    unitValues.set(organizationId, { ...own, htn_standard_mgmt_rate: c.hypertension.standardRate, t2d_standard_mgmt_rate: c.diabetes.standardRate, chronic_standard_mgmt_rate: c.combined.standardRate, htn_control_rate: c.hypertension.controlRate, t2d_control_rate: c.diabetes.controlRate });
  }
  const adjustmentsOf = (organizationId: string | null): AppraisalAdjustment[] => scheme.adjustments.filter((a) => a.organizationId === organizationId).map(({ points, reason }) => ({ points, reason }));
  const members = units
    .filter((u) => levelOfOrgKind(u.kind as OrganizationKind) !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((u) => {
      const own = unitValues.get(u.id) ?? {};
      const values = Object.fromEntries(scheme.items.map((i) => [i.indicatorCode, own[i.indicatorCode] ?? communityValues[i.indicatorCode] ?? null]));
      const scored = scoreAppraisal(scheme, values, adjustmentsOf(u.id));
      // Say where a value is the community's, not the unit's own.
      const items = scored.items.map((e) => (own[e.indicatorCode] == null && e.value !== null ? { ...e, note: e.note ?? COMMUNITY_VALUE } : e));
      return { organizationId: u.id, organizationName: u.name, kind: u.kind, ...scored, items };
    });
  return { communityId, year, schemeVersion: version, items: scheme.items, community: scoreAppraisal(scheme, communityValues, adjustmentsOf(null)), members };
}

/** PUT: a new version of the year's scheme (items, adjustments, why); audited. */
export async function putAppraisalScheme(ctx: AppContext, actor: Actor, communityId: string, year: number, input: AppraisalSchemeRequest) {
  validateAppraisalScheme({ items: input.items });
  await authorizeCommunity(ctx, actor, 'insurance.write', communityId);
  return ctx.db.transaction(async (tx) => {
    const units = new Set((await listOrganizationRefs(tx, communityId)).map((u) => u.id));
    const stranger = input.adjustments.findIndex((a) => a.organizationId !== null && !units.has(a.organizationId));
    if (stranger >= 0) throw new DomainError('VALIDATION_FAILED', '加减分的单位不属于本医共体', { field: `adjustments[${stranger}].organizationId` });
    const current = await repo.currentVersion<StoredScheme>(tx, 'appraisal_scheme', communityId, year);
    const version = (current?.version ?? 0) + 1;
    await repo.insertSchemeVersion(tx, { communityId, year, version, items: input.items, adjustments: input.adjustments, reason: input.reason, userId: actor.userId, username: actor.username, at: ctx.clock.now() });
    await recordAudit(tx, actor, { communityId, action: 'insurance.appraisal_scheme', resourceType: 'appraisal_scheme', resourceId: `${year}/${version}`, details: { year, version, reason: input.reason, items: input.items.length, adjustments: input.adjustments.length } });
    return { communityId, year, version };
  });
}
