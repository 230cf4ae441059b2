import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, validIdNumber } from '../../../test/factories/residents.ts';
import { recomputeAggregates } from '../indicators/index.ts';
import { ingestEncounters } from './ingest.service.ts';
import { ndjsonLines } from './encounter-lines.ts';
import { Readable } from 'node:stream';

/**
 * The ingest pipeline (ingest-batch.ts) with chunks of 2 and 3 lines, so probes run ahead of the
 * writes of the chunks before them: a key repeated in the next chunk, two, four and seven chunks
 * later (beyond the overlay, from the database),
 * changed or identical, must end as its last version, counted once, with aggregates equal to a
 * recompute from the stored rows.
 */
describe('ingest pipeline: keys repeated across chunks in flight', () => {
  let p: TestPlatform;
  let communityId: string;
  let leadCode: string;
  const actor = (id: string) => ({ userId: '00000000-0000-4000-8000-0000000000ab', username: 'manager', role: 'manager' as const, organizationId: null, scope: { kind: 'community' as const, communityId: id }, organizationIds: [] });
  const chunks = { first: 2, rest: 3 };

  beforeAll(async () => {
    p = await openTestPlatform();
    const w = await demoWorld(p);
    communityId = w.first.id;
    leadCode = (await p.ctx.db.query<{ code: string }>(`select code from organization where community_id = $1 and kind = 'lead_hospital'`, [communityId])).rows[0]!.code;
  });
  afterAll(async () => p.close());

  let source = 'HIS-PIPE';
  const visit = (id: string, cost: number, start = '2025-04-02') => ({
    id, source, orgCode: leadCode, outOfCounty: false, residentIdNumber: validIdNumber('19580101', '330521', 7), type: 'outpatient', start,
    diagnoses: [{ code: 'I10', primary: true }], totalCost: cost, fundPaid: Math.floor(cost / 2), outOfPocket: 100,
  });
  async function* lines(records: unknown[]) {
    for (const [i, value] of records.entries()) yield { line: i + 1, value };
  }
  const stored = async () => (await p.ctx.db.query<{ id: string; total_cost: number; start_date: string }>(
    `select id, total_cost::int, start_date::text from encounter where community_id = $1 and source = $2 order by id`, [communityId, source])).rows;
  const aggregates = async () => (await p.ctx.db.query(
    `select month::text, unit_key, metric, value::int from encounter_agg where community_id = $1 and value <> 0 order by 1, 2, 3`, [communityId])).rows;

  it('ends with the last version of every key and aggregates equal to a recompute', async () => {
    const batch = [
      visit('a', 1000), visit('b', 2000), // chunk 1
      visit('c', 3000), visit('a', 1100), visit('b', 2000), // chunk 2: a changed, b identical
      visit('d', 4000), visit('a', 1200, '2025-05-06'), visit('c', 3000), // chunk 3: a changed again (another month), c identical
      visit('e', 5000), visit('b', 2100), visit('a', 1200, '2025-05-06'), // chunk 4: b changed, a identical to its last version
      visit('a', 1300), visit('f', 6000), visit('g', 7000), // chunk 5: a back in April
      ...Array.from({ length: 18 }, (_, i) => visit(`filler-${i}`, 1000 + i)), // chunks 6–11
      visit('a', 1400), visit('c', 3000), visit('h', 8000), // chunk 12: a changed seven chunks after its last version, c identical
    ];
    const first = await ingestEncounters(p.ctx, actor(communityId), communityId, lines(batch), chunks);
    // 26 keys inserted; a changed four times, b once; four identical repeats.
    expect(first).toMatchObject({ accepted: 31, duplicates: 4, rejected: 0 });
    expect((await stored()).filter((r) => !r.id.startsWith('filler'))).toEqual([
      { id: 'a', total_cost: 1400, start_date: '2025-04-02' }, { id: 'b', total_cost: 2100, start_date: '2025-04-02' }, { id: 'c', total_cost: 3000, start_date: '2025-04-02' },
      { id: 'd', total_cost: 4000, start_date: '2025-04-02' }, { id: 'e', total_cost: 5000, start_date: '2025-04-02' }, { id: 'f', total_cost: 6000, start_date: '2025-04-02' },
      { id: 'g', total_cost: 7000, start_date: '2025-04-02' }, { id: 'h', total_cost: 8000, start_date: '2025-04-02' },
    ]);
    expect(await stored()).toHaveLength(26);
    const incremental = await aggregates();
    await recomputeAggregates(p.ctx, communityId);
    expect(await aggregates()).toEqual(incremental);

    // The same batch again: every line compares with what is stored now; the end state is the same.
    const again = await ingestEncounters(p.ctx, actor(communityId), communityId, lines(batch), chunks);
    expect(again.rejected).toBe(0);
    expect(again.accepted + again.duplicates).toBe(batch.length);
    expect(await stored()).toHaveLength(26);
    expect((await stored()).find((r) => r.id === 'a')).toEqual({ id: 'a', total_cost: 1400, start_date: '2025-04-02' });
    const afterAgain = await aggregates();
    expect(afterAgain).toEqual(incremental);
    await recomputeAggregates(p.ctx, communityId);
    expect(await aggregates()).toEqual(afterAgain);
  });

  it('reports bad lines of an NDJSON body by number, in order, across chunks', async () => {
    source = 'HIS-PIPE-E';
    const text = Array.from({ length: 12 }, (_, k) => {
      const i = k + 1;
      if (i % 4 === 0) return '{bad';
      if (i % 5 === 0) return JSON.stringify({ ...visit(`e${i}`, 500), diagnoses: [{ code: 'I10', primary: false }] });
      return JSON.stringify(visit(`e${i}`, 500 + i));
    }).join('\n');
    const r = await ingestEncounters(p.ctx, actor(communityId), communityId, ndjsonLines(Readable.from([text])), chunks);
    expect(r).toMatchObject({ accepted: 7, duplicates: 0, rejected: 5 });
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[4, 'INVALID_JSON'], [5, 'INVALID_RECORD'], [8, 'INVALID_JSON'], [10, 'INVALID_RECORD'], [12, 'INVALID_JSON']]);
    expect(await stored()).toHaveLength(7);
  });

  it('stores nothing of a batch whose third chunk fails to write, and surfaces that error', async () => {
    source = 'HIS-PIPE';
    let copies = 0;
    const failing = { ...p.ctx, db: Object.create(p.ctx.db) as typeof p.ctx.db };
    failing.db.transaction = (fn) => p.ctx.db.transaction((tx) => fn({
      ...tx,
      query: (text, params) => tx.query(text, params),
      exec: (script) => tx.exec(script),
      copyLines: (table, columns, rows) => (++copies === 3 ? Promise.reject(new Error('connection lost while copying')) : tx.copyLines(table, columns, rows)),
    }));
    const batch = Array.from({ length: 14 }, (_, i) => visit(`x${i}`, 1000 + i));
    const before = await aggregates();
    await expect(ingestEncounters(failing, actor(communityId), communityId, lines(batch), chunks)).rejects.toThrow(/connection lost while copying/);
    expect(copies).toBe(3);
    expect((await stored()).filter((r) => r.id.startsWith('x'))).toEqual([]);
    expect(await aggregates()).toEqual(before);
  });
});
