import { z } from 'zod';
import { breakGlassList, breakGlassQuery, breakGlassReviewRequest, breakGlassView, grantList, grantRequest, grantView } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as grants from './grants.service.ts';
import * as breakGlass from './break-glass.service.ts';

export function grantRoutes(app: Api, ctx: AppContext): void {
  const tags = ['access-grants'];
  app.get('/access-grants', { config: reads.list('grant.list', 'access_grant'), schema: { querystring: z.object({ status: z.enum(['pending', 'active', 'rejected', 'revoked']).optional() }), response: ok(grantList), tags } }, async (req) => ({
    items: await grants.listGrants(ctx, actorOf(req), req.query.status ?? null),
  }));
  app.post('/access-grants', { schema: { body: grantRequest, response: created(grantView), tags } }, async (req, reply) => reply.status(201).send(await grants.requestGrant(ctx, actorOf(req), req.body)));
  app.post('/access-grants/:id/:decision', { schema: { params: z.object({ id: z.uuid(), decision: z.enum(['approve', 'reject', 'revoke']) }), response: ok(grantView), tags } }, (req) =>
    grants.decideGrant(ctx, actorOf(req), req.params.id, req.params.decision),
  );
  // 紧急调阅复核: the manager's queue of break-the-glass reads, and the review of one.
  app.get('/break-glass', { config: reads.list('grant.break_glass.list', 'access_grant'), schema: { querystring: breakGlassQuery, response: ok(breakGlassList), tags } }, (req) =>
    breakGlass.listBreakGlass(ctx, actorOf(req), req.query),
  );
  app.post('/break-glass/:id/review', { schema: { params: z.object({ id: z.uuid() }), body: breakGlassReviewRequest, response: ok(breakGlassView), tags } }, (req) =>
    breakGlass.reviewBreakGlass(ctx, actorOf(req), req.params.id, req.body),
  );
}
