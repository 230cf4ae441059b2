import type { Database } from '../src/platform/db/database.ts';
import type { Clock } from '../src/platform/clock.ts';
import { createContext } from '../src/app/start.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { testConfig } from './test-config.ts';

/** Migrations, reference data, and the demo county at test size (two tiny communities). */
export async function seedTestCounty(db: Database, clock?: Clock): Promise<void> {
  const ctx = await createContext(testConfig(), { db, clock });
  await seedDemo(ctx, () => undefined, { firstSize: 'tiny' });
}
