import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Database } from './database.ts';
import { copyTextLine } from './database.ts';
import { freshDatabase } from '../../../test/test-database.ts';

/** `Tx.copyLines` (COPY text format, streamed in pieces) stores every value as given, on every store. */
describe('COPY text lines inside a transaction', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(inject('template'));
    await db.query('create table copy_probe (n int primary key, t text, j jsonb, b boolean, d date)');
  });
  afterAll(async () => db.close());

  const tricky = ['plain', '', ' edge spaces ', 'tab\there', 'line\nbreak', 'cr\rlf\r\n', 'back\\slash', '\\.', '\\N', 'quote "x", comma', '中文，标点', 'emoji 🏥'];

  it('round-trips tricky text, JSON, NULL and booleans, in many pieces, and rolls back with the transaction', async () => {
    const rows = Array.from({ length: 1_203 }, (_, n) => [n, n % 7 === 0 ? null : tricky[n % tricky.length]!, { s: tricky[n % tricky.length], n, nested: ['a\\b', 'c\nd'] }, n % 2 === 0, '2025-03-04'] as const);
    const copied = await db.transaction((tx) => tx.copyLines('copy_probe', ['n', 't', 'j', 'b', 'd'], rows.map(copyTextLine)));
    expect(copied).toBe(rows.length);
    const stored = (await db.query<{ n: number; t: string | null; j: unknown; b: boolean; d: string }>('select n, t, j, b, d::text as d from copy_probe order by n')).rows;
    expect(stored).toEqual(rows.map(([n, t, j, b, d]) => ({ n, t, j, b, d })));
    await expect(db.transaction(async (tx) => {
      await tx.copyLines('copy_probe', ['n', 't', 'j', 'b', 'd'], [copyTextLine([5_000, 'x', {}, true, '2025-01-01'])]);
      throw new Error('abort');
    })).rejects.toThrow('abort');
    expect((await db.query<{ n: number }>('select count(*)::int as n from copy_probe')).rows[0]!.n).toBe(rows.length);
  });

  it('fails the statement on a row the table refuses, and a lazy producer that throws fails it too', async () => {
    await expect(db.transaction((tx) => tx.copyLines('copy_probe', ['n', 't', 'j', 'b', 'd'], [copyTextLine([1, 'duplicate key', {}, true, '2025-01-01'])]))).rejects.toThrow();
    function* broken() {
      yield copyTextLine([9_001, 'ok', {}, true, '2025-01-01']);
      throw new Error('producer failed');
    }
    await expect(db.transaction((tx) => tx.copyLines('copy_probe', ['n', 't', 'j', 'b', 'd'], broken()))).rejects.toThrow('producer failed');
    expect((await db.query<{ n: number }>('select count(*)::int as n from copy_probe where n > 9000')).rows[0]!.n).toBe(0);
  });
});
