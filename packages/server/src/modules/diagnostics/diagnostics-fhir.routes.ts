import { z } from 'zod';
import { DomainError } from '@yigong/domain';
import { fhirDiagnosticReport, fhirSearchBundle } from '@yigong/contracts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { ok } from '../../platform/http/responses.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { getOrder } from './order.service.ts';
import { ecgWaveform } from './study.service.ts';
import { searchBundle, toDiagnosticReport, toImagingStudies, toObservations } from './diagnostics.fhir.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** `ServiceRequest/` and a uuid (anything else would reach PostgreSQL as a bad uuid). */
const SERVICE_REQUEST = /^ServiceRequest\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const serviceRequest = z.string().regex(SERVICE_REQUEST, 'based-on=ServiceRequest/{id}');
const basedOnQuery = z.object({ 'based-on': serviceRequest });
/** ImagingStudy's own R4 search parameter is `basedon`; `based-on`, as on the other resources, is taken too (one of them). */
const imagingQuery = z.object({ 'based-on': serviceRequest.optional(), basedon: serviceRequest.optional() })
  .refine((q) => (q['based-on'] === undefined) !== (q.basedon === undefined), { message: 'based-on=ServiceRequest/{id}（或 basedon=，二者取一）', path: ['based-on'] });
const orderIdOf = (basedOn: string) => basedOn.slice('ServiceRequest/'.length);

/**
 * The FHIR R4 facade of diagnostic orders (docs/domain/diagnostics.md "FHIR"), read-only, with the
 * API's sessions and scope: every route opens the order through `getOrder`, which answers 404 out
 * of scope and notes the resident's read for the audit row. `GET /fhir/ServiceRequest/{id}` is
 * served with the referrals' in src/app (fhir-service-request.routes.ts).
 */
export function diagnosticsFhirRoutes(app: Api, ctx: AppContext): void {
  const tags = ['fhir'];
  const audit = reads.record('diagnostics.read', 'diagnostic_order');
  app.get('/fhir/DiagnosticReport/:id', { config: audit, schema: { params: z.object({ id: z.uuid() }), response: ok(fhirDiagnosticReport), tags } }, async (req, reply) => {
    const report = toDiagnosticReport(await getOrder(ctx, actorOf(req), req.params.id));
    if (!report) throw new DomainError('NOT_FOUND', '该检查单尚无签发的报告');
    return reply.type(FHIR_JSON).send(report);
  });
  app.get('/fhir/DiagnosticReport', { config: audit, schema: { querystring: basedOnQuery, response: ok(fhirSearchBundle), tags } }, async (req, reply) => {
    const report = toDiagnosticReport(await getOrder(ctx, actorOf(req), orderIdOf(req.query['based-on'])));
    return reply.type(FHIR_JSON).send(searchBundle(report ? [report] : [], req.url));
  });
  app.get('/fhir/Observation', { config: audit, schema: { querystring: basedOnQuery, response: ok(fhirSearchBundle), tags } }, async (req, reply) => {
    const actor = actorOf(req);
    const order = await getOrder(ctx, actor, orderIdOf(req.query['based-on']));
    const ecg = order.ecg ? await ecgWaveform(ctx, actor, order.id) : null;
    return reply.type(FHIR_JSON).send(searchBundle(toObservations(order, ecg), req.url));
  });
  app.get('/fhir/ImagingStudy', { config: audit, schema: { querystring: imagingQuery, response: ok(fhirSearchBundle), tags } }, async (req, reply) => {
    const order = await getOrder(ctx, actorOf(req), orderIdOf((req.query['based-on'] ?? req.query.basedon)!));
    return reply.type(FHIR_JSON).send(searchBundle(toImagingStudies(order), req.url));
  });
}
