import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.ts';
import type { TestPlatform } from '../test-platform.ts';
import type { ApiRoute } from '../openapi-routes.ts';
import { caseArbitrary, describeCase, requestOf, type Actor } from './fuzz-case.ts';
import { countChanges, type RowCounts } from './row-counts.ts';
import type { IdsFor } from './schema-arbitrary.ts';
import { routeSeed, type FuzzSettings } from './fuzz-settings.ts';

export interface FuzzFailure {
  route: string;
  problem: '5xx' | 'rows changed on a 4xx';
  status: number;
  changes: string[];
  case: string;
  response: string;
}

export interface RouteTally {
  route: string;
  cases: number;
  /** Responses by class: `2xx`, `4xx`, `5xx` (and `3xx` should one appear). */
  byClass: Record<string, number>;
  failures: FuzzFailure[];
}

/** Signs the demo accounts in (from the test's own address) and signs them in again when a case ended their session. */
export class Sessions {
  private tokens = new Map<Actor, string>();
  constructor(private p: TestPlatform) {}

  async token(actor: Actor | null): Promise<string | null> {
    if (!actor) return null;
    return this.tokens.get(actor) ?? this.renew(actor);
  }

  async renew(actor: Actor): Promise<string> {
    const r = await this.p.call<{ token: string }>('POST', '/api/v1/auth/login', null, { username: actor, password: DEMO_PASSWORD });
    if (r.status !== 200) throw new Error(`login ${actor} → ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens.set(actor, r.body.token);
    return r.body.token;
  }
}

/**
 * Sends one route its generated cases in order, counting the rows of every table around each:
 * a 5xx is a failure, and so is a 4xx after which any table has more or fewer rows.
 */
export async function fuzzRoute(p: TestPlatform, route: ApiRoute, o: { ids: IdsFor; settings: FuzzSettings; sessions: Sessions; counts: () => Promise<RowCounts> }): Promise<RouteTally> {
  const name = `${route.method} ${route.path}`;
  const cases = fc.sample(caseArbitrary(route, o.ids), { seed: routeSeed(o.settings.seed, name), numRuns: o.settings.casesPerRoute });
  const tally: RouteTally = { route: name, cases: cases.length, byClass: {}, failures: [] };
  let before = await o.counts();
  for (const c of cases) {
    if (process.env.FUZZ_DEBUG) console.log("DEBUG", name, describeCase(c));
    let res = await p.app.inject(requestOf(route, c, await o.sessions.token(c.actor)));
    if (res.statusCode === 401 && c.actor) {
      // An earlier case signed this account out (logout, revoke-sessions): sign in again and resend.
      const token = await o.sessions.renew(c.actor);
      before = await o.counts();
      res = await p.app.inject(requestOf(route, c, token));
    }
    if (process.env.FUZZ_DEBUG) console.log("DEBUG status", res.statusCode);
    const after = await o.counts();
    if (process.env.FUZZ_DEBUG) console.log("DEBUG counted");
    const cls = `${Math.floor(res.statusCode / 100)}xx`;
    tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
    const changes = res.statusCode >= 400 && res.statusCode < 500 ? countChanges(before, after) : [];
    if (res.statusCode >= 500 || changes.length > 0) {
      tally.failures.push({ route: name, problem: res.statusCode >= 500 ? '5xx' : 'rows changed on a 4xx', status: res.statusCode, changes, case: describeCase(c), response: res.body.slice(0, 300) });
    }
    before = after;
  }
  return tally;
}
