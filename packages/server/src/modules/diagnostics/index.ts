// The diagnostics module (shared centres, critical values, mutual recognition; issue #13) as
// other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { diagnosticsRoutes } from './diagnostics.routes.ts';
export { diagnosticsFhirRoutes } from './diagnostics-fhir.routes.ts';
// For src/app's GET /fhir/ServiceRequest/{id}, which serves referrals and diagnostic orders.
export { getOrder as getDiagnosticOrder } from './order.service.ts';
export { toServiceRequest as toDiagnosticServiceRequest } from './diagnostics.fhir.ts';
export { escalateCriticalValues } from './critical-value.service.ts';
export { diagnosticsModuleCounts } from './indicators.service.ts';

// Bulk writes for src/seed and benchmarks: storage only, no permission check, no audit.
export { upsertCentre as bulkUpsertCentre, upsertItem as bulkUpsertItem, insertRota as bulkInsertRota } from './catalogue.repository.ts';
export { insertDemoOrders as bulkInsertDemoOrders, insertDemoConsultations as bulkInsertDemoConsultations, type DemoOrderRows, type DemoConsultationRows } from './demo.repository.ts';
export { rebuildMonthCounts as rebuildDiagnosticMonthCounts } from './month-counts.repository.ts';
