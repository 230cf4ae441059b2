import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AggregateDeltas } from '../modules/encounters/index.ts';
import type { CopyChunk } from '../platform/db/database.ts';
import { encounterChunks, type EncounterJob } from './encounter-rows.ts';
import { EncounterThread } from './encounter-thread.ts';

/** A small population: 600 residents over 3 villages under 2 townships, 4 months of care. */
function job(): EncounterJob {
  const units: [string, string, string][] = [['LEAD', randomUUID(), 'lead_hospital'], ['T1', randomUUID(), 'township_center'], ['T2', randomUUID(), 'township_center'],
    ['V1', randomUUID(), 'village_clinic'], ['V2', randomUUID(), 'village_clinic'], ['V3', randomUUID(), 'village_clinic']];
  const residents = Array.from({ length: 600 }, (_, i) => ({
    idNumber: `330521${String(19400101 + (i % 80) * 10000).slice(0, 8)}${String(i).padStart(3, '0')}X`,
    age: 2 + (i % 85), sex: i % 2 ? 'male' as const : 'female' as const,
    clinicCode: i % 7 === 0 ? null : `V${(i % 3) + 1}`, townshipCode: i % 3 === 2 ? 'T2' : 'T1',
  }));
  return {
    communityId: randomUUID(), months: ['2026-02', '2026-03', '2026-04', '2026-05'], seed: 7, yesterday: '2026-05-20',
    residents, units: { lead: 'LEAD', tcm: null, maternalChild: null },
    byNumber: residents.map((r) => [r.idNumber, randomUUID(), randomBytes(32).toString('hex')]), byCode: units, hashKey: new Uint8Array(randomBytes(32)),
    // Chunks of 100 rows: more chunks than the worker may run ahead of its consumer.
    rowsPerChunk: 100,
  };
}

const text = (chunks: CopyChunk[]) => Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8');

describe('the encounter worker thread (demo seed, issue #11)', () => {
  it('builds exactly the rows and aggregates this thread builds, in order, in bounded chunks', async () => {
    const j = job();
    const local = new AggregateDeltas();
    const expected = [...encounterChunks(j, local)];
    expect(expected.length).toBeGreaterThan(10);

    const run = new EncounterThread().run({ ...j, hashKey: new Uint8Array(j.hashKey) });
    const got: CopyChunk[] = [];
    for await (const c of run.chunks) got.push(c);
    const deltas = AggregateDeltas.fromSnapshot(await run.deltas);

    expect(text(got)).toBe(text(expected));
    expect(got.reduce((n, c) => n + c.rows, 0)).toBe(expected.reduce((n, c) => n + c.rows, 0));
    expect([...deltas.counters].sort()).toEqual([...local.counters].sort());
    expect([...deltas.diseases].sort()).toEqual([...local.diseases].sort());
  }, 60_000);

  it('a consumer that stops early ends the worker, and a failing job rejects', async () => {
    // The worker stays at most 4 chunks ahead, so after one chunk it cannot have finished.
    const run = new EncounterThread().run(job());
    for await (const c of run.chunks) {
      expect(c.rows).toBeGreaterThan(0);
      break;
    }
    await expect(run.deltas).rejects.toThrow(/stopped/);

    const bad = new EncounterThread().run({ ...job(), residents: null as never });
    await expect((async () => {
      for await (const c of bad.chunks) void c;
    })()).rejects.toThrow();
  }, 60_000);
});
