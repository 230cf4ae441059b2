import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { apiRoutes, type ApiRoute } from './openapi-routes.ts';
import { loadWorld, type World } from './scope-matrix/world.ts';
import { Objects } from './scope-matrix/objects.ts';
import { ROUTE_TABLE } from './scope-matrix/route-table.ts';
import { runRoute, type Tally } from './scope-matrix/run-matrix.ts';
import { changedTables, fingerprint } from './scope-matrix/fingerprint.ts';

/**
 * Issue #10 point 5, the scope matrix: every route of the OpenAPI description × every demo role
 * × an object of the own unit, a sibling unit of the same township, another township and the
 * other community (lists: with filters naming each). Counts leaks (an answer or a change across
 * a boundary the role must not cross) and wrong refusals (403/404 where the role has access).
 */
describe('scope matrix', () => {
  let p: TestPlatform;
  let routes: ApiRoute[];
  let w: World;

  beforeAll(async () => {
    p = await openTestPlatform();
    routes = await apiRoutes(p.app);
    w = await loadWorld(p);
  });
  afterAll(async () => p.close());

  it('has an entry for every route of the OpenAPI description, and none for a route that is gone', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((k) => !keys.includes(k))).toEqual([]);
    for (const [k, e] of Object.entries(ROUTE_TABLE)) if (e.kind === 'exempt') expect(e.reason.length, k).toBeGreaterThan(10);
  });

  it('sees a change of one row in the fingerprint the refused writes are checked with', async () => {
    const resident = (await p.call('GET', '/api/v1/residents?limit=1', await p.login('vdoc'))).body.items[0] as { id: string };
    const before = await fingerprint(p.ctx.db);
    expect(changedTables(before, await fingerprint(p.ctx.db))).toEqual([]);
    expect((await p.call('PATCH', `/api/v1/residents/${resident.id}`, await p.login('vdoc'), { address: '德清县武康街道指纹路2号' })).status).toBe(200);
    expect(changedTables(before, await fingerprint(p.ctx.db))).toContain('resident');
  });

  it('finds no leak and no wrong refusal across the four places', async () => {
    const started = Date.now();
    const t: Tally = { cases: 0, leaks: [], wrongRefusals: [], errors: [], inconclusive: [], unchecked: 0, partyAnswers: new Map(), skipped: 0 };
    const objects = new Objects(p, w);
    // Reads first, so that writes (a transfer, a cancelled referral) cannot move an object a read is tried on.
    const ordered = [...routes].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    let exempt = 0;
    for (const route of ordered) {
      const e = ROUTE_TABLE[`${route.method} ${route.path}`];
      if (!e || e.kind === 'exempt') { exempt++; continue; }
      const t0 = Date.now();
      await runRoute(p, route, e, w, objects, t);
      if (process.env.SCOPE_MATRIX_TIMES) console.info(`${Date.now() - t0} ms ${route.method} ${route.path}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(`scope matrix: ${t.cases} cases, ${t.leaks.length} leaks, ${t.wrongRefusals.length} wrong refusals`
      + ` (${routes.length - exempt} routes, ${exempt} exempt; ${t.unchecked} in-scope writes left to party rules, ${t.inconclusive.length} inconclusive, ${t.skipped} skipped; ${seconds} s)`);
    console.info(`  in-scope writes left to party rules: ${[...t.partyAnswers].map(([k, n]) => `${k}×${n}`).join(', ')}`);
    for (const [name, list] of [['leak', t.leaks], ['wrong refusal', t.wrongRefusals], ['error', t.errors], ['inconclusive', t.inconclusive]] as const) {
      for (const line of list) console.info(`  ${name}: ${line}`);
    }
    expect(t.errors).toEqual([]);
    expect(t.leaks).toEqual([]);
    expect(t.wrongRefusals).toEqual([]);
    expect(t.cases).toBeGreaterThan(1500);
  }, 600_000);
});
