// The encounters module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { encounterRoutes } from './encounters.routes.ts';
export { startFolderDrop } from './folder-drop.job.ts';
export { buildEncounterRow, outTransferDisease } from './encounter-row.ts';
export { AggregateDeltas, type DeltasSnapshot } from './aggregate-deltas.ts';
export { applyDeltas, clearAggregates, encounterPage, hasOutOfCountyData, sumAggregates, sumAggregatesByMonth, sumAggregatesByUnit, topDiseases } from './encounter-aggregates.service.ts';
export type { EncounterRow } from './encounters.repository.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { copyEncounterChunks as bulkCopyEncounterChunks, encounterCopyLine } from './encounters.repository.ts';
