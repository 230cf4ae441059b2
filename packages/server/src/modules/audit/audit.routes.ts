import { auditPage, auditQuery } from '@yigong/contracts';
import { ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { searchAudit } from './audit.service.ts';

export function auditRoutes(app: Api, ctx: AppContext): void {
  app.get('/audit', { config: reads.list('audit.search', 'audit_log'), schema: { querystring: auditQuery, response: ok(auditPage), tags: ['audit'] } }, (req) => searchAudit(ctx, actorOf(req), req.query));
}
