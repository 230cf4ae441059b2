import type { AppContext } from '../platform/context.ts';
import { generateAllSlots, releaseDueReserve } from '../modules/scheduling/index.ts';
import { escalateOverdue } from '../modules/referral/index.ts';
import { escalateCriticalValues } from '../modules/diagnostics/index.ts';
import { expireSterilePacks } from '../modules/sterile/index.ts';

/**
 * The in-process scheduler (STACK.md: on PGlite a small scheduler; every job is idempotent, so
 * several servers on one PostgreSQL may run it side by side): release of unused reserve and
 * escalation of overdue referrals and unacknowledged critical values and expiry of sterile packs every minute, slot generation every six hours.
 */
export function startJobs(ctx: AppContext, log: (msg: string, err?: unknown) => void): () => void {
  let running = false;
  const minute = async () => {
    if (running) return;
    running = true;
    try {
      const released = await releaseDueReserve(ctx);
      const escalated = await escalateOverdue(ctx);
      const critical = await escalateCriticalValues(ctx);
      const expired = await expireSterilePacks(ctx);
      if (released || escalated || critical || expired) log(`jobs: ${released} slots released their reserve, ${escalated} referrals and ${critical} critical values escalated, ${expired} sterile packs expired`);
    } catch (e) {
      log('jobs: minute run failed', e);
    } finally {
      running = false;
    }
  };
  const slots = () => generateAllSlots(ctx).catch((e: unknown) => log('jobs: slot generation failed', e));
  void minute();
  void slots();
  const a = setInterval(() => void minute(), 60_000);
  const b = setInterval(() => void slots(), 6 * 3_600_000);
  a.unref();
  b.unref();
  return () => {
    clearInterval(a);
    clearInterval(b);
  };
}
