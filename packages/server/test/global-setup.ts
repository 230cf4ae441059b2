import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { fromPglite } from '../src/platform/db/pglite-database.ts';
import { openPostgres } from '../src/platform/db/postgres-database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { adminQuery, withDatabase, type TemplateRef } from './test-database.ts';
import { seedTestCounty } from './seed-test-county.ts';
import { citusWorkers, createCitusDatabase, dropCitusDatabase } from './citus-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateRef;
  }
}

/**
 * Builds the seeded template once per run: migrations, reference data, two small synthetic
 * communities and the demo accounts. Every integration test file starts from a copy of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const workers = url ? await citusWorkers(url) : null;
  if (url && workers) {
    // A Citus coordinator (npm run citus:cluster): the template lives on every node.
    const template = `yg_tpl_${process.pid}`;
    await dropCitusDatabase(url, workers, template);
    await createCitusDatabase(url, workers, template);
    const db: Database = openPostgres(withDatabase(url, template), 4);
    await seedTestCounty(db);
    await db.close();
    project.provide('template', { kind: 'citus', url, template, workers });
    return async () => dropCitusDatabase(url, workers, template);
  }
  if (url) {
    const template = `yg_tpl_${process.pid}`;
    await adminQuery(url, `drop database if exists ${template} with (force)`);
    await adminQuery(url, `create database ${template}`);
    const db: Database = openPostgres(withDatabase(url, template), 4);
    await seedTestCounty(db);
    await db.close();
    project.provide('template', { kind: 'postgres', url, template });
    return async () => adminQuery(url, `drop database if exists ${template} with (force)`);
  }
  const pg = await PGlite.create();
  await seedTestCounty(fromPglite(pg));
  const dir = await mkdtemp(join(tmpdir(), 'yg-tpl-'));
  const dumpFile = join(dir, 'template.tar.gz');
  await writeFile(dumpFile, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
  await pg.close();
  project.provide('template', { kind: 'pglite', dumpFile });
  return async () => undefined;
}
