import type { AppContext } from '../platform/context.ts';
import { analyzeEncounters, prepareEncounters, type PreparedEncounters } from './seed-encounters.ts';

/** The demo's encounters, started early so other seed work overlaps them. */
export interface DemoEncounters {
  /** Loads them (if not yet under way) and resolves with the first community's rows. */
  loaded(): Promise<number>;
  /** Stops their building when the seed failed before they were loaded. */
  cancel(): Promise<void>;
}

/**
 * Starts the encounters of the demo communities, the seed's largest part. On a PostgreSQL server
 * their rows are built on a worker thread and copied on a connection of their own from now on,
 * while the other modules write theirs (they share no table), so the server's processes and ours
 * work at once. PGlite has one connection, and the worker would only take CPU from its
 * WebAssembly meanwhile (measured: a start 2–4 s slower), so there they are built and copied when
 * `loaded` is called (issue #11: start-up).
 */
export async function startDemoEncounters(ctx: Pick<AppContext, 'db' | 'cipher'>, communities: readonly { id: string; seed: number; months: number }[], asOf: string): Promise<DemoEncounters> {
  const prepared: PreparedEncounters[] = [];
  let loading: Promise<number> | null = null;
  const load = () => {
    loading ??= (async () => {
      let first = 0;
      for (const [i, c] of communities.entries()) {
        const p = await prepareEncounters(ctx, c.id, asOf, c.seed, c.months);
        if (!p) continue;
        prepared.push(p);
        const rows = await p.load();
        if (i === 0) first = rows;
      }
      await analyzeEncounters(ctx.db);
      return first;
    })();
    return loading;
  };
  if (ctx.db.kind === 'postgres') load().catch(() => undefined);
  return {
    loaded: load,
    cancel: async () => {
      await Promise.all(prepared.map((p) => p.cancel()));
      await loading?.catch(() => undefined);
    },
  };
}
