// The indicators module as src/app, src/cli and benchmarks see it (eslint.config.js).
export { indicatorRoutes } from './indicators.routes.ts';
export { recomputeAggregates } from './indicator-recompute.service.ts';

// Indicator values by community and by unit, for the insurance module's appraisal (绩效考核).
export { indicatorValues, indicatorsByUnit } from './indicators.service.ts';
