// The insurance module as src/app, src/seed and benchmarks see it (eslint.config.js).
export { insuranceRoutes } from './insurance.routes.ts';
export { putPolicy } from './policy.service.ts';
export { putAppraisalScheme } from './appraisal.service.ts';
export { prepareSettlement, confirmSettlement } from './settlement.service.ts';
export { saveScenario } from './scenario.service.ts';
