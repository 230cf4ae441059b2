import { z } from 'zod';
import {
  batchDetailView, batchList, batchQuery, biologicalResultRequest, cancelSterileRequest, createBatchRequest, createSterileRequest, deliveryView, packDetailView, packList,
  packQuery, packTypeList, returnPackRequest, sterileCentreView, sterileCommunityQuery, sterileRequestList, sterileRequestQuery, sterileRequestView, usePackRequest,
} from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { createBatch, getBatch, listBatches, recordBiological } from './batch.service.ts';
import { actOnPack, getPack, listPacks } from './pack.service.ts';
import { cancelRequest, createRequest, deliverRequest, listRequests } from './request.service.ts';
import { getSterileCentre, listSterilePackTypes } from './catalogue.service.ts';

const idParams = z.object({ id: z.uuid() });
const barcodeParams = z.object({ barcode: z.string().max(40) });

/** Sterile supply (消毒供应中心, issue #13 item 6; docs/domain/sterile-supply.md). */
export function sterileRoutes(app: Api, ctx: AppContext): void {
  const tags = ['sterile'];
  app.get('/sterile/centre', { config: reads.none("the community's centre and counts of its packs, batches and requests"), schema: { querystring: sterileCommunityQuery, response: ok(sterileCentreView), tags } }, (req) => getSterileCentre(ctx, actorOf(req), req.query.communityId));
  app.get('/sterile/pack-types', { config: reads.none('reference data: the pack catalogue and stock counts'), schema: { querystring: sterileCommunityQuery, response: ok(packTypeList), tags } }, async (req) => ({ items: await listSterilePackTypes(ctx, actorOf(req), req.query.communityId) }));

  app.post('/sterile/batches', { schema: { body: createBatchRequest, response: created(batchDetailView), tags } }, async (req, reply) => reply.status(201).send(await createBatch(ctx, actorOf(req), req.body)));
  app.get('/sterile/batches', { config: reads.none('batches and their cycle records name no resident'), schema: { querystring: batchQuery, response: ok(batchList), tags } }, async (req) => ({ items: await listBatches(ctx, actorOf(req), req.query) }));
  // A recalled batch names the residents its packs were used on: the service audits each in its transaction.
  app.get('/sterile/batches/:id', { config: reads.listInService('sterile.batch.read', 'sterile_batch'), schema: { params: idParams, response: ok(batchDetailView), tags } }, (req) => getBatch(ctx, actorOf(req), req.params.id));
  app.post('/sterile/batches/:id/biological', { schema: { params: idParams, body: biologicalResultRequest, response: ok(batchDetailView), tags } }, (req) => recordBiological(ctx, actorOf(req), req.params.id, req.body.pass));

  app.get('/sterile/packs', { config: reads.list('sterile.pack.list', 'sterile_pack'), schema: { querystring: packQuery, response: ok(packList), tags } }, async (req) => ({ items: await listPacks(ctx, actorOf(req), req.query) }));
  app.get('/sterile/packs/:barcode', { config: reads.listInService('sterile.pack.read', 'sterile_pack'), schema: { params: barcodeParams, response: ok(packDetailView), tags } }, (req) => getPack(ctx, actorOf(req), req.params.barcode));
  app.post('/sterile/packs/:barcode/use', { schema: { params: barcodeParams, body: usePackRequest, response: ok(packDetailView), tags } }, (req) => actOnPack(ctx, actorOf(req), req.params.barcode, 'use', req.body));
  app.post('/sterile/packs/:barcode/return', { schema: { params: barcodeParams, body: returnPackRequest, response: ok(packDetailView), tags } }, (req) => actOnPack(ctx, actorOf(req), req.params.barcode, 'return', req.body));

  app.post('/sterile/requests', { schema: { body: createSterileRequest, response: created(sterileRequestView), tags } }, async (req, reply) => reply.status(201).send(await createRequest(ctx, actorOf(req), req.body)));
  app.get('/sterile/requests', { config: reads.none('requests name units and pack types, no resident'), schema: { querystring: sterileRequestQuery, response: ok(sterileRequestList), tags } }, async (req) => ({ items: await listRequests(ctx, actorOf(req), req.query) }));
  app.post('/sterile/requests/:id/deliver', { schema: { params: idParams, response: ok(deliveryView), tags } }, (req) => deliverRequest(ctx, actorOf(req), req.params.id));
  app.post('/sterile/requests/:id/cancel', { schema: { params: idParams, body: cancelSterileRequest.nullish(), response: ok(sterileRequestView), tags } }, (req) => cancelRequest(ctx, actorOf(req), req.params.id, req.body?.reason));
}
