import { z } from 'zod';
import { contractList, contractRequest, isoDate, contractView, contractViews, packageList, packageRequest, packageView, serviceRequest, signingRatesResponse, teamList, teamRequest, teamRow, terminateRequest } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as fd from './family-doctor.service.ts';

const idParams = z.object({ id: z.uuid() });

export function familyDoctorRoutes(app: Api, ctx: AppContext): void {
  const tags = ['family-doctor'];
  app.post('/contracts', { schema: { body: contractRequest, response: created(contractView), tags } }, async (req, reply) => reply.status(201).send(await fd.signContract(ctx, actorOf(req), req.body)));
  app.get('/contracts', { config: reads.list('contract.list', 'fd_contract'), schema: { querystring: z.object({ teamId: z.uuid().optional(), status: z.enum(['active', 'terminated', 'renewed']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: ok(contractList), tags } }, async (req) => ({
    items: await fd.listContracts(ctx, actorOf(req), req.query),
  }));
  app.get('/contracts/:id', { config: reads.record('contract.read', 'fd_contract'), schema: { params: idParams, response: ok(contractView), tags } }, (req) => fd.getContract(ctx, actorOf(req), req.params.id));
  app.post('/contracts/:id/terminate', { schema: { params: idParams, body: terminateRequest, response: ok(contractView), tags } }, (req) => fd.terminateContract(ctx, actorOf(req), req.params.id, req.body));
  app.post('/contracts/:id/renew', { schema: { params: idParams, response: created(contractView), tags } }, async (req, reply) => reply.status(201).send(await fd.renewContract(ctx, actorOf(req), req.params.id)));
  app.post('/contracts/:id/services', { schema: { params: idParams, body: serviceRequest, response: created(contractView), tags } }, async (req, reply) => reply.status(201).send(await fd.recordService(ctx, actorOf(req), req.params.id, req.body)));
  app.get('/residents/:id/contracts', { config: reads.record('contract.read', 'resident'), schema: { params: idParams, response: ok(contractViews), tags } }, async (req) => ({ items: await fd.residentContracts(ctx, actorOf(req), req.params.id) }));
  app.get('/family-doctor/teams', { config: reads.none('the directory of teams'), schema: { querystring: z.object({ communityId: z.uuid() }), response: ok(teamList), tags } }, async (req) => ({ items: await fd.listTeams(ctx, actorOf(req), req.query.communityId) }));
  app.post('/family-doctor/teams', { schema: { body: teamRequest, response: created(teamRow), tags } }, async (req, reply) => reply.status(201).send(await fd.createTeam(ctx, actorOf(req), req.body)));
  app.get('/family-doctor/packages', { config: reads.none('reference data: service packages'), schema: { querystring: z.object({ communityId: z.uuid() }), response: ok(packageList), tags } }, async (req) => ({ items: await fd.listPackages(ctx, actorOf(req), req.query.communityId) }));
  app.post('/family-doctor/packages', { schema: { body: packageRequest, response: created(packageView), tags } }, async (req, reply) => reply.status(201).send(await fd.createPackage(ctx, actorOf(req), req.body)));
  app.get('/family-doctor/rates', { config: reads.none('aggregate rates'), schema: { querystring: z.object({ communityId: z.uuid(), organizationId: z.uuid().optional(), asOf: isoDate.optional() }), response: ok(signingRatesResponse), tags } }, (req) => fd.signingRates(ctx, actorOf(req), req.query));
}
