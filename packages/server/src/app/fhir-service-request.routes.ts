import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ServiceRequest } from 'fhir/r4';
import { DomainError, type Actor } from '@yigong/domain';
import { fhirServiceRequest } from '@yigong/contracts';
import { auditReadAs, reads } from '../platform/audit/read-audit.ts';
import type { Api } from '../platform/http/api.ts';
import type { AppContext } from '../platform/context.ts';
import { ok } from '../platform/http/responses.ts';
import { actorOf } from '../platform/auth/authenticate.ts';
import { getReferral, toReferralServiceRequest } from '../modules/referral/index.ts';
import { getDiagnosticOrder, toDiagnosticServiceRequest } from '../modules/diagnostics/index.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Not a record of this kind for the caller: absent or out of scope (404), or a role that reads no such record (403). */
const notThisKind = (e: unknown): e is DomainError => e instanceof DomainError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN');

/**
 * A ServiceRequest is a referral (docs/domain/referral.md "FHIR") or a diagnostic order
 * (docs/domain/diagnostics.md "FHIR"); ids are uuids, so one id names at most one of them. The
 * referral is tried first, then the order, each through its module's own read (scope, 404 out of
 * scope, the resident's read noted); the audit row names the kind that was read. Neither: 403
 * when the role may read neither kind, else 404.
 */
async function serviceRequest(ctx: AppContext, req: FastifyRequest, actor: Actor, id: string): Promise<ServiceRequest> {
  let referralError: DomainError;
  try {
    return toReferralServiceRequest(await getReferral(ctx, actor, id));
  } catch (e) {
    if (!notThisKind(e)) throw e;
    referralError = e;
  }
  try {
    const order = await getDiagnosticOrder(ctx, actor, id);
    auditReadAs(req, 'diagnostics.read', 'diagnostic_order');
    return toDiagnosticServiceRequest(order);
  } catch (e) {
    if (!notThisKind(e)) throw e;
    if (referralError.code === 'FORBIDDEN' && e.code === 'FORBIDDEN') throw referralError;
    throw new DomainError('NOT_FOUND', '转诊单或检查单不存在或不在您的范围内');
  }
}

/** `GET /fhir/ServiceRequest/{id}` (FHIR R4, read-only): a referral or a diagnostic order. */
export function fhirServiceRequestRoutes(app: Api, ctx: AppContext): void {
  app.get('/fhir/ServiceRequest/:id', {
    // The declared kind; a diagnostic order is audited as `diagnostics.read` (auditReadAs).
    config: reads.record('referral.read', 'referral'),
    schema: { params: z.object({ id: z.uuid() }), response: ok(fhirServiceRequest), tags: ['fhir'], description: 'A referral (转诊单) or a diagnostic order (检查检验申请) as a FHIR R4 ServiceRequest.' },
  }, async (req, reply) => reply.type(FHIR_JSON).send(await serviceRequest(ctx, req, actorOf(req), req.params.id)));
}
