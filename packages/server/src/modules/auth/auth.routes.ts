import { z } from 'zod';
import { accountView, createAccountRequest, itemsOf, loginRequest, loginResponse, okResponse, revokedSessions, userView } from '@yigong/contracts';
import { created, ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import * as auth from './auth.service.ts';
import { LoginThrottle } from './login-throttle.ts';

const idParams = z.object({ id: z.uuid() });

export function authRoutes(app: Api, ctx: AppContext): void {
  const throttle = new LoginThrottle();
  app.post('/auth/login', { schema: { body: loginRequest, response: ok(loginResponse), tags: ['auth'] }, config: { public: true } }, (req) =>
    auth.login(ctx, throttle, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
  );
  app.post('/auth/logout', { schema: { response: ok(okResponse), tags: ['auth'] } }, async (req) => {
    await auth.logout(ctx, actorOf(req), req.headers.authorization!.slice(7).trim());
    return { ok: true };
  });
  app.get('/auth/me', { config: reads.none('the caller\'s own account'), schema: { response: ok(userView), tags: ['auth'] } }, (req) => auth.me(ctx, actorOf(req)));
  app.get('/accounts', { config: reads.none('accounts of staff, no resident'), schema: { response: ok(itemsOf(accountView)), tags: ['auth'] } }, async (req) => ({ items: await auth.listAccounts(ctx, actorOf(req)) }));
  app.post('/accounts', { schema: { body: createAccountRequest, response: created(userView), tags: ['auth'] } }, async (req, reply) =>
    reply.status(201).send(await auth.createAccount(ctx, actorOf(req), req.body)),
  );
  app.post('/accounts/:id/revoke-sessions', { schema: { params: idParams, response: ok(revokedSessions), tags: ['auth'] } }, (req) => auth.revokeSessions(ctx, actorOf(req), req.params.id));
  app.post('/accounts/:id/unlock', { schema: { params: idParams, response: ok(okResponse), tags: ['auth'] } }, (req) => auth.unlockAccount(ctx, actorOf(req), req.params.id));
}
