import { z } from 'zod';
import { addObservationRequest, addProblemRequest, auditLog, candidateList, createdResident, createResidentRequest, icd10List, icd10Query, observationView, problemView, residentPage, residentQuery, residentRecord, resolveCandidateRequest, resolvedCandidate, revealedIdNumber, revealRequest, transferredResident, transferRequest, updateResidentRequest } from '@yigong/contracts';
import { answers, created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as residents from './residents.service.ts';
import * as health from './health-record.service.ts';
import * as moves from './record-moves.service.ts';
import { residentAccessLog } from '../audit/index.ts';
import { searchIcd10 } from './icd10.repository.ts';

const idParams = z.object({ id: z.uuid() });

export function residentRoutes(app: Api, ctx: AppContext): void {
  const tags = ['residents'];
  app.get('/residents', { config: reads.list('resident.search', 'resident'), schema: { querystring: residentQuery, response: ok(residentPage), tags } }, (req) => residents.listResidents(ctx, actorOf(req), req.query));
  app.post('/residents', { schema: { body: createResidentRequest, response: answers({ 200: createdResident, 201: createdResident }), tags } }, async (req, reply) => {
    const { status, record } = await residents.createResident(ctx, actorOf(req), req.body);
    return reply.status(status).send(record);
  });
  // The purpose of a read (查阅目的) may be given as ?purpose= or an X-Purpose header; it is audited (read-audit.ts).
  app.get('/residents/:id', { config: reads.record('resident.read', 'resident'), schema: { params: idParams, querystring: z.object({ purpose: z.string().max(100).optional() }), response: ok(residentRecord), tags } }, (req) =>
    residents.readResident(ctx, actorOf(req), req.params.id),
  );
  app.patch('/residents/:id', { schema: { params: idParams, body: updateResidentRequest, response: ok(residentRecord), tags } }, (req) => residents.updateResident(ctx, actorOf(req), req.params.id, req.body));
  app.post('/residents/:id/problems', { schema: { params: idParams, body: addProblemRequest, response: created(problemView), tags } }, async (req, reply) => reply.status(201).send(await health.addProblem(ctx, actorOf(req), req.params.id, req.body)));
  app.post('/residents/:id/observations', { schema: { params: idParams, body: addObservationRequest, response: created(observationView), tags } }, async (req, reply) =>
    reply.status(201).send(await health.addObservation(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post('/residents/:id/transfer', { schema: { params: idParams, body: transferRequest, response: ok(transferredResident), tags } }, (req) => moves.transferResident(ctx, actorOf(req), req.params.id, req.body));
  app.post('/residents/:id/reveal-id', { schema: { params: idParams, body: revealRequest, response: ok(revealedIdNumber), tags } }, (req) => residents.revealIdNumber(ctx, actorOf(req), req.params.id, req.body.purpose));
  app.get('/residents/:id/access-log', { config: reads.record('resident.access_log.read', 'resident'), schema: { params: idParams, response: ok(auditLog), tags } }, async (req) => {
    const { row } = await residents.requireResidentAccess(ctx.db, actorOf(req), req.params.id, 'resident.read', ctx.clock.now());
    return { items: await residentAccessLog(ctx, row.community_id, row.id) };
  });
  app.get('/duplicate-candidates', { config: reads.list('resident.candidates.list', 'duplicate_candidate'), schema: { querystring: z.object({ status: z.enum(['open', 'linked', 'kept_apart']).default('open') }), response: ok(candidateList), tags } }, async (req) => ({
    items: await moves.listCandidates(ctx, actorOf(req), req.query.status),
  }));
  app.post('/duplicate-candidates/resolve', { schema: { body: resolveCandidateRequest, response: ok(resolvedCandidate), tags } }, (req) => moves.resolveCandidate(ctx, actorOf(req), req.body));
  app.get('/icd10', { config: reads.none('reference data: ICD-10'), schema: { querystring: icd10Query, response: ok(icd10List), tags: ['reference'] } }, async (req) => ({ items: await searchIcd10(ctx.db, req.query.q, req.query.limit) }));
}
