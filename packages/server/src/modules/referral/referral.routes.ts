import { z } from 'zod';
import { REFERRAL_ACTIONS } from '@yigong/domain';
import { binaryBody, catalogueEntryInput, catalogueList, createReferralRequest, okResponse, referralFollowUpRequest, referralList, referralQuery, referralView, transitionRequest } from '@yigong/contracts';
import { answers, created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as referrals from './referral.service.ts';
import { recordDownReferralFollowUp, transitionReferral } from './referral-transition.service.ts';
import * as catalogue from './catalogue.service.ts';

const idParams = z.object({ id: z.uuid() });

export function referralRoutes(app: Api, ctx: AppContext): void {
  const tags = ['referral'];
  app.post('/referrals', { schema: { body: createReferralRequest, response: created(referralView), tags } }, async (req, reply) => reply.status(201).send(await referrals.submitReferral(ctx, actorOf(req), req.body)));
  app.get('/referrals', { config: reads.list('referral.list', 'referral'), schema: { querystring: referralQuery, response: ok(referralList), tags } }, async (req) => ({ items: await referrals.listReferrals(ctx, actorOf(req), req.query) }));
  app.get('/referrals/:id', { config: reads.record('referral.read', 'referral'), schema: { params: idParams, response: ok(referralView), tags } }, (req) => referrals.getReferral(ctx, actorOf(req), req.params.id));
  app.get('/referrals/:id/slip.pdf', { config: reads.record('referral.print', 'referral'), schema: { params: idParams, response: answers({ 200: { description: '转诊单 PDF', content: { 'application/pdf': { schema: binaryBody } } } }), tags } }, async (req, reply) =>
    reply.type('application/pdf').header('content-disposition', `inline; filename="referral-${req.params.id.slice(0, 8)}.pdf"`).send(await referrals.referralSlipPdf(ctx, actorOf(req), req.params.id)),
  );
  app.post('/referrals/:id/follow-up', { schema: { params: idParams, body: referralFollowUpRequest, response: ok(referralView), tags } }, (req) => recordDownReferralFollowUp(ctx, actorOf(req), req.params.id, req.body));
  // submit is implied by POST /referrals; the other actions of docs/domain/referral.md each have a path.
  for (const action of REFERRAL_ACTIONS.filter((a) => a !== 'submit')) {
    app.post(`/referrals/:id/${action}`, { schema: { params: idParams, body: transitionRequest.optional(), response: ok(referralView), tags } }, (req) =>
      transitionReferral(ctx, actorOf(req), req.params.id, action, req.body ?? {}),
    );
  }
  app.get('/referral-catalogue', { config: reads.none('reference data: the referral catalogue'), schema: { querystring: z.object({ communityId: z.uuid() }), response: ok(catalogueList), tags } }, async (req) => ({ items: await catalogue.listCatalogue(ctx, actorOf(req), req.query.communityId) }));
  app.put('/referral-catalogue', { schema: { body: catalogueEntryInput, response: ok(catalogueList), tags } }, async (req) => ({ items: await catalogue.upsertCatalogueEntry(ctx, actorOf(req), req.body) }));
  app.delete('/referral-catalogue/:id', { schema: { params: idParams, querystring: z.object({ communityId: z.uuid() }), response: ok(okResponse), tags } }, (req) =>
    catalogue.deleteCatalogueEntry(ctx, actorOf(req), req.query.communityId, req.params.id),
  );
}
