import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { requireResponseSchemas, routesWithoutResponseSchema } from './response-schemas.ts';
import { ok } from './responses.ts';

/** A bare app with the check and the given routes (the fixture of issue 9's "a route without a response schema fails"). */
async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireResponseSchemas(app);
  register(app);
  return app;
}

describe('response schemas', () => {
  it('refuses to start an app with API and FHIR routes that declare no response, naming each', async () => {
    const app = await appWith((a) => {
      a.get('/api/v1/typed', { schema: { response: ok(z.object({ n: z.number() })) } }, async () => ({ n: 1 }));
      a.get('/api/v1/untyped', async () => ({ n: 1 }));
      a.post('/api/v1/untyped/:id', { schema: { params: z.object({ id: z.string() }) } }, async () => ({ n: 1 }));
      void a.register(async (s: typeof a) => {
        s.get('/fhir/Thing/:id', async () => ({ resourceType: 'Thing' }));
      });
    });
    const failure = app.ready().then(() => null, (e: Error) => e);
    const e = await failure;
    expect(e?.message).toMatch(/without a response schema/);
    expect(e?.message).toContain('GET /api/v1/untyped');
    expect(e?.message).toContain('POST /api/v1/untyped/:id');
    expect(e?.message).toContain('GET /fhir/Thing/:id');
    expect(e?.message).not.toContain('/api/v1/typed');
    await app.close().catch(() => undefined);
  });

  it('starts when every API route declares its responses; other paths (the web app) need none', async () => {
    const app = await appWith((a) => {
      a.get('/api/v1/typed', { schema: { response: ok(z.object({ n: z.number() })) } }, async () => ({ n: 1 }));
      a.get('/', async () => 'web app');
    });
    await expect(app.ready()).resolves.toBeDefined();
    expect((await app.inject({ url: '/api/v1/typed' })).json()).toEqual({ n: 1 });
    await app.close();
  });

  it('checks the reply against the schema: an unknown key is dropped, a wrong type is a 500', async () => {
    const app = await appWith((a) => {
      a.get('/api/v1/extra', { schema: { response: ok(z.object({ n: z.number() })) } }, async () => ({ n: 1, secret: 'x' }));
      a.get('/api/v1/wrong', { schema: { response: ok(z.object({ n: z.number() })) } }, async () => ({ n: 'one' }));
    });
    expect((await app.inject({ url: '/api/v1/extra' })).json()).toEqual({ n: 1 });
    expect((await app.inject({ url: '/api/v1/wrong' })).statusCode).toBe(500);
    await app.close();
  });

  it('lists a route once per method, leaves out HEAD, and wants a success body declared', () => {
    expect(routesWithoutResponseSchema([
      { method: ['GET', 'HEAD'], url: '/api/v1/a', schema: {} },
      { method: 'GET', url: '/api/docs/json' },
      { method: 'DELETE', url: '/api/v1/b/:id', schema: { response: {} } },
      { method: 'POST', url: '/api/v1/c', schema: { response: { '4xx': z.object({}) } } },
      { method: 'POST', url: '/api/v1/d', schema: { response: { 201: z.object({}) } } },
    ])).toEqual(['GET /api/v1/a', 'DELETE /api/v1/b/:id', 'POST /api/v1/c']);
  });
});
