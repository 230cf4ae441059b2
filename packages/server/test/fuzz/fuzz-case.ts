import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { fillPath, type ApiRoute } from '../openapi-routes.ts';
import { badId, hostileQueryValue, wrongType } from './hostile-values.ts';
import { valueOf, type IdsFor } from './schema-arbitrary.ts';
import { pathParamName } from './id-pool.ts';

/** Who sends a case: privileged accounts mostly (so cases reach validation and handlers), some anonymous. */
export const ACTORS = ['manager', 'admin', 'doctor.lead', 'doctor.town', 'vdoc', 'his.town'] as const;
export type Actor = (typeof ACTORS)[number];

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string | null; payload: string };

export interface FuzzCase {
  actor: Actor | null;
  params: Record<string, string>;
  query: [string, string][];
  /** Appended to the query string as it is (malformed percent-encoding and the like). */
  rawQuery: string;
  body: FuzzBody;
}

const actor: fc.Arbitrary<Actor | null> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Actor>('manager') },
  { weight: 4, arbitrary: fc.constant<Actor>('admin') },
  // Clinicians: referrals, follow-ups and contracts are theirs to write.
  { weight: 4, arbitrary: fc.constant<Actor>('doctor.lead') },
  { weight: 3, arbitrary: fc.constant<Actor>('vdoc') },
  { weight: 2, arbitrary: fc.constant<Actor>('doctor.town') },
  { weight: 1, arbitrary: fc.constant<Actor>('his.town') },
  { weight: 2, arbitrary: fc.constant(null) },
);

const CONTENT_TYPES = ['text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'application/xml', 'application/fhir+json',
  'application/x-ndjson', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json', 'application/octet-stream', null];

/** Bodies no JSON route should take: wrong content types, broken JSON, NDJSON and CSV with hostile lines. */
function rawBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  const payload = fc.oneof(
    valid.map((v) => JSON.stringify(v) ?? ''),
    fc.constantFrom('', '{', '{"a":', 'null', '[]', '[null]', '"\u0000"', '\u0000', 'a,b\n1,2\n', 'id,source\n\u0000,x\n', '<x/>', '{"a":1}{"b":2}', '[' .repeat(2000)),
    fc.array(wrongType.map((v) => JSON.stringify(v) ?? 'undefined'), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
  );
  return fc.record({ kind: fc.constant('raw' as const), contentType: fc.constantFrom(...CONTENT_TYPES), payload });
}

function bodyCase(route: ApiRoute, ids: IdsFor): fc.Arbitrary<FuzzBody> {
  if (route.method === 'GET') return fc.constant({ kind: 'none' as const });
  const schema = route.body['application/json'];
  if (!schema) {
    // A command without a body, or a route taking its own formats (the encounter feed).
    return fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 3, arbitrary: rawBody(wrongType) },
      { weight: 2, arbitrary: wrongType.map((value) => ({ kind: 'json' as const, value })) });
  }
  const valid = valueOf(schema, { ids, hostility: 0 });
  const hostile = valueOf(schema, { ids, hostility: 2 });
  return fc.oneof(
    { weight: 8, arbitrary: valid.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 8, arbitrary: hostile.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: wrongType.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 2, arbitrary: rawBody(valid) },
  );
}

function queryCase(route: ApiRoute, ids: IdsFor): fc.Arbitrary<[string, string][]> {
  const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const params = Object.entries(route.query).map(([name, { schema, required }]) => {
    const value = fc.oneof({ weight: 3, arbitrary: valueOf(schema, { ids, hostility: 0 }, name).map(asText) }, { weight: 2, arbitrary: hostileQueryValue });
    const pairs = fc.oneof({ weight: 6, arbitrary: value.map((v) => [[name, v]] as [string, string][]) },
      { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => [[name, a], [name, b]] as [string, string][]) });
    return required ? pairs : fc.option(pairs, { nil: [] as [string, string][], freq: 2 });
  });
  const extra = fc.option(fc.tuple(fc.constantFrom('x', 'communityId', 'limit', '__proto__', 'cursor'), hostileQueryValue).map((p) => [p]), { nil: [] as [string, string][], freq: 4 });
  return fc.tuple(fc.tuple(...params), extra).map(([ps, e]) => [...ps.flat(), ...e]);
}

function paramsCase(route: ApiRoute, ids: IdsFor): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, schema] of Object.entries(route.params)) {
    const fitting = valueOf(schema, { ids, hostility: 0 }, pathParamName(route.path, name)).map(String);
    model[name] = fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: badId }, { weight: 1, arbitrary: hostileQueryValue });
  }
  return fc.record(model);
}

/** The cases of one route: its path, query and body parameters from its schemas, valid-ish and hostile. */
export function caseArbitrary(route: ApiRoute, ids: IdsFor): fc.Arbitrary<FuzzCase> {
  return fc.record({
    actor,
    params: paramsCase(route, ids),
    query: queryCase(route, ids),
    rawQuery: fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '&&==&', 'a[b]=1', '%E4%B8') }),
    body: bodyCase(route, ids),
  });
}

/** The request a case sends (from an address of its own, so its failed logins throttle no one else). */
export function requestOf(route: ApiRoute, c: FuzzCase, token: string | null): InjectOptions {
  const qs = [...c.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`), ...(c.rawQuery ? [c.rawQuery] : [])].join('&');
  const url = fillPath(route.path, c.params) + (qs ? `?${qs}` : '');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const base = { method: route.method, url, remoteAddress: '198.51.100.7' } as const;
  if (c.body.kind === 'none') return { ...base, headers };
  if (c.body.kind === 'json') return { ...base, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(c.body.value) ?? '' };
  return { ...base, headers: { ...headers, ...(c.body.contentType ? { 'content-type': c.body.contentType } : {}) }, payload: c.body.payload };
}

/** A case as one line for a failure report (long strings cut). */
export function describeCase(c: FuzzCase): string {
  return JSON.stringify(c, (_k, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v));
}
