import { z } from 'zod';
import multipart from '@fastify/multipart';
import { DomainError } from '@yigong/domain';
import {
  ackRequest, amendRequest, binaryBody, cancelOrderRequest, createOrderRequest, criticalValueList, criticalValueQuery, criticalValueView, diagnosticCentreList,
  diagnosticItemList, diagnosticsCommunityQuery, diagnosticsIndicatorQuery, diagnosticsIndicatorsView, dicomFrameView, ecgWaveformView, orderDetailView, orderList, orderQuery, orderView, recognitionQuery,
  recognitionUseRequest, recognitionView, rejectOrderRequest, reportRequest, resultsRequest,
} from '@yigong/contracts';
import { answers, created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as orders from './order.service.ts';
import * as transitions from './order-transition.service.ts';
import { recordResults, recordStudyFiles, type UploadedFile } from './results.service.ts';
import { getRecognition, useRecognition } from './recognition.service.ts';
import { acknowledgeCriticalValue, listCriticalValues } from './critical-value.service.ts';
import { ecgWaveform, studyFile, studyFrame } from './study.service.ts';
import { listCentres, listItems } from './catalogue.service.ts';
import { closeCriticalStreams, criticalValueStream } from './critical-stream.ts';
import { diagnosticsIndicators } from './indicators.service.ts';
import { consultationRoutes } from './consultation.routes.ts';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const MAX_UPLOAD = 64 * 1024 * 1024;

/** The first zod issue as the 400 the error handler gives for a declared schema. */
function parseJson<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  throw new DomainError('VALIDATION_FAILED', `${field}: ${issue.message}`, { field, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

export async function diagnosticsRoutes(app: Api, ctx: AppContext): Promise<void> {
  const tags = ['diagnostics'];
  // Study uploads (DICOM) are multipart, for this module's routes only.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 50, fields: 10 } });
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => closeCriticalStreams());
  consultationRoutes(app, ctx);

  app.get('/diagnostics/centres', { config: reads.none('reference data: the shared centres, their catalogue size and rota'), schema: { querystring: diagnosticsCommunityQuery, response: ok(diagnosticCentreList), tags } }, async (req) => ({ items: await listCentres(ctx, actorOf(req), req.query.communityId) }));
  app.get('/diagnostics/items', { config: reads.none('reference data: the service catalogue'), schema: { querystring: diagnosticsCommunityQuery, response: ok(diagnosticItemList), tags } }, async (req) => ({ items: await listItems(ctx, actorOf(req), req.query.communityId) }));

  app.post('/diagnostics/orders', { schema: { body: createOrderRequest, response: created(orderView), tags } }, async (req, reply) => reply.status(201).send(await orders.createOrder(ctx, actorOf(req), req.body)));
  app.get('/diagnostics/orders', { config: reads.list('diagnostics.list', 'diagnostic_order'), schema: { querystring: orderQuery, response: ok(orderList), tags } }, async (req) => ({ items: await orders.listOrders(ctx, actorOf(req), req.query) }));
  app.get('/diagnostics/orders/:id', { config: reads.record('diagnostics.read', 'diagnostic_order'), schema: { params: idParams, response: ok(orderDetailView), tags } }, (req) => orders.getOrder(ctx, actorOf(req), req.params.id));
  app.post('/diagnostics/orders/:id/accept', { schema: { params: idParams, response: ok(orderDetailView), tags } }, (req) => transitions.acceptOrder(ctx, actorOf(req), req.params.id));
  app.post('/diagnostics/orders/:id/reject', { schema: { params: idParams, body: rejectOrderRequest, response: ok(orderDetailView), tags } }, (req) => transitions.rejectOrder(ctx, actorOf(req), req.params.id, req.body.reason));
  app.post('/diagnostics/orders/:id/cancel', { schema: { params: idParams, body: cancelOrderRequest, response: ok(orderDetailView), tags } }, (req) => transitions.cancelOrder(ctx, actorOf(req), req.params.id, req.body.reason));
  app.post('/diagnostics/orders/:id/acknowledge', { schema: { params: idParams, response: ok(orderDetailView), tags } }, (req) => transitions.acknowledgeOrder(ctx, actorOf(req), req.params.id));
  app.post('/diagnostics/orders/:id/report', { schema: { params: idParams, body: reportRequest, response: ok(orderDetailView), tags } }, (req) => transitions.reportOrder(ctx, actorOf(req), req.params.id, req.body));
  app.post('/diagnostics/orders/:id/amend', { schema: { params: idParams, body: amendRequest, response: ok(orderDetailView), tags } }, (req) => transitions.amendReport(ctx, actorOf(req), req.params.id, req.body));
  // Results: JSON (lab observations or an ECG) or multipart DICOM files; the body is checked here
  // because one path takes both (Contract).
  app.post('/diagnostics/orders/:id/results', {
    bodyLimit: MAX_UPLOAD,
    schema: { params: idParams, response: ok(orderDetailView), tags, description: 'application/json: `{observations:[{code, value, unit, low, high}]}` (lab) or `{samplingRate, leads:{I:[…], …}}` (ECG); multipart/form-data: DICOM files (imaging; PNG/JPEG also for pathology).' },
  }, async (req) => {
    const actor = actorOf(req);
    if (req.isMultipart()) {
      const files: UploadedFile[] = [];
      for await (const part of req.files()) files.push({ filename: part.filename, mediaType: part.mimetype, bytes: new Uint8Array(await part.toBuffer()) });
      return recordStudyFiles(ctx, actor, req.params.id, files);
    }
    return recordResults(ctx, actor, req.params.id, parseJson(resultsRequest, req.body));
  });
  app.get('/diagnostics/orders/:id/ecg', { config: reads.record('diagnostics.read', 'diagnostic_order'), schema: { params: idParams, response: ok(ecgWaveformView), tags } }, (req) => ecgWaveform(ctx, actorOf(req), req.params.id));
  app.get('/diagnostics/orders/:id/files/:fileId', {
    config: reads.record('diagnostics.read', 'diagnostic_order'),
    schema: { params: fileParams, response: answers({ 200: { description: 'DICOM Part 10 文件', content: { 'application/dicom': { schema: binaryBody } } } }), tags },
  }, async (req, reply) => {
    const f = await studyFile(ctx, actorOf(req), req.params.id, req.params.fileId);
    return reply.type(f.mediaType).header('content-disposition', `attachment; filename="${f.id.slice(0, 8)}.${f.kind === 'dicom' ? 'dcm' : 'img'}"`).send(Buffer.from(f.content));
  });
  app.get('/diagnostics/orders/:id/files/:fileId/frame', { config: reads.record('diagnostics.read', 'diagnostic_order'), schema: { params: fileParams, response: ok(dicomFrameView), tags } }, (req) => studyFrame(ctx, actorOf(req), req.params.id, req.params.fileId));

  app.get('/diagnostics/recognition', { config: reads.record('diagnostics.recognition', 'diagnostic_order'), schema: { querystring: recognitionQuery, response: ok(recognitionView), tags } }, (req) => getRecognition(ctx, actorOf(req), req.query.residentId, req.query.itemCode));
  app.post('/diagnostics/recognition/use', { schema: { body: recognitionUseRequest, response: ok(recognitionView), tags } }, (req) => useRecognition(ctx, actorOf(req), req.body));

  app.get('/diagnostics/indicators', { config: reads.none('aggregates: counts and percentiles per modality and member unit'), schema: { querystring: diagnosticsIndicatorQuery, response: ok(diagnosticsIndicatorsView), tags } }, (req) => diagnosticsIndicators(ctx, actorOf(req), req.query));

  app.get('/critical-values', { config: reads.list('critical.list', 'critical_value'), schema: { querystring: criticalValueQuery, response: ok(criticalValueList), tags } }, async (req) => ({ items: await listCriticalValues(ctx, actorOf(req), req.query) }));
  app.post('/critical-values/:id/ack', { schema: { params: idParams, body: ackRequest.optional(), response: ok(criticalValueView), tags } }, (req) => acknowledgeCriticalValue(ctx, actorOf(req), req.params.id, req.body?.note));
  app.get('/critical-values/stream', {
    config: reads.none('signals carry ids and stages only; the list they prompt is audited'),
    schema: { response: answers({ 200: { description: 'text/event-stream: `event: critical` with `{id, kind, stage}` when a critical value concerning the caller is raised, escalated or acknowledged', content: { 'text/event-stream': { schema: z.string() } } } }), tags },
  }, (req, reply) => criticalValueStream(actorOf(req), req, reply));
}
