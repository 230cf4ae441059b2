import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

let p: TestPlatform;
beforeAll(async () => {
  p = await openTestPlatform();
});
afterAll(() => p.close());

describe('the OpenAPI document', () => {
  it('describes a success response body for every API and FHIR route', async () => {
    const doc = (await p.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
    const routes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/') || path.startsWith('/fhir/'));
    expect(routes.length).toBeGreaterThan(70);
    const undescribed = routes.flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !Object.entries(op.responses ?? {}).some(([status, r]) => status.startsWith('2') && Object.values(r.content ?? {}).some((c) => c.schema)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('shows the referral view with its fields, the error body, and the PDF slip as binary', async () => {
    const doc = (await p.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
    const read = doc.paths['/api/v1/referrals/{id}']!.get!.responses!;
    const body = read['200']!.content!['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['pickupCode', 'status', 'history', 'actions']));
    expect(read['4XX']!.content!['application/json']!.schema).toMatchObject({ properties: { error: { properties: { code: {}, message: {} } } } });
    const slip = doc.paths['/api/v1/referrals/{id}/slip.pdf']!.get!.responses!['200']!.content!;
    expect(slip['application/pdf']!.schema).toMatchObject({ type: 'string', format: 'binary' });
  });
});
