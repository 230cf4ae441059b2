import type { PackagePopulation, TerminationReason } from '@yigong/domain';
import type { TeamRole } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

export interface PackageRow {
  id: string;
  code: string;
  name: string;
  population: PackagePopulation;
  priceFen: number;
  insuranceFen: number;
  publicHealthFen: number;
  financeFen: number;
  residentFen: number;
  items: { id: string; code: string; name: string; timesPerYear: number }[];
}

export async function listPackages(sql: Sql, communityId: string): Promise<PackageRow[]> {
  return (await sql.query<PackageRow>(
    `select p.id, p.code, p.name, p.population, p.price_fen as "priceFen", p.insurance_fen as "insuranceFen", p.public_health_fen as "publicHealthFen",
            p.finance_fen as "financeFen", p.resident_fen as "residentFen",
            coalesce((select json_agg(json_build_object('id', i.id, 'code', i.code, 'name', i.name, 'timesPerYear', i.times_per_year) order by i.code)
                        from fd_package_item i where i.community_id = p.community_id and i.package_id = p.id), '[]') as items
       from fd_package p where p.community_id = $1 and p.active order by p.population, p.code`, [communityId])).rows;
}

export async function insertPackage(sql: Sql, communityId: string, id: string, p: Omit<PackageRow, 'id' | 'items'>, items: { id: string; code: string; name: string; timesPerYear: number }[]): Promise<void> {
  await sql.query(
    `insert into fd_package (community_id, id, code, name, population, price_fen, insurance_fen, public_health_fen, finance_fen, resident_fen)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [communityId, id, p.code, p.name, p.population, p.priceFen, p.insuranceFen, p.publicHealthFen, p.financeFen, p.residentFen],
  );
  for (const i of items) {
    await sql.query('insert into fd_package_item (community_id, id, package_id, code, name, times_per_year) values ($1,$2,$3,$4,$5,$6)', [communityId, i.id, id, i.code, i.name, i.timesPerYear]);
  }
}

export interface TeamRow {
  id: string;
  communityId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  members: { practitionerId: string; name: string; role: TeamRole; title: string }[];
  activeContracts: number;
  fulfilmentRate: number | null;
}

const TEAM_SELECT = `
  select t.id, t.community_id as "communityId", t.organization_id as "organizationId", o.name as "organizationName", t.name,
         coalesce((select json_agg(json_build_object('practitionerId', m.practitioner_id, 'name', p.name, 'role', m.role, 'title', p.title) order by m.role)
                     from fd_team_member m join practitioner p on p.community_id = m.community_id and p.id = m.practitioner_id
                    where m.community_id = t.community_id and m.team_id = t.id), '[]') as members,
         (select count(*)::int from fd_contract c where c.community_id = t.community_id and c.team_id = t.id and c.status = 'active') as "activeContracts",
         -- 履约率 of the team: delivered services, each item capped at its yearly frequency, over what active contracts promise.
         (select sum(least(coalesce(d.n, 0), i.times_per_year))::float8 / nullif(sum(i.times_per_year), 0)
            from fd_contract c
            join fd_contract_package cp on cp.community_id = c.community_id and cp.contract_id = c.id
            join fd_package_item i on i.community_id = cp.community_id and i.package_id = cp.package_id
            left join lateral (select count(*) as n from fd_service s where s.community_id = c.community_id and s.contract_id = c.id and s.item_id = i.id) d on true
           where c.community_id = t.community_id and c.team_id = t.id and c.status = 'active') as "fulfilmentRate"
    from fd_team t join organization o on o.community_id = t.community_id and o.id = t.organization_id`;

export async function listTeams(sql: Sql, communityId: string, organizationIds: readonly string[] | null): Promise<TeamRow[]> {
  return (await sql.query<TeamRow>(`${TEAM_SELECT} where t.community_id = $1 and ($2::uuid[] is null or t.organization_id = any($2)) and t.active order by o.name, t.name`, [communityId, organizationIds])).rows;
}

export async function findTeam(sql: Sql, communityId: string, id: string): Promise<TeamRow | null> {
  return (await sql.query<TeamRow>(`${TEAM_SELECT} where t.community_id = $1 and t.id = $2`, [communityId, id])).rows[0] ?? null;
}

export async function insertTeam(sql: Sql, communityId: string, id: string, organizationId: string, name: string, members: { practitionerId: string; role: string }[]): Promise<void> {
  await sql.query('insert into fd_team (community_id, id, organization_id, name) values ($1,$2,$3,$4)', [communityId, id, organizationId, name]);
  for (const m of members) await sql.query('insert into fd_team_member (community_id, team_id, practitioner_id, role) values ($1,$2,$3,$4)', [communityId, id, m.practitionerId, m.role]);
}

export interface ContractRow {
  community_id: string;
  id: string;
  resident_id: string;
  resident_name: string;
  team_id: string;
  team_name: string;
  organization_id: string;
  starts_on: string;
  ends_on: string;
  status: 'active' | 'terminated' | 'renewed';
  terminated_on: string | null;
  termination_reason: TerminationReason | null;
  renewed_from: string | null;
  created_at: Date;
}

const CONTRACT_SELECT = `
  select c.community_id, c.id, c.resident_id, r.name as resident_name, c.team_id, t.name as team_name, c.organization_id, c.starts_on::text as starts_on,
         c.ends_on::text as ends_on, c.status, c.terminated_on::text as terminated_on, c.termination_reason, c.renewed_from, c.created_at
    from fd_contract c join resident r on r.community_id = c.community_id and r.id = c.resident_id
    join fd_team t on t.community_id = c.community_id and t.id = c.team_id`;

export async function findContract(sql: Sql, communityId: string, id: string): Promise<ContractRow | null> {
  return (await sql.query<ContractRow>(`${CONTRACT_SELECT} where c.community_id = $1 and c.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community a contract belongs to, for callers whose scope spans several (region scope). No lock. */
export async function contractCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from fd_contract where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function activeContractOf(sql: Sql, communityId: string, residentId: string): Promise<ContractRow | null> {
  return (await sql.query<ContractRow>(`${CONTRACT_SELECT} where c.community_id = $1 and c.resident_id = $2 and c.status = 'active'`, [communityId, residentId])).rows[0] ?? null;
}

export async function contractsOfResident(sql: Sql, communityId: string, residentId: string): Promise<ContractRow[]> {
  return (await sql.query<ContractRow>(`${CONTRACT_SELECT} where c.community_id = $1 and c.resident_id = $2 order by c.starts_on desc`, [communityId, residentId])).rows;
}

export async function insertContract(sql: Sql, c: { communityId: string; id: string; residentId: string; teamId: string; organizationId: string; startsOn: string; endsOn: string; renewedFrom: string | null; signedBy: string }, packageIds: readonly string[]): Promise<void> {
  await sql.query(
    `insert into fd_contract (community_id, id, resident_id, team_id, organization_id, starts_on, ends_on, renewed_from, signed_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [c.communityId, c.id, c.residentId, c.teamId, c.organizationId, c.startsOn, c.endsOn, c.renewedFrom, c.signedBy],
  );
  for (const p of packageIds) await sql.query('insert into fd_contract_package (community_id, contract_id, package_id) values ($1,$2,$3)', [c.communityId, c.id, p]);
}

export async function setContractStatus(sql: Sql, communityId: string, id: string, status: string, terminatedOn: string | null, reason: string | null): Promise<number> {
  return (await sql.query(
    `update fd_contract set status = $3, terminated_on = coalesce($4, terminated_on), termination_reason = coalesce($5, termination_reason)
      where community_id = $1 and id = $2 and status = 'active'`, [communityId, id, status, terminatedOn, reason])).rowCount;
}

/** A package item of a contract with what has been delivered against it. */
export interface ContractItem {
  itemId: string;
  packageName: string;
  code: string;
  name: string;
  timesPerYear: number;
  delivered: number;
}

/** The package items of these contracts with the services delivered so far, in one statement; keyed by contract. */
export async function contractItems(sql: Sql, communityId: string, contractIds: readonly string[]): Promise<Map<string, ContractItem[]>> {
  const out = new Map<string, ContractItem[]>(contractIds.map((id) => [id, []]));
  if (!contractIds.length) return out;
  const { rows } = await sql.query<ContractItem & { contractId: string }>(
    `select cp.contract_id as "contractId", i.id as "itemId", p.name as "packageName", i.code, i.name, i.times_per_year as "timesPerYear",
            (select count(*)::int from fd_service s where s.community_id = $1 and s.contract_id = cp.contract_id and s.item_id = i.id) as delivered
       from fd_contract_package cp join fd_package p on p.community_id = cp.community_id and p.id = cp.package_id
       join fd_package_item i on i.community_id = p.community_id and i.package_id = p.id
      where cp.community_id = $1 and cp.contract_id = any($2::uuid[]) order by p.population, i.code`, [communityId, contractIds]);
  for (const { contractId, ...item } of rows) out.get(contractId)?.push(item);
  return out;
}

export async function insertService(sql: Sql, s: { communityId: string; id: string; contractId: string; itemId: string; deliveredOn: string; note: string | null; recordedBy: string }): Promise<boolean> {
  return (await sql.query(
    `insert into fd_service (community_id, id, contract_id, item_id, delivered_on, note, recorded_by) values ($1,$2,$3,$4,$5,$6,$7) on conflict do nothing`,
    [s.communityId, s.id, s.contractId, s.itemId, s.deliveredOn, s.note, s.recordedBy])).rowCount > 0;
}

/** Active contracts of units (a village doctor's contracted residents), newest first. */
export async function listContracts(sql: Sql, communityId: string, organizationIds: readonly string[] | null, q: { teamId: string | null; status: string | null; limit: number }): Promise<ContractRow[]> {
  return (await sql.query<ContractRow>(
    `${CONTRACT_SELECT} where c.community_id = $1 and ($2::uuid[] is null or c.organization_id = any($2)) and ($3::uuid is null or c.team_id = $3)
        and ($4::text is null or c.status = $4) order by c.starts_on desc, r.name limit $5`, [communityId, organizationIds, q.teamId, q.status, q.limit])).rows;
}

export async function contractPackageIds(sql: Sql, communityId: string, contractId: string): Promise<string[]> {
  return (await sql.query<{ package_id: string }>('select package_id from fd_contract_package where community_id = $1 and contract_id = $2', [communityId, contractId])).rows.map((r) => r.package_id);
}
