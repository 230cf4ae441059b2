// The sterile supply module (消毒供应中心, issue #13 item 6) as other modules, src/app, src/seed
// and src/cli see it (eslint.config.js).
export { sterileRoutes } from './sterile.routes.ts';
export { expireSterilePacks } from './pack.service.ts';

// Bulk writes for src/seed: storage only, no permission check, no audit.
export { upsertCentre as bulkUpsertSterileCentre, upsertPackType as bulkUpsertPackType } from './centre.repository.ts';
export { insertDemoSterile as bulkInsertDemoSterile, type DemoSterileRows } from './demo.repository.ts';
