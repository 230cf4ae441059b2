// The org module as other modules, src/app, src/seed and src/cli see it (eslint.config.js).
export { orgRoutes } from './org.routes.ts';
export { requireOrganization } from './org.service.ts';
export { dispatchedSeniorCount } from './practitioner.service.ts';
export { cachedCommunityRegion, communityRegion, findOrganizationRef, findOrganizationRefs, listOrganizationRefs, organizationSubtree } from './org-lookups.service.ts';

// Bulk writes for src/seed, the synth CLI and benchmarks: storage only, no permission check, no audit.
export { assignOrganizationCodes as bulkAssignOrganizationCodes } from './org.repository.ts';
