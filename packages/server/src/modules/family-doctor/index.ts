// The family-doctor module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { familyDoctorRoutes } from './family-doctor.routes.ts';
export { signingRates } from './family-doctor.service.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { insertPackage as bulkInsertPackage, insertTeam as bulkInsertTeam, listPackages as bulkListPackages } from './family-doctor.repository.ts';

// The two SQL paths of the signing rates (summary table, raw rows), timed against each other by packages/bench.
export { signingRatesRawSql, signingRatesSql } from './signing-rates.repository.ts';
