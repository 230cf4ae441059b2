import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.ts';
import type { TestPlatform } from '../test-platform.ts';
import type { ApiRoute } from '../openapi-routes.ts';
import { caseArbitrary, describeCase, requestOf, type Actor } from './fuzz-case.ts';
import { changedTables, type RowChanges } from './row-changes.ts';
import type { IdsFor } from './schema-arbitrary.ts';
import { routeSeed, type FuzzSettings } from './fuzz-settings.ts';

export interface FuzzFailure {
  route: string;
  problem: '5xx' | 'rows changed on a 4xx';
  /** Tables with rows inserted or deleted, as `table +n`. */
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

/**
 * Rows a refusal writes on purpose: a failed sign-in is recorded (`auth.login_failed`, the
 * security audit of docs/SECURITY.md) — the one 4xx that must leave a trace.
 */
const ALLOWED_ON_REFUSAL: Record<string, string[]> = { 'POST /api/v1/auth/login': ['platform_audit_log'] };

/** Signs the demo accounts in (from the test's own address) and signs them in again when a case ended their session. */
export class Sessions {
  private tokens = new Map<Actor, string>();
  constructor(private p: TestPlatform) {}

  async token(actor: Actor | null): Promise<string | null> {
    if (!actor) return null;
    return this.tokens.get(actor) ?? this.renew(actor);
  }

  /** Signs every fuzzing account in before the first case, so no sign-in is counted against a case. */
  async signInAll(actors: readonly Actor[]): Promise<void> {
    for (const a of actors) await this.renew(a);
  }

  async renew(actor: Actor): Promise<string> {
    const r = await this.p.call<{ token: string }>('POST', '/api/v1/auth/login', null, { username: actor, password: DEMO_PASSWORD });
    if (r.status !== 200) throw new Error(`login ${actor} → ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens.set(actor, r.body.token);
    return r.body.token;
  }
}

/**
 * Sends one route its generated cases in order, reading the rows inserted and deleted around each:
 * a 5xx is a failure, and so is a 4xx after which any table gained or lost rows.
 */
export async function fuzzRoute(p: TestPlatform, route: ApiRoute, o: { ids: IdsFor; settings: FuzzSettings; sessions: Sessions; changes: () => Promise<RowChanges> }): Promise<RouteTally> {
  const name = `${route.method} ${route.path}`;
  const cases = fc.sample(caseArbitrary(route, o.ids), { seed: routeSeed(o.settings.seed, name), numRuns: o.settings.casesPerRoute });
  const tally: RouteTally = { route: name, cases: cases.length, byClass: {}, failures: [] };
  let before = await o.changes();
  for (const c of cases) {
    let res = await p.app.inject(requestOf(route, c, await o.sessions.token(c.actor)));
    if (res.statusCode === 401 && c.actor) {
      // An earlier case signed this account out (logout, revoke-sessions): sign in again and resend.
      const token = await o.sessions.renew(c.actor);
      before = await o.changes();
      res = await p.app.inject(requestOf(route, c, token));
    }
    const after = await o.changes();
    if (o.settings.verbose === 2) console.log(`fuzz case: ${name} ${res.statusCode} ${res.body.slice(0, 160)}\n  ${describeCase(c).slice(0, 400)}`);
    const cls = `${Math.floor(res.statusCode / 100)}xx`;
    tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
    const changes = res.statusCode >= 400 && res.statusCode < 500 ? changedTables(before, after).filter((t) => !ALLOWED_ON_REFUSAL[name]?.includes(t.split(' ')[0]!)) : [];
    if (res.statusCode >= 500 || changes.length > 0) {
      tally.failures.push({ route: name, problem: res.statusCode >= 500 ? '5xx' : 'rows changed on a 4xx', status: res.statusCode, changes, case: describeCase(c), response: res.body.slice(0, 300) });
    }
    before = after;
  }
  return tally;
}
