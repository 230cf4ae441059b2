import type { FastifyInstance, RouteOptions } from 'fastify';

/** The paths whose routes must declare their responses: the API and the FHIR facade. */
const TYPED_PREFIXES = ['/api/v1/', '/fhir/'];

/** A `schema.response` that declares at least one success (2xx) body. */
function declaresSuccess(response: unknown): boolean {
  return typeof response === 'object' && response !== null && Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status));
}

/** `GET /api/v1/x` for each route of the API or the FHIR facade whose `schema.response` declares no success body. */
export function routesWithoutResponseSchema(routes: readonly Pick<RouteOptions, 'method' | 'url' | 'schema'>[]): string[] {
  return routes
    .filter((r) => TYPED_PREFIXES.some((p) => r.url.startsWith(p)) && !declaresSuccess(r.schema?.response))
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD').map((m) => `${m} ${r.url}`));
}

/**
 * Refuses to start an app with an API route that does not declare its responses (issue 9: every
 * route has a response schema, so the OpenAPI document is complete and replies are checked).
 * Install before the routes are registered; `ready()` then fails naming every such route.
 */
export function requireResponseSchemas(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const missing = routesWithoutResponseSchema(routes);
    if (missing.length) throw new Error(`Routes without a response schema (schema.response):\n  ${missing.join('\n  ')}`);
  });
}
