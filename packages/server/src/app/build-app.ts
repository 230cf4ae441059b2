import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { AppContext } from '../platform/context.ts';
import { z } from 'zod';
import { healthResponse } from '@yigong/contracts';

/** The OpenAPI description itself: an object, passed through as generated. */
const openApiDocument = z.looseObject({ openapi: z.string() });
import { installErrorHandler } from '../platform/http/error-handler.ts';
import { requireResponseSchemas } from '../platform/http/response-schemas.ts';
import { ok } from '../platform/http/responses.ts';
import { installAuthentication } from '../platform/auth/authenticate.ts';
import { installInputChecks } from '../platform/http/input-checks.ts';
import { installReadAudit } from '../platform/audit/read-audit.ts';
import { errorLogLine, requestLogLine } from '../platform/http/log-redaction.ts';
import { installRateLimit, installSecurityHeaders } from '../platform/http/edge.ts';
import { authRoutes } from '../modules/auth/index.ts';
import { orgRoutes } from '../modules/org/index.ts';
import { grantRoutes, residentRoutes } from '../modules/residents/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { schedulingRoutes } from '../modules/scheduling/index.ts';
import { referralFhirRoutes, referralRoutes } from '../modules/referral/index.ts';
import { chronicRoutes } from '../modules/chronic/index.ts';
import { insuranceRoutes } from '../modules/insurance/index.ts';
import { diagnosticsFhirRoutes, diagnosticsRoutes } from '../modules/diagnostics/index.ts';
import { sterileRoutes } from '../modules/sterile/index.ts';
import { devClockRoutes } from './dev-clock.routes.ts';
import { fhirServiceRequestRoutes } from './fhir-service-request.routes.ts';
import { familyDoctorRoutes } from '../modules/family-doctor/index.ts';
import { encounterRoutes } from '../modules/encounters/index.ts';
import { indicatorRoutes } from '../modules/indicators/index.ts';


/** Builds the HTTP app: API under /api/v1, OpenAPI at /api/docs, the web app at /. */
export async function buildApp(ctx: AppContext, opts: { logStream?: { write(line: string): void } } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // The access log: route pattern and path, query values redacted (no ID number, name or phone).
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel, serializers: { req: requestLogLine, err: errorLogLine }, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: ctx.config.trustedProxies.length > 0 ? ctx.config.trustedProxies : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireResponseSchemas(app);
  installErrorHandler(app);
  await installSecurityHeaders(app);
  await app.register(swagger, {
    openapi: { info: { title: 'Yigong (医共) API', version: '1' }, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } },
    transform: jsonSchemaTransform,
  });
  // The interactive docs are public in demo mode only; in production the API description is
  // served to signed-in accounts alone (GET /api/v1/openapi.json), so no one maps the API anonymously.
  if (ctx.config.mode === 'demo') await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthentication(app, ctx);
  installInputChecks(app);
  installReadAudit(app, ctx);
  await installRateLimit(app, ctx.config);

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/openapi.json', { schema: { response: ok(openApiDocument), tags: ['platform'], hide: true } }, async () => app.swagger() as unknown as z.infer<typeof openApiDocument>);
  api.get('/api/v1/health', { schema: { response: ok(healthResponse), tags: ['platform'] }, config: { public: true } }, async () => ({ status: 'ok' as const, mode: ctx.config.mode }));
  await app.register(async (scope) => {
    const s = scope.withTypeProvider<ZodTypeProvider>();
    authRoutes(s, ctx);
    orgRoutes(s, ctx);
    residentRoutes(s, ctx);
    grantRoutes(s, ctx);
    auditRoutes(s, ctx);
    schedulingRoutes(s, ctx);
    referralRoutes(s, ctx);
    chronicRoutes(s, ctx);
    familyDoctorRoutes(s, ctx);
    // The encounter feed's body types (NDJSON, CSV, FHIR Bundles) and its size limit hold for the
    // ingest route alone: every other route takes application/json up to 5 MB, else 415 / 413.
    await s.register(async (feed) => encounterRoutes(feed.withTypeProvider<ZodTypeProvider>(), ctx));
    indicatorRoutes(s, ctx);
    insuranceRoutes(s, ctx);
    sterileRoutes(s, ctx);
    // Multipart study uploads are parsed in this plugin only.
    await s.register(async (d) => diagnosticsRoutes(d.withTypeProvider<ZodTypeProvider>(), ctx));
    if (ctx.config.clockControl) devClockRoutes(s, ctx);
  }, { prefix: '/api/v1' });
  // FHIR R4 facade (DESIGN.md "Interoperability"), same sessions and scope as the API.
  fhirServiceRequestRoutes(api, ctx);
  referralFhirRoutes(api, ctx);
  diagnosticsFhirRoutes(api, ctx);

  if (existsSync(`${ctx.config.webDist}/index.html`)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: true });
    // Client-side routes fall back to the app shell; unknown API paths stay JSON 404s.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/fhir/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `没有这个接口：${req.method} ${req.url}`, details: null } });
    });
  } else {
    app.get('/', { config: { public: true } }, async (_req, reply) =>
      reply.type('text/html').send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>医共 Yigong</title><body><p>Web app not built: run <code>npm run build</code>.</p></body></html>'),
    );
    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `没有这个接口：${req.method} ${req.url}`, details: null } });
    });
  }
  return app;
}
