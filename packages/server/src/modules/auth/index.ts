// The auth module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { authRoutes } from './auth.routes.ts';
export { accountActor, createAccount } from './auth.service.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { insertAccount as bulkInsertAccount } from './auth.repository.ts';
