import type { FastifyInstance } from 'fastify';

/** A JSON Schema as the OpenAPI document gives it (zod → JSON Schema). */
export type JsonSchema = Record<string, any>;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. `/api/v1/referrals/{id}`. */
  path: string;
  /** Path parameters by name with their schema. */
  params: Record<string, JsonSchema>;
  /** Query parameters by name with their schema and whether they are required. */
  query: Record<string, { schema: JsonSchema; required: boolean }>;
  /** Request body media types → schema (empty when the route takes no body). */
  body: Record<string, JsonSchema>;
  /** The 2xx media types the route answers with. */
  produces: string[];
  /** The JSON schema of the 200 (or first 2xx) `application/json` response, when there is one. */
  response: JsonSchema | null;
  tags: string[];
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  tags?: string[];
}

/**
 * Every API and FHIR route of the app as its OpenAPI description declares it — the source the
 * fuzz suite, the scope matrix and the audit-completeness test walk, so a new route joins them
 * without anyone remembering to add it.
 */
export async function apiRoutes(app: FastifyInstance): Promise<ApiRoute[]> {
  const r = await app.inject({ url: '/api/docs/json' });
  if (r.statusCode !== 200) throw new Error(`OpenAPI document: ${r.statusCode}`);
  const doc = r.json() as { paths: Record<string, Record<string, Operation>> };
  const routes: ApiRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/') && !path.startsWith('/fhir/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const params: ApiRoute['params'] = {};
      const query: ApiRoute['query'] = {};
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') params[p.name] = p.schema ?? {};
        else if (p.in === 'query') query[p.name] = { schema: p.schema ?? {}, required: p.required === true };
      }
      const body: ApiRoute['body'] = {};
      for (const [type, c] of Object.entries(op.requestBody?.content ?? {})) body[type] = c.schema ?? {};
      const produces = [...new Set(Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('2')).flatMap(([, x]) => Object.keys(x.content ?? {})))];
      const ok = Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('2')).sort(([a], [b]) => a.localeCompare(b))[0]?.[1];
      const response = ok?.content?.['application/json']?.schema ?? null;
      routes.push({ method: method.toUpperCase() as ApiRoute['method'], path, params, query, body, produces, response, tags: op.tags ?? [] });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(v);
  });
}
