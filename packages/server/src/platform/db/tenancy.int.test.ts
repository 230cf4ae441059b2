import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Database } from './database.ts';
import { freshDatabase } from '../../../test/test-database.ts';
import { checkTenancy } from './tenancy-check.ts';

describe('tenancy rules on the live catalog (Citus-ready schema)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(inject('template'));
  });
  afterAll(async () => db.close());

  it('finds no tenant table that breaks the rules in the migrated schema', async () => {
    expect(await checkTenancy(db)).toEqual([]);
  });

  it('flags a table without community_id in its key, a foreign key that skips it, and a unique index without it', async () => {
    await db.query(`create table bad_no_column (id uuid primary key, name text)`);
    await db.query(`create table bad_key (community_id uuid not null, id uuid not null, primary key (id))`);
    await db.query(`create table bad_fk (community_id uuid not null, id uuid not null, key_id uuid not null, primary key (community_id, id),
                      foreign key (key_id) references bad_key (id))`);
    await db.query(`create table bad_unique (community_id uuid not null, id uuid not null, code text, primary key (community_id, id))`);
    await db.query(`create unique index bad_unique_code on bad_unique (code)`);
    const problems = await checkTenancy(db);
    const byTable = (t: string) => problems.filter((p) => p.table === t).map((p) => p.problem).join(' | ');
    expect(byTable('bad_no_column')).toMatch(/no community_id column/);
    expect(byTable('bad_key')).toMatch(/does not lead with community_id/);
    expect(byTable('bad_fk')).toMatch(/does not join on community_id/);
    expect(byTable('bad_unique')).toMatch(/lacks community_id/);
    expect(problems.filter((p) => !p.table.startsWith('bad_'))).toEqual([]);
  });
});
