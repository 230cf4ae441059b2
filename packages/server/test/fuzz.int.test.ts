import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { apiRoutes, type ApiRoute } from './openapi-routes.ts';
import { fuzzSettings } from './fuzz/fuzz-settings.ts';
import { idsFor, loadIdPool } from './fuzz/id-pool.ts';
import { watchRowChanges } from './fuzz/row-changes.ts';
import { ACTORS } from './fuzz/fuzz-case.ts';
import { fuzzRoute, Sessions, type RouteTally } from './fuzz/fuzz-run.ts';

const settings = fuzzSettings(process.env, inject('template').kind === 'citus' ? 5 : 50);

/** Routes with something to fuzz: a body (every write route) or a query or path parameter. */
const fuzzable = (r: ApiRoute) => r.method !== 'GET' || Object.keys(r.query).length > 0 || Object.keys(r.params).length > 0;

/**
 * Issue #10 "No 5xx on any input": every write route and every query parameter of every route in
 * the OpenAPI description, sent cases generated from its schemas with fast-check — valid, at the
 * edges the schemas allow, and hostile (control characters, huge strings, wrong types, year 0000,
 * bad ids and cursors, extra fields, wrong content types). No case may get a 5xx, and none that is
 * refused (4xx) may change the number of rows of any table.
 * `npm run fuzz -- --cases N [--seed S]` runs more; YIGONG_FUZZ_CASES / YIGONG_FUZZ_SEED here.
 */
describe('fuzz: generated input on every route', () => {
  let p: TestPlatform;
  let routes: ApiRoute[];
  const tallies: RouteTally[] = [];

  beforeAll(async () => {
    p = await openTestPlatform();
    routes = (await apiRoutes(p.app)).filter((r) => fuzzable(r) && (!settings.only || `${r.method} ${r.path}`.includes(settings.only)));
  });
  afterAll(async () => p?.close());

  // A bound, not a target: about 150 routes, up to 400 ms a case (on Citus each case counts the rows of every table).
  it('answers no case with a 5xx and changes no rows on a refusal', { timeout: 60_000 + settings.casesPerRoute * 150 * 400 }, async () => {
    const started = Date.now();
    const ids = idsFor(await loadIdPool(p.ctx.db, ACTORS));
    const changes = await watchRowChanges(p.ctx.db);
    const sessions = new Sessions(p);
    await sessions.signInAll(ACTORS);
    for (const route of routes) {
      const t0 = Date.now();
      const tally = await fuzzRoute(p, route, { ids, settings, sessions, changes });
      tallies.push(tally);
      if (settings.verbose) console.log(`fuzz: ${tally.route} ${tally.cases} cases ${JSON.stringify(tally.byClass)} ${Date.now() - t0} ms`);
    }

    const total = (cls: string) => tallies.reduce((n, t) => n + (t.byClass[cls] ?? 0), 0);
    const failures = tallies.flatMap((t) => t.failures);
    const fivexx = failures.filter((f) => f.problem === '5xx').length;
    const changed = failures.length - fivexx;
    const cases = tallies.reduce((n, t) => n + t.cases, 0);
    const accepting = tallies.filter((t) => (t.byClass['2xx'] ?? 0) > 0).length;
    console.log(`fuzz: ${cases} cases over ${tallies.length} routes, ${fivexx} × 5xx, ${changed} row changes on 4xx ` +
      `(2xx ${total('2xx')} on ${accepting} routes, 4xx ${total('4xx')}; seed ${settings.seed}, ${settings.casesPerRoute} a route, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const f of failures.slice(0, 30)) console.log(`fuzz failure: ${f.route} → ${f.status} ${f.problem} ${f.changes.join(', ')}\n  case ${f.case}\n  response ${f.response}`);

    expect(cases).toBe(tallies.length * settings.casesPerRoute);
    if (!settings.only) {
      // The whole API (91 routes today, 50 of them writes), and cases accepted on some routes: the
      // suite reaches the handlers, not only the validation in front of them.
      expect(tallies.filter((t) => !t.route.startsWith('GET ')).length).toBeGreaterThan(40);
      expect(accepting).toBeGreaterThan(0);
    }
    expect(failures.map((f) => `${f.route} → ${f.status} ${f.problem} ${f.changes.join(', ')}`)).toEqual([]);
  });
});
