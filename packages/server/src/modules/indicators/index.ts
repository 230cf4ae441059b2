// The indicators module as src/app, src/cli and benchmarks see it (eslint.config.js).
export { indicatorRoutes } from './indicators.routes.ts';
export { recomputeAggregates } from './indicator-recompute.service.ts';
