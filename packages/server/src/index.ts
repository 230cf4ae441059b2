export { startPlatform, createContext, type Platform } from './app/start.ts';
export { loadConfig, type Config } from './platform/config.ts';
export type { Database, Sql } from './platform/db/database.ts';
export { openPglite } from './platform/db/pglite-database.ts';
export { openPostgres } from './platform/db/postgres-database.ts';
export { migrate } from './platform/db/migrate.ts';
