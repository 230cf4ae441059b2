import { z } from 'zod';
import { CONSULTATION_ACTIONS } from '@yigong/domain';
import { binaryBody, consultationActionRequest, consultationDetailView, consultationList, consultationQuery, createConsultationRequest } from '@yigong/contracts';
import { answers, created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as consultations from './consultation.service.ts';

const idParams = z.object({ id: z.uuid() });
/** Ten attachments of up to 20 MB, as base64. */
const MAX_BODY = 300 * 1024 * 1024;

/** Remote consultation (远程会诊, docs/domain/consultation.md). */
export function consultationRoutes(app: Api, ctx: AppContext): void {
  const tags = ['diagnostics'];
  app.post('/consultations', { bodyLimit: MAX_BODY, schema: { body: createConsultationRequest, response: created(consultationDetailView), tags } }, async (req, reply) => reply.status(201).send(await consultations.requestConsultation(ctx, actorOf(req), req.body)));
  app.get('/consultations', { config: reads.list('consultation.list', 'consultation'), schema: { querystring: consultationQuery, response: ok(consultationList), tags } }, async (req) => ({ items: await consultations.listConsultations(ctx, actorOf(req), req.query) }));
  app.get('/consultations/:id', { config: reads.record('consultation.read', 'consultation'), schema: { params: idParams, response: ok(consultationDetailView), tags } }, (req) => consultations.getConsultation(ctx, actorOf(req), req.params.id));
  app.get('/consultations/:id/attachments/:attachmentId', {
    config: reads.record('consultation.read', 'consultation'),
    schema: { params: z.object({ id: z.uuid(), attachmentId: z.uuid() }), response: answers({ 200: { description: '会诊附件', content: { 'application/octet-stream': { schema: binaryBody } } } }), tags },
  }, async (req, reply) => {
    const a = await consultations.consultationAttachment(ctx, actorOf(req), req.params.id, req.params.attachmentId);
    return reply.type(a.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`).send(Buffer.from(a.content));
  });
  for (const action of CONSULTATION_ACTIONS) {
    const path = action === 'give_opinion' ? 'opinion' : action;
    app.post(`/consultations/:id/${path}`, { schema: { params: idParams, body: consultationActionRequest.nullish(), response: ok(consultationDetailView), tags } }, (req) =>
      consultations.actOnConsultation(ctx, actorOf(req), req.params.id, action, req.body ?? {}),
    );
  }
}
