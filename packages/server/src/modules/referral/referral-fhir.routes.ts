import { z } from 'zod';
import { fhirSearchBundle } from '@yigong/contracts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { ok } from '../../platform/http/responses.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { getReferral } from './referral.service.ts';
import { searchBundle, toTask } from './referral.fhir.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** `ServiceRequest/` and a uuid: any 36 characters of hex and dashes reached PostgreSQL as a bad uuid, a 500. */
const BASED_ON = /^ServiceRequest\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * `GET /fhir/Task?based-on=ServiceRequest/{id}` (FHIR R4, read-only). `GET /fhir/ServiceRequest/{id}`,
 * which also serves diagnostic orders, is in src/app (fhir-service-request.routes.ts).
 */
export function referralFhirRoutes(app: Api, ctx: AppContext): void {
  const tags = ['fhir'];
  app.get('/fhir/Task', { config: reads.record('referral.read', 'referral'), schema: { querystring: z.object({ 'based-on': z.string().regex(BASED_ON, 'based-on=ServiceRequest/{id}') }), response: ok(fhirSearchBundle), tags } }, async (req, reply) => {
    const id = req.query['based-on'].slice('ServiceRequest/'.length);
    const referral = await getReferral(ctx, actorOf(req), id);
    return reply.type(FHIR_JSON).send(searchBundle([toTask(referral)], req.url));
  });
}
