// The scheduling module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { schedulingRoutes } from './scheduling.routes.ts';
export { bookInTx, releaseBookingInTx } from './booking.service.ts';
export { DEFAULT_RELEASE_HOURS, generateAllSlots, generateSlotsFor, releaseDueReserve } from './slots.service.ts';
export { findBooking, slotOwner } from './scheduling-lookups.service.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { insertResource as bulkInsertResource, insertRule as bulkInsertRule, upsertPolicy as bulkUpsertPolicy } from './resources.repository.ts';
