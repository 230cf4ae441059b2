import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, signingRates } from '@yigong/domain';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, residentBody, validIdNumber } from '../../../test/factories/residents.ts';
import { signingRatesRawSql, signingRatesSql } from './signing-rates.repository.ts';
import { rebuildRateSummaries, refreshSigningRates } from '../rate-summaries/index.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('signing rate summary (modules/rate-summaries) after writes', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let vdoc: string;
  let team: { id: string };
  let packages: { id: string; code: string }[];
  const touched: string[] = [];
  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    vdoc = await p.login('vdoc');
    team = (await p.call('GET', `/api/v1/family-doctor/teams?communityId=${w.first.id}`, vdoc)).body.items[0];
    packages = (await p.call('GET', `/api/v1/family-doctor/packages?communityId=${w.first.id}`, vdoc)).body.items;
  });
  afterAll(async () => p.close());

  /** Every as-of day around a step: the given days ± 1, month and year edges of three years, two leap-day birthdays. */
  function probeDays(): string[] {
    const y = Number(today().slice(0, 4));
    const edges = [y - 1, y, y + 1].flatMap((yy) => Array.from({ length: 12 }, (_, m) => `${yy}-${String(m + 1).padStart(2, '0')}-01`));
    const around = [today(), ...touched].flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);
    return [...new Set([...edges, ...around, '2025-02-28', '2025-03-01', '2027-02-28', '2027-03-01', '2000-01-01'])].sort();
  }

  /** Summary = raw SQL = the pure function, for both communities, on every probe day. */
  async function expectSummaryExact() {
    const db = p.ctx.db;
    for (const communityId of [w.first.id, w.second.id]) {
      const residents = (await db.query<{ id: string; birthDate: string; problemCodes: string[]; flags: Record<string, unknown> }>(
        `select r.id, r.birth_date::text as "birthDate", r.flags,
                coalesce((select array_agg(p.icd10_code) from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.resolved_date is null), '{}') as "problemCodes"
           from resident r where r.community_id = $1 and r.status = 'active'`, [communityId])).rows;
      const contracts = (await db.query<{ residentId: string; startsOn: string; endsOn: string; terminatedOn: string | null }>(
        `select resident_id as "residentId", starts_on::text as "startsOn", ends_on::text as "endsOn", terminated_on::text as "terminatedOn" from fd_contract where community_id = $1`, [communityId])).rows;
      for (const asOf of probeDays()) {
        const pure = signingRates(residents.filter((r) => r.birthDate <= asOf), contracts, asOf);
        const fast = await signingRatesSql(db, communityId, asOf);
        expect(fast, `as of ${asOf}`).toEqual({ residents: pure.residents, signed: pure.signed, key_population: pure.keyPopulation, key_signed: pure.keySigned });
        expect(fast).toEqual(await signingRatesRawSql(db, communityId, asOf));
      }
    }
  }

  const pkg = (code: string) => packages.find((x) => x.code === code)!.id;
  async function newResident(birth: string, flags?: Record<string, unknown>) {
    const r = await p.call('POST', '/api/v1/residents', vdoc, residentBody(w.first.id, w.villageId, { idNumber: validIdNumber(birth), name: '汇总测试', ...(flags ? { flags } : {}) }));
    expect(r.status).toBe(201);
    return r.body.id as string;
  }
  async function sign(residentId: string, codes: string[]) {
    const r = await p.call('POST', '/api/v1/contracts', vdoc, { residentId, teamId: team.id, packageIds: codes.map(pkg), startsOn: today() });
    expect(r.status).toBe(201);
    touched.push(r.body.starts_on, r.body.ends_on);
    return r.body as { id: string; ends_on: string };
  }

  it('equals the raw SQL and the pure function on the seeded data', async () => {
    await expectSummaryExact();
  });

  it('stays exact after residents are created and contracts signed, renewed and terminated through the services', async () => {
    const elder = await newResident('19600229'); // 65 on 1 March 2025 (no 29 February that year)
    const child = await newResident('20200229'); // leaves 0–6 on 1 March 2027
    const adult = await newResident('19900101');
    await sign(elder, ['basic', 'elderly']);
    const c = await sign(child, ['basic']);
    const a = await sign(adult, ['basic']);
    const renewed = await p.call('POST', `/api/v1/contracts/${c.id}/renew`, vdoc);
    expect(renewed.status).toBe(201);
    touched.push(addMonths(c.ends_on, 12));
    const t = await p.call('POST', `/api/v1/contracts/${a.id}/terminate`, vdoc, { reason: 'resident_request', terminatedOn: today() });
    expect(t.status).toBe(200);
    await expectSummaryExact();
  });

  it('stays exact after the residents module changes flags, problems and where a record lives', async () => {
    const mother = await newResident('19950610');
    const due = addDays(today(), 40);
    expect((await p.call('PATCH', `/api/v1/residents/${mother}`, vdoc, { flags: { pregnancyDueDate: due } })).status).toBe(200);
    await expectSummaryExact();
    const delivered = addDays(today(), -30);
    expect((await p.call('PATCH', `/api/v1/residents/${mother}`, vdoc, { flags: { deliveryDate: delivered } })).status).toBe(200);
    const patient = await newResident('19800808');
    expect((await p.call('POST', `/api/v1/residents/${patient}/problems`, vdoc, { code: 'I10' })).status).toBe(201);
    await sign(patient, ['basic', 'hypertension']);
    const disabled = await newResident('19850505');
    expect((await p.call('PATCH', `/api/v1/residents/${disabled}`, vdoc, { flags: { disabled: true } })).status).toBe(200);
    const moving = await newResident('19750303');
    await sign(moving, ['basic']);
    const moved = await p.call('POST', `/api/v1/residents/${moving}/transfer`, await p.login('admin'), { toCommunityId: w.second.id, toOrganizationId: w.secondVillageId, reason: '迁居德清以外' });
    expect(moved.status).toBe(200);
    touched.push(due, delivered, addDays(delivered, 42), addDays(delivered, 43));
    await expectSummaryExact();
  });

  it('stays exact after writes no service makes yet (a resolved problem, a death, a deleted contract) and their refresh', async () => {
    const touchedResidents = (await p.ctx.db.query<{ id: string }>(
      `update resident_problem set resolved_date = $2 where community_id = $1 and icd10_code = 'I10' and id = (select id from resident_problem where community_id = $1 and icd10_code = 'I10' order by id limit 1) returning resident_id as id`, [w.first.id, today()])).rows;
    touchedResidents.push(...(await p.ctx.db.query<{ id: string }>(`update resident set status = 'deceased' where community_id = $1 and id = (select resident_id from fd_contract where community_id = $1 and status = 'active' order by id limit 1) returning id`, [w.first.id])).rows);
    const victim = (await p.ctx.db.query<{ id: string; resident_id: string }>(
      `select c.id, c.resident_id from fd_contract c where c.community_id = $1 and not exists (select 1 from fd_contract n where n.community_id = c.community_id and n.renewed_from = c.id) order by c.id limit 1`, [w.first.id])).rows[0]!;
    for (const table of ['fd_service', 'fd_contract_package']) await p.ctx.db.query(`delete from ${table} where community_id = $1 and contract_id = $2`, [w.first.id, victim.id]);
    await p.ctx.db.query('delete from fd_contract where community_id = $1 and id = $2', [w.first.id, victim.id]);
    await refreshSigningRates(p.ctx.db, w.first.id, [...touchedResidents.map((r) => r.id), victim.resident_id]);
    await expectSummaryExact();
  });

  it('keeps incremental deltas equal to a rebuild from the sources', async () => {
    for (const communityId of [w.first.id, w.second.id]) {
      const snapshot = async () => (await p.ctx.db.query(
        `select grain, bucket::text, residents, signed, key_population, key_signed from fd_signing_delta
          where community_id = $1 and (residents <> 0 or signed <> 0 or key_population <> 0 or key_signed <> 0) order by 1, 2`, [communityId])).rows;
      const incremental = await snapshot();
      expect(incremental.length).toBeGreaterThan(0);
      await rebuildRateSummaries(p.ctx.db, communityId, ['signing']);
      expect(await snapshot()).toEqual(incremental);
    }
  });
});
