import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { apiRoutes } from './openapi-routes.ts';
import { countingDatabase } from '../src/platform/db/counting-database.ts';

/**
 * No N+1 (issue #11 item 3): a list route sends the same number of statements for a page of one
 * item and a page of a hundred. Every GET route of the OpenAPI description that takes `limit` must
 * be in the table below, so a new paged route joins the test.
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
  }, 180_000);
  afterAll(() => p?.close());

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
