import { randomUUID } from 'node:crypto';
import { DomainError, addMonths, deriveKeyPopulationTags, feeSplitProblem, fulfilmentRate, packageFits, scopeCommunity, scopeFilter, type Actor, type PackagePopulation } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { ContractRequest, PackageRequest, SigningRatesResponse, TeamRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requireCommunityPermission, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { cachedCommunityRegion, communityRegion, findOrganizationRef, organizationSubtree } from '../org/index.ts';
import { requireResidentAccess } from '../residents/index.ts';
import * as repo from './family-doctor.repository.ts';
import { refreshSigningRates } from '../rate-summaries/index.ts';
import { signingRatesRawSql, signingRatesSql } from './signing-rates.repository.ts';

async function contractView(sql: Sql, c: repo.ContractRow) {
  return (await contractViews(sql, c.community_id, [c]))[0]!;
}

/** Views of contracts of one community, their items read in one statement. */
async function contractViews(sql: Sql, communityId: string, contracts: readonly repo.ContractRow[]) {
  const items = await repo.contractItems(sql, communityId, contracts.map((c) => c.id));
  return contracts.map((c) => {
    const own = items.get(c.id) ?? [];
    return { ...c, created_at: c.created_at.toISOString(), items: own, fulfilmentRate: fulfilmentRate(own) };
  });
}

/**
 * Signs a contract (签约): one year, one or more packages fitting the resident's populations, one
 * active contract per resident (the database enforces it under concurrency). Idempotent on the id.
 */
export async function signContract(ctx: AppContext, actor: Actor, input: ContractRequest) {
  const today = businessDate(ctx.clock);
  try {
    return await ctx.db.transaction(async (tx) => {
      const { row } = await requireResidentAccess(tx, actor, input.residentId, 'resident.update', ctx.clock.now());
      authorize(actor, 'care.write', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
      if (input.id) {
        const prior = await repo.findContract(tx, row.community_id, input.id);
        if (prior) {
          if (prior.resident_id !== row.id) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的签约已存在且内容不同', { id: input.id });
          return contractView(tx, prior);
        }
      }
      const team = await repo.findTeam(tx, row.community_id, input.teamId);
      if (!team) throw new DomainError('VALIDATION_FAILED', '签约团队不存在', { field: 'teamId' });
      const existing = await repo.activeContractOf(tx, row.community_id, row.id);
      if (existing) throw new DomainError('CONFLICT', `该居民已与${existing.team_name}签约`, { contractId: existing.id });
      const packages = (await repo.listPackages(tx, row.community_id)).filter((p) => input.packageIds.includes(p.id));
      if (packages.length !== new Set(input.packageIds).size) throw new DomainError('VALIDATION_FAILED', '服务包不存在', { field: 'packageIds' });
      const tags = deriveKeyPopulationTags({ birthDate: row.birth_date, problemCodes: row.problem_codes ?? [], flags: row.flags }, input.startsOn);
      const misfit = packages.find((p) => !packageFits(p.population as PackagePopulation, tags));
      if (misfit) throw new DomainError('VALIDATION_FAILED', `该居民不属于「${misfit.name}」的服务人群`, { field: 'packageIds', packageId: misfit.id });
      if (input.startsOn < addMonths(today, -1) || input.startsOn > addMonths(today, 1)) throw new DomainError('VALIDATION_FAILED', '签约开始日期须在一个月以内', { field: 'startsOn' });
      const id = input.id ?? randomUUID();
      await repo.insertContract(tx, { communityId: row.community_id, id, residentId: row.id, teamId: team.id, organizationId: team.organizationId, startsOn: input.startsOn, endsOn: addMonths(input.startsOn, input.months), renewedFrom: null, signedBy: actor.userId }, input.packageIds);
      await refreshSigningRates(tx, row.community_id, [row.id]);
      await recordAudit(tx, actor, { communityId: row.community_id, action: 'contract.sign', resourceType: 'fd_contract', resourceId: id, residentId: row.id, details: { teamId: team.id, packages: input.packageIds } });
      return contractView(tx, (await repo.findContract(tx, row.community_id, id))!);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new DomainError('CONFLICT', '该居民已有有效签约');
    throw e;
  }
}

/**
 * A contract to change, read in the caller's community (one shard on Citus), or for a region scope
 * in the contract's: changing one needs the resident in scope, so one outside is not found.
 */
async function requireContract(sql: Sql, ctx: AppContext, actor: Actor, id: string) {
  const communityId = await communityForId(actor, id, () => repo.contractCommunity(sql, id));
  const c = communityId ? await repo.findContract(sql, communityId, id) : null;
  if (!c) throw new DomainError('NOT_FOUND', '签约不存在');
  const { row } = await requireResidentAccess(sql, actor, c.resident_id, 'resident.update', ctx.clock.now());
  authorize(actor, 'care.write', { communityId: row.community_id, organizationId: row.organization_id, regionCode: row.region_code });
  return c;
}

/**
 * Reads a contract: in the caller's community first (one shard on Citus); a contract elsewhere is
 * looked up by its community, as the resident's record may be readable under an access grant
 * (requireResidentAccess decides, as for the record itself).
 */
export async function getContract(ctx: AppContext, actor: Actor, id: string) {
  const own = scopeCommunity(actor);
  let c = own ? await repo.findContract(ctx.db, own, id) : null;
  if (!c) {
    const communityId = await repo.contractCommunity(ctx.db, id);
    if (communityId && communityId !== own) c = await repo.findContract(ctx.db, communityId, id);
  }
  if (!c) throw new DomainError('NOT_FOUND', '签约不存在');
  await requireResidentAccess(ctx.db, actor, c.resident_id, 'resident.read', ctx.clock.now());
  return contractView(ctx.db, c);
}

/** Terminates with a reason (迁出, 失联一年, 拒绝服务, 主动解约). */
export async function terminateContract(ctx: AppContext, actor: Actor, id: string, input: { reason: string; terminatedOn: string; note?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const c = await requireContract(tx, ctx, actor, id);
    const today = businessDate(ctx.clock);
    // A renewal that has not started yet may be cancelled today; a running one from its start on.
    if (input.terminatedOn > today || (c.starts_on <= today && input.terminatedOn < c.starts_on)) throw new DomainError('VALIDATION_FAILED', '解约日期须在签约期内且不晚于今天', { field: 'terminatedOn' });
    if (!(await repo.setContractStatus(tx, c.community_id, c.id, 'terminated', input.terminatedOn, input.reason))) throw new DomainError('CONFLICT', '签约已不是有效状态', { status: c.status });
    await refreshSigningRates(tx, c.community_id, [c.resident_id]);
    await recordAudit(tx, actor, { communityId: c.community_id, action: 'contract.terminate', resourceType: 'fd_contract', resourceId: c.id, residentId: c.resident_id, details: input });
    return contractView(tx, (await repo.findContract(tx, c.community_id, c.id))!);
  });
}

/** Renews for another year from the old end date, with the same team and packages. */
export async function renewContract(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await requireContract(tx, ctx, actor, id);
    if (!(await repo.setContractStatus(tx, c.community_id, c.id, 'renewed', null, null))) throw new DomainError('CONFLICT', '只有有效签约可以续约', { status: c.status });
    const packageIds = await repo.contractPackageIds(tx, c.community_id, c.id);
    const newId = randomUUID();
    await repo.insertContract(tx, { communityId: c.community_id, id: newId, residentId: c.resident_id, teamId: c.team_id, organizationId: c.organization_id, startsOn: c.ends_on, endsOn: addMonths(c.ends_on, 12), renewedFrom: c.id, signedBy: actor.userId }, packageIds);
    await refreshSigningRates(tx, c.community_id, [c.resident_id]);
    await recordAudit(tx, actor, { communityId: c.community_id, action: 'contract.renew', resourceType: 'fd_contract', resourceId: newId, residentId: c.resident_id, details: { from: c.id } });
    return contractView(tx, (await repo.findContract(tx, c.community_id, newId))!);
  });
}

/** Records a delivered service (履约) against a package item of the contract. */
export async function recordService(ctx: AppContext, actor: Actor, id: string, input: { id?: string | undefined; itemId: string; deliveredOn: string; note?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const c = await requireContract(tx, ctx, actor, id);
    if (c.status === 'terminated') throw new DomainError('CONFLICT', '签约已解除');
    if (input.deliveredOn < c.starts_on || input.deliveredOn >= c.ends_on || input.deliveredOn > businessDate(ctx.clock)) throw new DomainError('VALIDATION_FAILED', '服务日期须在签约期内且不晚于今天', { field: 'deliveredOn' });
    if (!((await repo.contractItems(tx, c.community_id, [c.id])).get(c.id) ?? []).some((i) => i.itemId === input.itemId)) throw new DomainError('VALIDATION_FAILED', '该服务项目不在签约服务包内', { field: 'itemId' });
    const serviceId = input.id ?? randomUUID();
    if (await repo.insertService(tx, { communityId: c.community_id, id: serviceId, contractId: c.id, itemId: input.itemId, deliveredOn: input.deliveredOn, note: input.note ?? null, recordedBy: actor.userId })) {
      await recordAudit(tx, actor, { communityId: c.community_id, action: 'contract.service', resourceType: 'fd_service', resourceId: serviceId, residentId: c.resident_id, details: { itemId: input.itemId } });
    }
    return contractView(tx, c);
  });
}

export async function residentContracts(ctx: AppContext, actor: Actor, residentId: string) {
  const { row } = await requireResidentAccess(ctx.db, actor, residentId, 'resident.read', ctx.clock.now());
  return contractViews(ctx.db, row.community_id, await repo.contractsOfResident(ctx.db, row.community_id, row.id));
}

/** Teams in scope, with panel size (active contracts; a doctor serves ≤ 2,000 residents in principle). */
export async function listTeams(ctx: AppContext, actor: Actor, communityId: string) {
  const f = scopeFilter(actor, 'org.read');
  if (f.communityIds && !f.communityIds.includes(communityId)) throw new DomainError('NOT_FOUND', '医共体不存在或不在您的范围内');
  authorize(actor, 'org.read', { communityId, regionCode: await communityRegion(ctx.db, communityId) });
  const own = scopeFilter(actor, 'resident.list').organizationIds;
  return (await repo.listTeams(ctx.db, communityId, own)).map((t) => ({ ...t, panelPerDoctor: Math.round(t.activeContracts / Math.max(1, t.members.filter((m) => m.role === 'gp_lead' || m.role === 'village_doctor').length)), panelLimit: 2000 }));
}

export async function createTeam(ctx: AppContext, actor: Actor, input: TeamRequest) {
  return ctx.db.transaction(async (tx) => {
    authorize(actor, 'team.manage', { communityId: input.communityId, organizationId: input.organizationId, regionCode: await communityRegion(tx, input.communityId) });
    if (!(await findOrganizationRef(tx, input.communityId, input.organizationId))) throw new DomainError('VALIDATION_FAILED', '机构不属于该医共体', { field: 'organizationId' });
    const id = randomUUID();
    await repo.insertTeam(tx, input.communityId, id, input.organizationId, input.name, input.members);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'team.create', resourceType: 'fd_team', resourceId: id, details: input });
    return (await repo.findTeam(tx, input.communityId, id))!;
  });
}

export async function listPackages(ctx: AppContext, actor: Actor, communityId: string) {
  authorize(actor, 'reference.read', { communityId, regionCode: await communityRegion(ctx.db, communityId) });
  return repo.listPackages(ctx.db, communityId);
}

export async function createPackage(ctx: AppContext, actor: Actor, input: PackageRequest) {
  const problem = feeSplitProblem(input);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: 'priceFen' });
  return ctx.db.transaction(async (tx) => {
    authorize(actor, 'team.manage', { communityId: input.communityId, regionCode: await communityRegion(tx, input.communityId) });
    const id = randomUUID();
    await repo.insertPackage(tx, input.communityId, id, input, input.items.map((i) => ({ ...i, id: randomUUID() })));
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'package.create', resourceType: 'fd_package', resourceId: id, details: { code: input.code } });
    return (await repo.listPackages(tx, input.communityId)).find((p) => p.id === id)!;
  });
}

/**
 * docs/domain/indicators.md signing rate and key-population signing rate as of a date, for a community (from
 * the summary) or one unit with its sub-units (counted from its residents). The aggregate rule
 * (docs/SECURITY.md "Aggregates"): a community's figures need a community or region scope; a
 * unit's account reads its own unit's figures.
 */
export async function signingRates(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; asOf?: string | undefined }): Promise<SigningRatesResponse> {
  requirePermission(actor, 'rates.read');
  const { communityId } = q;
  const region = await cachedCommunityRegion(ctx, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'rates.read', { communityId, regionCode: region, organizationId: q.organizationId ?? null });
  if (q.organizationId && !(await findOrganizationRef(ctx.db, communityId, q.organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
  const day = q.asOf ?? businessDate(ctx.clock);
  const r = q.organizationId
    ? await signingRatesRawSql(ctx.db, communityId, day, await organizationSubtree(ctx.db, communityId, q.organizationId))
    : await signingRatesSql(ctx.db, communityId, day);
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  return { asOf: day, communityId, organizationId: q.organizationId ?? null, residents: r.residents, signed: r.signed, signingRate: ratio(r.signed, r.residents), keyPopulation: r.key_population, keySigned: r.key_signed, keySigningRate: ratio(r.key_signed, r.key_population) };
}

/** Contracts within the caller's units (the village doctor's "my contracted residents"). */
export async function listContracts(ctx: AppContext, actor: Actor, q: { teamId?: string | undefined; status?: string | undefined; limit: number }) {
  const f = requireCommunityPermission(actor, 'resident.list');
  return (await repo.listContracts(ctx.db, f.communityId, f.organizationIds, { teamId: q.teamId ?? null, status: q.status ?? null, limit: q.limit })).map((c) => ({ ...c, created_at: c.created_at.toISOString() }));
}
