import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { apiRoutes } from './openapi-routes.ts';
import { countingDatabase } from '../src/platform/db/counting-database.ts';

/**
 * No N+1 (issue #11 item 3): a list route sends the same number of statements for a page of one
 * item and a page of a hundred. Every GET route of the OpenAPI description that takes `limit` must
 * be in the table below, so a new paged route joins the test. Unpaged list routes (whole lists)
 * are called with several items and must not send any statement twice.
 */
describe('list routes run a constant number of statements whatever the page size', () => {
  let p: TestPlatform;
  let counter: ReturnType<typeof countingDatabase>;
  let first: string;
  let month: string;
  const cases = new Map<string, { user: string; query: () => string }>();

  beforeAll(async () => {
    p = await openTestPlatform({ wrapDb: (db) => (counter = countingDatabase(db)).db });
    const admin = await p.login('admin');
    first = (await p.call('GET', '/api/v1/communities', admin)).body.items.find((c: { name: string }) => c.name.startsWith('德清')).id;
    month = new Date(p.clock.now().getTime() - 20 * 86_400_000).toISOString().slice(0, 7);
    // Referrals to page through: the village doctor sends a few up to the lead hospital.
    const vdoc = await p.login('vdoc');
    const lead = (await p.call('GET', `/api/v1/organizations?communityId=${first}&kind=lead_hospital`, vdoc)).body.items[0].id as string;
    const residents = (await p.call('GET', '/api/v1/residents?limit=6', vdoc)).body.items as { id: string }[];
    for (const r of residents) {
      const sent = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: r.id, direction: 'up', toOrganizationId: lead, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }, { code: 'E11.9' }] });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    cases.set('/api/v1/audit', { user: 'manager', query: () => `communityId=${first}` });
    cases.set('/api/v1/contracts', { user: 'doctor.town', query: () => '' });
    cases.set('/api/v1/encounters', { user: 'manager', query: () => `communityId=${first}&period=${month}` });
    cases.set('/api/v1/icd10', { user: 'vdoc', query: () => 'q=I' });
    cases.set('/api/v1/organizations', { user: 'manager', query: () => `communityId=${first}` });
    cases.set('/api/v1/practitioners', { user: 'manager', query: () => `communityId=${first}` });
    cases.set('/api/v1/referrals', { user: 'vdoc', query: () => 'direction=up' });
    cases.set('/api/v1/residents', { user: 'manager', query: () => `communityId=${first}` });
    cases.set('/api/v1/diagnostics/orders', { user: 'reader', query: () => 'view=all' });
    cases.set('/api/v1/critical-values', { user: 'head.town', query: () => 'status=all' });
    cases.set('/api/v1/consultations', { user: 'doctor.lead', query: () => 'view=incoming' });
    cases.set('/api/v1/sterile/batches', { user: 'cssd', query: () => '' });
    cases.set('/api/v1/sterile/packs', { user: 'cssd', query: () => 'status=used' });
    cases.set('/api/v1/sterile/requests', { user: 'cssd', query: () => 'view=incoming' });
  }, 180_000);
  afterAll(() => p?.close());

  /** The unpaged list routes (whole lists: a unit's teams, a resident's enrolments …) and how to call each with several items. */
  const unpaged = new Map<string, { user: string; url: () => Promise<string> }>();
  const sql = async (text: string, params: unknown[] = []) => ((await p.ctx.db.query<{ id: string }>(text, params)).rows[0]?.id ?? '');
  const unpagedCases = () => {
    const ids = {
      chronic: () => sql(`select resident_id::text as id from chronic_enrollment where community_id = $1 group by resident_id having count(*) = 2 order by resident_id limit 1`, [first]),
      contract: () => sql(`select c.id::text as id from fd_contract c join fd_contract_package p on p.community_id = c.community_id and p.contract_id = c.id where c.community_id = $1 group by c.id having count(*) > 1 order by c.id limit 1`, [first]),
      lead: () => sql(`select id::text as id from organization where community_id = $1 and kind = 'lead_hospital'`, [first]),
      // A resident whose contract was renewed: last year's, ended, before this year's.
      contracted: () => sql(
        `insert into fd_contract (community_id, id, resident_id, team_id, organization_id, starts_on, ends_on, status)
         select community_id, gen_random_uuid(), resident_id, team_id, organization_id, starts_on - 365, starts_on - 1, 'renewed'
           from fd_contract where community_id = $1 and status = 'active' order by id limit 1
         returning resident_id::text as id`, [first]),
      readResident: () => sql(`select r.id::text as id from resident r where r.community_id = $1 and exists (select 1 from audit_log a where a.community_id = r.community_id and a.resource_id = r.id::text) order by r.id limit 1`, [first]),
    };
    const day = (offset: number) => new Date(p.clock.now().getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    unpaged.set('/api/v1/access-grants', { user: 'manager', url: async () => '/api/v1/access-grants' });
    unpaged.set('/api/v1/accounts', { user: 'admin', url: async () => '/api/v1/accounts' });
    unpaged.set('/api/v1/break-glass', { user: 'manager', url: async () => `/api/v1/break-glass?communityId=${first}` });
    unpaged.set('/api/v1/chronic/rates/by-unit', { user: 'manager', url: async () => `/api/v1/chronic/rates/by-unit?communityId=${first}&year=${day(-30).slice(0, 4)}` });
    unpaged.set('/api/v1/chronic/residents/{id}', { user: 'manager', url: async () => `/api/v1/chronic/residents/${await ids.chronic()}` });
    unpaged.set('/api/v1/chronic/worklist', { user: 'doctor.town', url: async () => '/api/v1/chronic/worklist?days=60' });
    unpaged.set('/api/v1/communities', { user: 'regulator', url: async () => '/api/v1/communities' });
    unpaged.set('/api/v1/contracts/{id}', { user: 'manager', url: async () => `/api/v1/contracts/${await ids.contract()}` });
    unpaged.set('/api/v1/duplicate-candidates', { user: 'manager', url: async () => '/api/v1/duplicate-candidates' });
    unpaged.set('/api/v1/family-doctor/packages', { user: 'manager', url: async () => `/api/v1/family-doctor/packages?communityId=${first}` });
    unpaged.set('/api/v1/family-doctor/teams', { user: 'manager', url: async () => `/api/v1/family-doctor/teams?communityId=${first}` });
    unpaged.set('/api/v1/grids', { user: 'manager', url: async () => `/api/v1/grids?communityId=${first}` });
    unpaged.set('/api/v1/indicators/definitions', { user: 'manager', url: async () => '/api/v1/indicators/definitions' });
    unpaged.set('/api/v1/referral-catalogue', { user: 'manager', url: async () => `/api/v1/referral-catalogue?communityId=${first}` });
    unpaged.set('/api/v1/residents/{id}/access-log', { user: 'manager', url: async () => `/api/v1/residents/${await ids.readResident()}/access-log` });
    unpaged.set('/api/v1/residents/{id}/contracts', { user: 'manager', url: async () => `/api/v1/residents/${await ids.contracted()}/contracts` });
    unpaged.set('/api/v1/resources', { user: 'manager', url: async () => `/api/v1/resources?organizationId=${await ids.lead()}` });
    unpaged.set('/api/v1/insurance/appraisal', { user: 'insurer', url: async () => `/api/v1/insurance/appraisal?communityId=${first}&year=${Number(day(0).slice(0, 4)) - 1}` });
    unpaged.set('/api/v1/insurance/policies/{communityId}/{year}/versions', { user: 'insurer', url: async () => `/api/v1/insurance/policies/${first}/${day(0).slice(0, 4)}/versions` });
    unpaged.set('/api/v1/insurance/scenarios', { user: 'insurer', url: async () => `/api/v1/insurance/scenarios?communityId=${first}` });
    unpaged.set('/api/v1/diagnostics/centres', { user: 'vdoc', url: async () => `/api/v1/diagnostics/centres?communityId=${first}` });
    unpaged.set('/api/v1/sterile/pack-types', { user: 'vdoc', url: async () => '/api/v1/sterile/pack-types' });
    unpaged.set('/api/v1/diagnostics/items', { user: 'vdoc', url: async () => `/api/v1/diagnostics/items?communityId=${first}` });
    unpaged.set('/api/v1/insurance/settlements', { user: 'insurer', url: async () => `/api/v1/insurance/settlements?communityId=${first}` });
    unpaged.set('/api/v1/slots', { user: 'manager', url: async () => `/api/v1/slots?organizationId=${await ids.lead()}&from=${day(0)}&to=${day(6)}` });
  };

  it('covers every unpaged list route, and none of them sends a statement once per item', async () => {
    unpagedCases();
    const isList = (s: { type?: string; properties?: { items?: { type?: string } } } | null) => !!s && (s.type === 'array' || s.properties?.items?.type === 'array');
    const lists = (await apiRoutes(p.app)).filter((r) => r.method === 'GET' && !('limit' in r.query) && isList(r.response)).map((r) => r.path);
    expect(lists.filter((path) => !unpaged.has(path))).toEqual([]);
    const report: string[] = [];
    for (const [path, c] of unpaged) {
      const token = await p.login(c.user);
      const url = await c.url();
      await p.call('GET', url, token);
      counter.reset();
      const r = await p.call('GET', url, token);
      expect(r.status, `${url} ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
      const items = (Array.isArray(r.body) ? r.body : r.body.items) as unknown[];
      // Several items, and no statement text twice: a query per item would repeat its text.
      expect(items.length, `${url} must list more than one item`).toBeGreaterThan(1);
      const texts = counter.texts().map((t) => t.replace(/\s+/g, ' ').trim());
      const repeated = [...new Set(texts.filter((t, i) => texts.indexOf(t) !== i))];
      expect(repeated, `${path}: statements sent more than once`).toEqual([]);
      report.push(`${path} ${texts.length} (${items.length} items)`);
    }
    console.log(`unpaged list statements: ${report.join('; ')}`);
  });

  it('covers every paged GET route', async () => {
    const paged = (await apiRoutes(p.app)).filter((r) => r.method === 'GET' && 'limit' in r.query).map((r) => r.path);
    expect(paged.filter((path) => !cases.has(path))).toEqual([]);
  });

  it('sends as many statements for limit=100 as for limit=1', async () => {
    const report: string[] = [];
    for (const [path, c] of cases) {
      const token = await p.login(c.user);
      const run = async (limit: number) => {
        const q = c.query();
        // Warm the per-process caches (sessions, reference data) so both runs meet the same state.
        await p.call('GET', `${path}?${q}${q ? '&' : ''}limit=${limit}`, token);
        counter.reset();
        const r = await p.call('GET', `${path}?${q}${q ? '&' : ''}limit=${limit}`, token);
        expect(r.status, `${path} ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
        return { statements: counter.statements(), items: (r.body.items as unknown[]).length };
      };
      const one = await run(1);
      const hundred = await run(100);
      report.push(`${path} ${one.statements}/${hundred.statements} (${hundred.items} items)`);
      expect(hundred.items, `${path} must have more than one item to page`).toBeGreaterThan(1);
      expect({ path, statements: hundred.statements }).toEqual({ path, statements: one.statements });
    }
    console.log(`list statements (limit=1 / limit=100): ${report.join('; ')}`);
  });
});
