import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { createContext } from '../app/start.ts';
import { recomputeAggregates } from '../modules/indicators/index.ts';

/**
 * `npm run indicators:recompute [-- --community <id>]`: rebuilds the monthly aggregates from the
 * stored encounters with the same pure function as ingest (the values must not change).
 */
const { values } = parseArgs({ options: { community: { type: 'string' } } });
const ctx = await createContext(loadConfig());
try {
  const ids = values.community ? [values.community] : (await ctx.db.query<{ community_id: string }>('select community_id from community order by name')).rows.map((r) => r.community_id);
  for (const id of ids) {
    const t = Date.now();
    const n = await recomputeAggregates(ctx, id);
    console.log(`${id}: ${n} encounters recounted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
} finally {
  await ctx.db.close();
}
