import { DomainError } from '@yigong/domain';
import { clockAdvanceRequest, clockView } from '@yigong/contracts';
import type { Api } from '../platform/http/api.ts';
import type { AppContext } from '../platform/context.ts';
import { AdjustableClock } from '../platform/clock.ts';
import { actorOf } from '../platform/auth/authenticate.ts';
import { ok } from '../platform/http/responses.ts';
import { escalateCriticalValues } from '../modules/diagnostics/index.ts';
import { escalateOverdue } from '../modules/referral/index.ts';

/**
 * POST /api/v1/dev/clock (YIGONG_CLOCK_CONTROL=1, never in production): the admin moves the
 * server's clock forward (or back, undoing a test's advance) and the escalation jobs run at once — how a browser test watches an
 * unacknowledged critical value reach the unit head without waiting half an hour.
 */
export function devClockRoutes(app: Api, ctx: AppContext): void {
  app.post('/dev/clock', { schema: { body: clockAdvanceRequest, response: ok(clockView), tags: ['platform'], hide: true } }, async (req) => {
    const actor = actorOf(req);
    if (actor.role !== 'admin') throw new DomainError('FORBIDDEN', '只有系统管理员可以调整测试时钟');
    if (!(ctx.clock instanceof AdjustableClock)) throw new DomainError('SERVICE_UNAVAILABLE', '测试时钟未启用');
    ctx.clock.advance(req.body.minutes);
    const escalated = await escalateCriticalValues(ctx);
    await escalateOverdue(ctx);
    return { now: ctx.clock.now().toISOString(), offsetMinutes: ctx.clock.offsetMinutes, escalated };
  });
}
