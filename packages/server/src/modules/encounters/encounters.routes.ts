import { z } from 'zod';
import { encounterListQuery, encounterListResponse, ingestResult } from '@yigong/contracts';
import { ok } from '../../platform/http/responses.ts';
import type { Readable } from 'node:stream';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { feedLines } from './feed-lines.ts';
import { ingestCommunity, ingestEncounters } from './ingest.service.ts';
import { listIndicatorEncounters } from './encounter-list.service.ts';

export function encounterRoutes(app: Api, ctx: AppContext): void {
  // NDJSON and CSV bodies are streamed line by line, a FHIR Bundle entry by entry: memory stays
  // flat for a 1 GB upload. Registered in this plugin only, so no other route takes these types.
  app.addContentTypeParser(['application/x-ndjson', 'text/csv', 'application/fhir+json'], (_req, payload, done) => done(null, payload));
  // `::` is a literal colon in a Fastify path: POST /api/v1/encounters:ingest (docs/domain/encounters.md).
  app.post('/encounters::ingest', { schema: { querystring: z.object({ communityId: z.uuid().optional() }), response: ok(ingestResult), tags: ['encounters'] }, bodyLimit: 1024 * 1024 * 1024 * 4 }, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const actor = actorOf(req);
    const communityId = ingestCommunity(actor, req.query.communityId);
    if (type !== 'application/x-ndjson' && type !== 'text/csv' && type !== 'application/fhir+json') {
      return reply.status(415).send({ error: { code: 'VALIDATION_FAILED', message: '请以 application/x-ndjson、text/csv 或 application/fhir+json 发送', details: { contentType: type } } });
    }
    const body = req.body as Readable;
    return ingestEncounters(ctx, actor, communityId, feedLines(type, body));
  });
  // The encounters behind an indicator's number (dashboard drill-down), paginated, audited.
  app.get('/encounters', { config: reads.listInService('encounter.list', 'encounter'), schema: { querystring: encounterListQuery, response: ok(encounterListResponse), tags: ['encounters'] } }, (req) => listIndicatorEncounters(ctx, actorOf(req), req.query));
}
