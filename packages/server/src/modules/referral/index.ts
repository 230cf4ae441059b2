// The referral module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { referralRoutes } from './referral.routes.ts';
export { referralFhirRoutes } from './referral-fhir.routes.ts';
export { getReferral, isApprovedOutReferral, referralCounts, submitReferral } from './referral.service.ts';
// For src/app's GET /fhir/ServiceRequest/{id}, which serves referrals and diagnostic orders.
export { toServiceRequest as toReferralServiceRequest } from './referral.fhir.ts';
export { escalateOverdue, transitionReferral } from './referral-transition.service.ts';
export { SEED_CATALOGUE } from './catalogue.service.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { upsertCatalogueEntry as bulkUpsertCatalogueEntry } from './referral.repository.ts';
