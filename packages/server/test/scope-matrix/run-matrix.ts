import { hasPermission } from '@yigong/domain';
import type { TestPlatform } from '../test-platform.ts';
import { fillPath, type ApiRoute } from '../openapi-routes.ts';
import { changedTables, fingerprint } from './fingerprint.ts';
import type { Objects } from './objects.ts';
import type { InScope, ListFilter, RouteEntry } from './route-entries.ts';
import { PLACES, expectedAllowed, placeLocation, type Caller, type Location, type Need, type World } from './world.ts';

export interface Tally {
  cases: number;
  leaks: string[];
  wrongRefusals: string[];
  /** 5xx, or 401 with a valid session. */
  errors: string[];
  /** Answers that neither grant nor refuse access (400 before the scope check, 409 in scope). */
  inconclusive: string[];
  /** In-scope writes left to the object's state and the caller's part (`party rules`). */
  unchecked: number;
  /** Their answers, by status and error code. */
  partyAnswers: Map<string, number>;
  /** Places with no object of the kind the route names. */
  skipped: number;
}

interface Case {
  label: string;
  caller: Caller;
  url: string;
  method: ApiRoute['method'];
  body?: unknown;
  contentType?: string;
  allowed: boolean;
  inScope: InScope;
  /** For lists: what makes a 2xx a leak. */
  list?: { need: Need; aggregate: boolean; filter?: ListFilter; actorFields?: readonly string[] };
}

interface Answer {
  status: number;
  json: any;
  code: string | undefined;
}

async function send(p: TestPlatform, c: Case): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${c.caller.token}` };
  if (c.contentType) headers['content-type'] = c.contentType;
  const r = await p.app.inject({ method: c.method, url: c.url, headers, ...(c.body !== undefined ? { payload: c.body as string } : {}) });
  const json = (r.headers['content-type'] ?? '').toString().includes('json') && r.body ? JSON.parse(r.body) : null;
  return { status: r.statusCode, json, code: json?.error?.code };
}

/** Ids that must not appear in an answer to `caller`: the units (and the community) of the places it cannot reach. */
function foreignIds(w: World, caller: Caller, need: Need): string[] {
  const ids: string[] = [];
  for (const name of PLACES) {
    const place = w.places[name];
    if (!expectedAllowed(caller, need, placeLocation(place))) ids.push(place.orgId);
    if (!expectedAllowed(caller, { ...need, grain: 'community' }, placeLocation(place, []))) ids.push(place.communityId);
  }
  return [...new Set(ids)];
}

function items(json: any): unknown[] | null {
  if (Array.isArray(json?.items)) return json.items;
  if (Array.isArray(json?.entry)) return json.entry;
  return null;
}

function judge(w: World, c: Case, a: Answer, t: Tally): void {
  t.cases++;
  const what = `${c.label} → ${a.status}${a.code ? ` ${a.code} ${String(a.json?.error?.message ?? '').slice(0, 80)}` : ''}`;
  if (a.status >= 500 || a.status === 401) { t.errors.push(what); return; }
  const ok = a.status >= 200 && a.status < 300;
  if (c.list && ok) {
    const listed = items(a.json);
    const actor = new Set(c.list.actorFields ?? []);
    const text = JSON.stringify(listed ?? a.json, (k, v: unknown) => (actor.has(k) ? undefined : v));
    const seen = foreignIds(w, c.caller, c.list.need).filter((id) => text.includes(id));
    if (seen.length) { t.leaks.push(`${what}: foreign ids ${seen.join(', ')}`); return; }
    if (!c.allowed && c.list.aggregate) { t.leaks.push(`${what}: aggregate across the boundary`); return; }
    if (!c.allowed && !c.list.filter?.narrows && (listed === null || listed.length > 0)) { t.leaks.push(`${what}: ${listed?.length ?? 'an object'} returned`); return; }
    return;
  }
  if (!c.allowed) {
    if (ok) t.leaks.push(what);
    else if (a.status !== 403 && a.status !== 404) t.inconclusive.push(what);
    return;
  }
  if (c.inScope === 'party rules') {
    // The caller sees the object (its read routes are in the matrix): not found would be wrong; the rest is the object's state or the caller's part.
    if (a.status === 404) t.wrongRefusals.push(what);
    else { t.unchecked++; t.partyAnswers.set(`${a.status} ${a.code ?? ''}`, (t.partyAnswers.get(`${a.status} ${a.code ?? ''}`) ?? 0) + 1); }
    return;
  }
  if (a.status === 403 || a.status === 404) t.wrongRefusals.push(what);
  else if (!ok) t.inconclusive.push(what);
}

let serial = 0;

/** The cases of one route: each caller against each place (each filter, for lists). */
async function casesOf(route: ApiRoute, e: Exclude<RouteEntry, { kind: 'exempt' }>, w: World, objects: Objects, t: Tally): Promise<Case[]> {
  if (e.kind === 'id' && e.also?.length) {
    const all: Case[] = [];
    for (const kind of [{ object: e.object, need: e.need }, ...e.also]) all.push(...await casesOf(route, { ...e, ...kind, also: [] }, w, objects, t));
    return all;
  }
  const cases: Case[] = [];
  const key = `${route.method} ${route.path}`;
  if (e.kind === 'unfiltered') {
    for (const caller of w.callers) {
      // No filter: the role may list at all (a region account has no community's work list); what it gets must stay in scope.
      const holds = hasPermission(caller.role, e.need.action) && !(e.need.communityAccountsOnly && caller.scope.kind === 'region');
      cases.push({ label: `${caller.username} ${key}`, caller, url: route.path, method: route.method, allowed: holds, inScope: 'allowed', list: { need: e.need, aggregate: false } });
    }
    return cases;
  }
  // A filter or a community-level target that repeats for a second place of the same community is tried once.
  const seen = new Set<string>();
  for (const name of PLACES) {
    const place = w.places[name];
    if (e.kind === 'create' && e.target === 'community') {
      if (seen.has(place.communityId)) continue;
      seen.add(place.communityId);
    }
    if (e.kind === 'list') {
      for (const filter of await e.filters(place, objects)) {
        if (seen.has(filter.query)) continue;
        seen.add(filter.query);
        for (const caller of w.callers) {
          cases.push({ label: `${caller.username} ${key}?${filter.query} [${name}]`, caller, url: `${route.path}?${filter.query}`, method: route.method,
            allowed: expectedAllowed(caller, e.need, filter.at), inScope: 'allowed', list: { need: e.need, aggregate: e.aggregate === true, filter, ...(e.actorFields ? { actorFields: e.actorFields } : {}) } });
        }
      }
      continue;
    }
    for (const caller of w.callers) {
      const n = serial++;
      let at: Location;
      let url: string;
      let body: unknown;
      if (e.kind === 'id') {
        const target = await objects.get(e.object, place, e.fresh === true);
        if (!target) { t.skipped++; continue; }
        at = target.at;
        url = fillPath(route.path, { ...e.params, ...target.params, [e.idParam ?? 'id']: target.id });
        body = e.body ? await e.body({ place, world: w, objects, id: target.id, n }) : undefined;
      } else {
        at = e.target === 'unit' ? placeLocation(place) : placeLocation(place, []);
        url = route.path;
        body = await e.body({ place, world: w, objects, n });
      }
      if (e.query) url += `?${e.query(place)}`;
      cases.push({ label: `${caller.username} ${route.method} ${url} [${name}]`, caller, url, method: route.method, body, allowed: expectedAllowed(caller, e.need, at),
        inScope: e.inScope ?? 'allowed', ...(e.kind === 'create' && e.contentType ? { contentType: e.contentType } : {}) });
    }
  }
  return cases;
}

/**
 * Runs one route's cases. A write's refused cases run first between two fingerprints of every
 * tenant table: a refused write that changed a row is a leak too.
 */
export async function runRoute(p: TestPlatform, route: ApiRoute, e: Exclude<RouteEntry, { kind: 'exempt' }>, w: World, objects: Objects, t: Tally): Promise<void> {
  const cases = await casesOf(route, e, w, objects, t);
  if (route.method === 'GET') {
    for (const c of cases) judge(w, c, await send(p, c), t);
    return;
  }
  const refused = cases.filter((c) => !c.allowed);
  const before = await fingerprint(p.ctx.db);
  for (const c of refused) judge(w, c, await send(p, c), t);
  const changed = changedTables(before, await fingerprint(p.ctx.db));
  if (changed.length) t.leaks.push(`${route.method} ${route.path}: refused writes changed ${changed.join(', ')}`);
  for (const c of cases.filter((x) => x.allowed)) judge(w, c, await send(p, c), t);
}
