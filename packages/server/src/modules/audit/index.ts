// The audit module as other modules and src/app see it (eslint.config.js).
export { auditRoutes } from './audit.routes.ts';
export { residentAccessLog } from './audit.service.ts';
