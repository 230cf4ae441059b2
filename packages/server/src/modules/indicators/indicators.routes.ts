import { indicatorByUnitQuery, indicatorDefinitions, indicatorQuery, indicatorSeriesQuery, indicatorSeriesResponse, indicatorsByUnitResponse, indicatorsResponse } from '@yigong/contracts';
import { ok } from '../../platform/http/responses.ts';
import { reads } from '../../platform/audit/read-audit.ts';
import type { Api } from '../../platform/http/api.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { indicatorSeries, indicatorValues, indicatorsByUnit, listDefinitions } from './indicators.service.ts';

/**
 * The indicator values of a community or unit for a period, the definitions as data, and the
 * dashboard's batch reads: a month-by-month series and the values of every member unit.
 */
export function indicatorRoutes(app: Api, ctx: AppContext): void {
  app.get('/indicators', { config: reads.none('aggregate indicators'), schema: { querystring: indicatorQuery, response: ok(indicatorsResponse), tags: ['indicators'] } }, (req) => indicatorValues(ctx, actorOf(req), req.query));
  app.get('/indicators/series', { config: reads.none('aggregate indicators'), schema: { querystring: indicatorSeriesQuery, response: ok(indicatorSeriesResponse), tags: ['indicators'] } }, (req) => indicatorSeries(ctx, actorOf(req), req.query));
  app.get('/indicators/by-unit', { config: reads.none('aggregate indicators per unit'), schema: { querystring: indicatorByUnitQuery, response: ok(indicatorsByUnitResponse), tags: ['indicators'] } }, (req) => indicatorsByUnit(ctx, actorOf(req), req.query));
  app.get('/indicators/definitions', { config: reads.none('reference data: indicator definitions'), schema: { response: ok(indicatorDefinitions), tags: ['indicators'] } }, async () => listDefinitions());
}
