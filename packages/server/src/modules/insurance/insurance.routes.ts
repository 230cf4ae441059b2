import { z } from 'zod';
import { adjudicateRequest, adjudicationView, appraisalQuery, appraisalSchemeRequest, appraisalView, budgetQuery, budgetView, dipRequest, dipView, drgRequest, drgView, insurancePolicyVersions, insurancePolicyView, policyPathParams, policyRequest, scenarioList, scenarioRequest, scenarioView, settlementList, settlementListQuery, settlementRequest, settlementView } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { adjudicate } from './adjudicate.service.ts';
import { appraisal, putAppraisalScheme } from './appraisal.service.ts';
import { budget } from './budget.service.ts';
import { dipPointValue } from './dip.service.ts';
import { drgBaseRate } from './drg.service.ts';
import { getPolicy, policyHistory, putPolicy } from './policy.service.ts';
import { getScenario, listScenarios, saveScenario, whatIf } from './scenario.service.ts';
import { confirmSettlement, getSettlement, listSettlements, prepareSettlement } from './settlement.service.ts';

const idParams = z.object({ id: z.uuid() });
const NO_RESIDENT = 'community-level money and scores, no resident data';

/** The insurance module (医保打包、结余留用、按病种分值、绩效考核; issue #12). */
export function insuranceRoutes(app: Api, ctx: AppContext): void {
  const tags = ['insurance'];
  const none = reads.none(NO_RESIDENT);
  app.get('/insurance/policies/:communityId/:year', { config: none, schema: { params: policyPathParams, response: ok(insurancePolicyView), tags } }, (req) => getPolicy(ctx, actorOf(req), req.params.communityId, req.params.year));
  app.put('/insurance/policies/:communityId/:year', { schema: { params: policyPathParams, body: policyRequest, response: ok(insurancePolicyView), tags } }, (req) => putPolicy(ctx, actorOf(req), req.params.communityId, req.params.year, req.body));
  app.get('/insurance/policies/:communityId/:year/versions', { config: none, schema: { params: policyPathParams, response: ok(insurancePolicyVersions), tags } }, (req) => policyHistory(ctx, actorOf(req), req.params.communityId, req.params.year));
  app.get('/insurance/budget', { config: none, schema: { querystring: budgetQuery, response: ok(budgetView), tags } }, (req) => budget(ctx, actorOf(req), req.query.communityId, req.query.year));
  app.get('/insurance/appraisal', { config: none, schema: { querystring: appraisalQuery, response: ok(appraisalView), tags } }, (req) => appraisal(ctx, actorOf(req), req.query.communityId, req.query.year));
  app.put('/insurance/appraisal/schemes/:communityId/:year', { schema: { params: policyPathParams, body: appraisalSchemeRequest, response: ok(z.object({ communityId: z.string(), year: z.number().int(), version: z.number().int() })), tags } },
    (req) => putAppraisalScheme(ctx, actorOf(req), req.params.communityId, req.params.year, req.body));
  app.post('/insurance/settlements', { schema: { body: settlementRequest, response: created(settlementView), tags } }, async (req, reply) => reply.status(201).send(await prepareSettlement(ctx, actorOf(req), req.body)));
  app.get('/insurance/settlements', { config: none, schema: { querystring: settlementListQuery, response: ok(settlementList), tags } }, (req) => listSettlements(ctx, actorOf(req), req.query.communityId, req.query.year));
  app.get('/insurance/settlements/:id', { config: none, schema: { params: idParams, response: ok(settlementView), tags } }, (req) => getSettlement(ctx, actorOf(req), req.params.id));
  app.post('/insurance/settlements/:id/confirm', { schema: { params: idParams, response: ok(settlementView), tags } }, (req) => confirmSettlement(ctx, actorOf(req), req.params.id));
  app.post('/insurance/dip/point-value', { schema: { body: dipRequest, response: ok(dipView), tags } }, (req) => dipPointValue(ctx, actorOf(req), req.body));
  app.post('/insurance/drg/base-rate', { schema: { body: drgRequest, response: ok(drgView), tags } }, (req) => drgBaseRate(ctx, actorOf(req), req.body));
  app.post('/insurance/adjudicate', { schema: { body: adjudicateRequest, response: ok(adjudicationView), tags } }, (req) => adjudicate(ctx, actorOf(req), req.body));
  app.post('/insurance/what-if', { schema: { body: scenarioRequest.omit({ id: true, name: true }), response: ok(scenarioView.omit({ id: true, communityId: true, year: true, name: true, changes: true, createdBy: true, createdAt: true })), tags } },
    (req) => whatIf(ctx, actorOf(req), req.body));
  app.post('/insurance/scenarios', { schema: { body: scenarioRequest, response: created(scenarioView), tags } }, async (req, reply) => reply.status(201).send(await saveScenario(ctx, actorOf(req), req.body)));
  app.get('/insurance/scenarios', { config: none, schema: { querystring: settlementListQuery, response: ok(scenarioList), tags } }, (req) => listScenarios(ctx, actorOf(req), req.query.communityId, req.query.year));
  app.get('/insurance/scenarios/:id', { config: none, schema: { params: idParams, response: ok(scenarioView), tags } }, (req) => getScenario(ctx, actorOf(req), req.params.id));
}
