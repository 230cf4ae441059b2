import { z } from 'zod';
import { callRequest, chronicRatesResponse, enrollmentRequest, enrollmentView, followUpRequest, followUpResponse, longPrescriptionRequest, longPrescriptionView, ratesQuery, recordedCall, residentEnrollments, unitRatesResponse, worklistResponse } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as chronic from './chronic.service.ts';
import { chronicRates, chronicRatesByUnit } from './chronic-rates.service.ts';
import { issueLongPrescription } from './long-prescription.service.ts';

const idParams = z.object({ id: z.uuid() });

export function chronicRoutes(app: Api, ctx: AppContext): void {
  const tags = ['chronic'];
  app.post('/chronic/enrollments', { schema: { body: enrollmentRequest, response: created(enrollmentView), tags } }, async (req, reply) => reply.status(201).send(await chronic.enroll(ctx, actorOf(req), req.body)));
  app.post('/chronic/followups', { schema: { body: followUpRequest, response: created(followUpResponse), tags } }, async (req, reply) => reply.status(201).send(await chronic.recordFollowUp(ctx, actorOf(req), req.body)));
  app.post('/chronic/enrollments/:id/calls', { schema: { params: idParams, body: callRequest, response: created(recordedCall), tags } }, async (req, reply) => reply.status(201).send(await chronic.recordCall(ctx, actorOf(req), req.params.id, req.body)));
  app.get('/chronic/residents/:id', { config: reads.record('chronic.read', 'chronic_enrollment'), schema: { params: idParams, response: ok(residentEnrollments), tags } }, async (req) => ({ items: await chronic.residentChronic(ctx, actorOf(req), req.params.id) }));
  app.get('/chronic/worklist', { config: reads.list('chronic.worklist', 'chronic_enrollment'), schema: { querystring: z.object({ kind: z.enum(['due', 'overdue']).default('due'), days: z.coerce.number().int().min(0).max(90).default(7) }), response: ok(worklistResponse), tags } }, async (req) => ({
    items: await chronic.workList(ctx, actorOf(req), req.query.kind, req.query.days),
  }));
  app.post('/chronic/prescriptions', { schema: { body: longPrescriptionRequest, response: created(longPrescriptionView), tags } }, async (req, reply) => reply.status(201).send(await issueLongPrescription(ctx, actorOf(req), req.body)));
  app.get('/chronic/rates', { config: reads.none('aggregate rates'), schema: { querystring: ratesQuery, response: ok(chronicRatesResponse), tags } }, (req) => chronicRates(ctx, actorOf(req), req.query));
  app.get('/chronic/rates/by-unit', { config: reads.none('aggregate rates per unit'), schema: { querystring: ratesQuery.omit({ organizationId: true }), response: ok(unitRatesResponse), tags } }, (req) => chronicRatesByUnit(ctx, actorOf(req), req.query));
}
