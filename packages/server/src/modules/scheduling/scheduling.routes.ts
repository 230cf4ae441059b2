import { z } from 'zod';
import { addedRule, availabilityExceptionInput, availabilityRuleInput, bookingRequest, bookingView, okResponse, reservationPolicyInput, resourceInput, resourceList, resourceView, savedPolicy, slotList, slotQuery, waitlistEntry } from '@yigong/contracts';
import { answers, created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as slots from './slots.service.ts';
import * as bookings from './booking.service.ts';

const idParams = z.object({ id: z.uuid() });

export function schedulingRoutes(app: Api, ctx: AppContext): void {
  const tags = ['scheduling'];
  app.get('/slots', { config: reads.none('slot capacity, no booker'), schema: { querystring: slotQuery, response: ok(slotList), tags } }, async (req) => ({ items: await slots.listSlots(ctx, actorOf(req), req.query) }));
  app.post('/bookings', { schema: { body: bookingRequest, response: answers({ 201: bookingView, 202: waitlistEntry }), tags } }, async (req, reply) => {
    const r = await bookings.book(ctx, actorOf(req), req.body);
    return reply.status(r.status).send(r.body);
  });
  app.post('/bookings/:id/cancel', { schema: { params: idParams, response: ok(bookingView), tags } }, (req) => bookings.cancelBooking(ctx, actorOf(req), req.params.id));
  app.get('/resources', { config: reads.none('bookable resources (rooms, clinicians)'), schema: { querystring: z.object({ organizationId: z.uuid() }), response: ok(resourceList), tags } }, (req) => slots.listResources(ctx, actorOf(req), req.query.organizationId));
  app.post('/resources', { schema: { body: resourceInput, response: created(resourceView), tags } }, async (req, reply) => reply.status(201).send(await slots.createResource(ctx, actorOf(req), req.body)));
  app.post('/resources/:id/rules', { schema: { params: idParams, body: availabilityRuleInput, response: created(addedRule), tags } }, async (req, reply) =>
    reply.status(201).send(await slots.addRule(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post('/resources/:id/exceptions', { schema: { params: idParams, body: availabilityExceptionInput, response: ok(okResponse), tags } }, (req) => slots.setException(ctx, actorOf(req), req.params.id, req.body));
  app.put('/reservation-policies', { schema: { body: reservationPolicyInput, response: ok(savedPolicy), tags } }, (req) => slots.setPolicy(ctx, actorOf(req), req.body));
}
