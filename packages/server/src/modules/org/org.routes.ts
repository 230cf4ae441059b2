import { z } from 'zod';
import { assignmentInput, assignmentView, communityList, communityView, createdDepartment, departmentInput, gridInput, gridList, gridView, organizationDetail, organizationInput, organizationPage, organizationPatch, organizationQuery, organizationView, practitionerInput, practitionerPage, practitionerPatch, practitionerQuery, practitionerView } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as org from './org.service.ts';
import * as staff from './practitioner.service.ts';

const idParams = z.object({ id: z.uuid() });

export function orgRoutes(app: Api, ctx: AppContext): void {
  const tags = ['org'];
  app.get('/communities', { config: reads.none('the directory of communities'), schema: { response: ok(communityList), tags } }, async (req) => ({ items: await org.listCommunities(ctx, actorOf(req)) }));
  app.get('/communities/:id', { config: reads.none('the directory of communities'), schema: { params: idParams, response: ok(communityView), tags } }, (req) => org.getCommunity(ctx, actorOf(req), req.params.id));

  app.get('/organizations', { config: reads.none('the directory of organisations'), schema: { querystring: organizationQuery, response: ok(organizationPage), tags } }, async (req) => {
    const q = req.query;
    const offset = q.cursor ? Number(q.cursor) || 0 : 0;
    const items = await org.listOrganizations(ctx, actorOf(req), { ...q, limit: q.limit + 1, offset });
    const more = items.length > q.limit;
    return { items: more ? items.slice(0, q.limit) : items, nextCursor: more ? String(offset + q.limit) : null };
  });
  app.get('/organizations/:id', { config: reads.none('the directory of organisations'), schema: { params: idParams, response: ok(organizationDetail), tags } }, (req) => org.getOrganization(ctx, actorOf(req), req.params.id));
  app.post('/organizations', { schema: { body: organizationInput, response: created(organizationView), tags } }, async (req, reply) => reply.status(201).send(await org.createOrganization(ctx, actorOf(req), req.body)));
  app.patch('/organizations/:id', { schema: { params: idParams, body: organizationPatch, response: ok(organizationView), tags } }, (req) => org.updateOrganization(ctx, actorOf(req), req.params.id, req.body));

  app.get('/grids', { config: reads.none('the directory of grids'), schema: { querystring: z.object({ communityId: z.uuid().optional() }), response: ok(gridList), tags } }, async (req) => ({ items: await org.listGrids(ctx, actorOf(req), req.query.communityId ?? null) }));
  app.post('/grids', { schema: { body: gridInput, response: created(gridView), tags } }, async (req, reply) => reply.status(201).send(await org.createGrid(ctx, actorOf(req), req.body)));
  app.post('/departments', { schema: { body: departmentInput, response: created(createdDepartment), tags } }, async (req, reply) => reply.status(201).send(await org.createDepartment(ctx, actorOf(req), req.body)));

  app.get('/practitioners', { config: reads.none('the directory of staff'), schema: { querystring: practitionerQuery, response: ok(practitionerPage), tags } }, (req) => staff.listPractitioners(ctx, actorOf(req), req.query));
  app.get('/practitioners/:id', { config: reads.none('the directory of staff'), schema: { params: idParams, response: ok(practitionerView), tags } }, (req) => staff.getPractitioner(ctx, actorOf(req), req.params.id));
  app.post('/practitioners', { schema: { body: practitionerInput, response: created(practitionerView), tags } }, async (req, reply) => reply.status(201).send(await staff.createPractitioner(ctx, actorOf(req), req.body)));
  app.patch('/practitioners/:id', { schema: { params: idParams, body: practitionerPatch, response: ok(practitionerView), tags } }, (req) => staff.updatePractitioner(ctx, actorOf(req), req.params.id, req.body));
  app.post('/practitioners/:id/assignments', { schema: { params: idParams, body: assignmentInput, response: created(assignmentView), tags } }, async (req, reply) =>
    reply.status(201).send(await staff.addAssignment(ctx, actorOf(req), req.params.id, req.body)),
  );
}
