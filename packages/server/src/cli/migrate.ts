import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { loadReferenceData } from '../platform/reference/load-reference.ts';

/** `npm run db:migrate`: applies pending migrations and reference data to the configured database. */
const config = loadConfig();
const db = await openDatabase(config);
try {
  const applied = await migrate(db);
  const ref = await loadReferenceData(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema up to date.');
  if (ref.loaded.length) console.log(`Reference data loaded: ${ref.loaded.join(', ')}`);
} finally {
  await db.close();
}
