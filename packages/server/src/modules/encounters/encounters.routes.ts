import { z } from 'zod';
import { encounterListQuery, encounterListResponse, ingestResult } from '@yigong/contracts';
import { ok } from '../../platform/http/responses.ts';
import type { Readable } from 'node:stream';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { csvLines, ndjsonLines } from './encounter-lines.ts';
import { fhirBundleLines } from './fhir-bundle.ts';
import { ingestCommunity, ingestEncounters } from './ingest.service.ts';
import { listIndicatorEncounters } from './encounter-list.service.ts';

export function encounterRoutes(app: Api, ctx: AppContext): void {
  // NDJSON and CSV bodies are streamed line by line: memory stays flat for a 1 GB upload.
  app.addContentTypeParser(['application/x-ndjson', 'text/csv'], (_req, payload, done) => done(null, payload));
  // A FHIR Bundle is one JSON document: parsed whole (up to 100 MB), then mapped encounter by encounter.
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('FHIR Bundle 不是合法的 JSON'), { statusCode: 400 }), undefined);
    }
  });
  // `::` is a literal colon in a Fastify path: POST /api/v1/encounters:ingest (ENCOUNTERS.md).
  app.post('/encounters::ingest', { schema: { querystring: z.object({ communityId: z.uuid().optional() }), response: ok(ingestResult), tags: ['encounters'] }, bodyLimit: 1024 * 1024 * 1024 * 4 }, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const actor = actorOf(req);
    const communityId = ingestCommunity(actor, req.query.communityId);
    if (type === 'application/fhir+json') return ingestEncounters(ctx, actor, communityId, toAsync(fhirBundleLines(req.body)));
    if (type !== 'application/x-ndjson' && type !== 'text/csv') {
      return reply.status(415).send({ error: { code: 'VALIDATION_FAILED', message: '请以 application/x-ndjson、text/csv 或 application/fhir+json 发送', details: { contentType: type } } });
    }
    const body = req.body as Readable;
    return ingestEncounters(ctx, actor, communityId, type === 'text/csv' ? csvLines(body) : ndjsonLines(body));
  });
  // The encounters behind an indicator's number (dashboard drill-down), paginated, audited.
  app.get('/encounters', { config: reads.listInService('encounter.list', 'encounter'), schema: { querystring: encounterListQuery, response: ok(encounterListResponse), tags: ['encounters'] } }, (req) => listIndicatorEncounters(ctx, actorOf(req), req.query));
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}
