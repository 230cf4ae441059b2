// The residents module (with its access grants, 授权调阅) as other modules, src/app, src/seed and
// src/cli see it (eslint.config.js).
export { residentRoutes } from './residents.routes.ts';
export { grantRoutes } from './grants.routes.ts';
export { createResident, requireResidentAccess, requireResidentForWrite } from './residents.service.ts';
export { icd10Names } from './residents-lookups.service.ts';
export { nameSearchKeys } from './name-search.ts';
