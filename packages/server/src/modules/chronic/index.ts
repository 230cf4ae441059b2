// The chronic module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { chronicRoutes } from './chronic.routes.ts';
export { chronicRates, unitChronicRates } from './chronic-rates.service.ts';

// The two SQL paths of the control rates (summary table, raw rows), timed against each other by packages/bench.
export { SUMMARY_MIN_AGE, chronicRatesRawRows, chronicRatesSummaryRows } from './chronic-rates.repository.ts';
