import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { demoWorld, validIdNumber } from '../../../test/factories/residents.ts';
import { storedEncounters } from '../../../test/factories/encounters.ts';
import { bundleText, encounterEntries, type BundleRecord } from '../../../test/factories/fhir-bundles.ts';

// A full collection before and after measuring, so the figures are live objects, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('a FHIR Bundle ingest streamed entry by entry (issue 10, point 3)', () => {
  let p: TestPlatform;
  let manager: string;
  let communityId: string;
  let lead: string;

  const record = (source: string, i: number): BundleRecord => ({
    id: `b-${i}`, source, orgCode: lead, residentIdNumber: validIdNumber('19600101', '330521', i % 1000), start: '2025-05-06',
    diagnoses: [{ code: i % 2 ? 'I10' : 'E11.9', primary: true }, { code: 'J06.9', primary: false }], totalCost: 6000 + (i % 50), fundPaid: 3000, outOfPocket: 2000,
  });
  const send = async (type: string, payload: string | Readable) => {
    const r = await p.app.inject({ method: 'POST', url: `/api/v1/encounters:ingest?communityId=${communityId}`, headers: { authorization: `Bearer ${manager}`, 'content-type': type }, payload });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };

  beforeAll(async () => {
    p = await openTestPlatform();
    const w = await demoWorld(p);
    communityId = w.first.id;
    manager = await p.login('manager');
    lead = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}&kind=lead_hospital`, manager)).body.items[0].code;
  });
  afterAll(async () => p.close());

  it('ingests a Bundle far larger than the heap grows, rejecting a bad entry at its position and storing the others as NDJSON does', async () => {
    const encounters = 20_000;
    const badAt = 7_777; // this encounter's ID number has a wrong check digit
    const padding = 1_500;
    let bytes = 0;
    let entryCount = 0;
    let nullPosition = 0;
    function* entries() {
      for (let i = 0; i < encounters; i++) {
        const r = record('HIS-FHIR', i);
        const group = encounterEntries(i === badAt ? { ...r, residentIdNumber: `${r.residentIdNumber.slice(0, 17)}${r.residentIdNumber.endsWith('0') ? '1' : '0'}` } : r, padding);
        if (i === badAt) badLine = entryCount + 1;
        entryCount += group.length;
        yield* group;
        if (i === 12_345) {
          nullPosition = ++entryCount;
          yield null;
        }
      }
    }
    let badLine = 0;
    // Sampled as chunks are pulled (PGlite works in this thread, so timers would starve): the heap
    // as found (garbage included), and every 4 MB after a full collection (what is really held).
    let peak = 0;
    let live = 0;
    const body = Readable.from((function* () {
      let n = 0;
      for (const chunk of bundleText(entries())) {
        bytes += Buffer.byteLength(chunk);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (++n % 64 === 0) {
          gc();
          live = Math.max(live, process.memoryUsage().heapUsed);
        }
        yield chunk;
      }
    })());
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const r = await send('application/fhir+json', body);
    const seconds = (Date.now() - started) / 1000;
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(`FHIR Bundle: ${entryCount} entries, ${mb(bytes)} streamed in ${seconds.toFixed(1)} s; heap ${mb(before)} → held at most ${mb(live)} after collections (+${mb(live - before)}, ${((100 * (live - before)) / bytes).toFixed(1)} % of the body), peak as found ${mb(peak)}`);
    expect(r.status).toBe(200);
    expect(entryCount).toBeGreaterThan(50_000);
    expect(r.body).toMatchObject({ accepted: encounters - 1, duplicates: 0, rejected: 2 });
    expect(r.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[badLine, 'INVALID_ID_NUMBER'], [nullPosition, 'INVALID_JSON']]);
    expect(live - before).toBeLessThan(bytes / 10);
    expect(await storedEncounters(p, communityId, 'HIS-FHIR')).toBe(encounters - 1);

    // The same records as NDJSON: the same rows, content hash for content hash.
    const ndjson = Array.from({ length: encounters }, (_, i) => (i === badAt ? null : JSON.stringify({ ...record('HIS-FHIR', i), outOfCounty: false, type: 'outpatient', end: null, procedures: [] }))).filter(Boolean).join('\n');
    await p.ctx.db.query(`delete from encounter where community_id = $1 and source = 'HIS-FHIR' and id in ('b-0', 'b-1')`, [communityId]);
    const again = await send('application/x-ndjson', ndjson);
    expect(again.body).toMatchObject({ accepted: 2, duplicates: encounters - 3, rejected: 0 });
  }, 300_000);

  it('reports what stands beyond the next Encounter at its position, and a Condition it cannot reach', async () => {
    const [a, b] = [record('HIS-NEAR', 1), record('HIS-NEAR', 2)];
    const [encA, condA1, condA2, claimA] = encounterEntries(a);
    const [encB, ...restB] = encounterEntries(b);
    // A's Claim after B: an orphan at position 7; B is complete; A misses its Claim (no totalCost).
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [encA, condA1, condA2, encB, ...restB, claimA] };
    const r = await send('application/fhir+json', JSON.stringify(bundle));
    expect(r.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(r.body.errors.map((e: { line: number }) => e.line)).toEqual([1, 8]);
    expect(r.body.errors.find((e: { line: number }) => e.line === 8).message).toContain('不在相邻条目中');
    const farCondition = { resourceType: 'Bundle', entry: [encounterEntries(record('HIS-NEAR', 3))[0], encB, condA1] };
    const far = await send('application/fhir+json', JSON.stringify(farCondition));
    expect(far.body.errors[0]).toMatchObject({ line: 1 });
    expect(far.body.errors[0].message).toContain('不在相邻条目中');
  });

  it('refuses a body that is not a Bundle, or breaks off, with 400 and stores none of it', async () => {
    const entries = encounterEntries(record('HIS-CUTOFF', 1));
    const text = JSON.stringify({ entry: entries, resourceType: 'Patient' });
    expect(await send('application/fhir+json', text)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await send('application/fhir+json', '[1, 2]')).toMatchObject({ status: 400 });
    const cut = JSON.stringify({ resourceType: 'Bundle', entry: [...entries, ...encounterEntries(record('HIS-CUTOFF', 2))] });
    const broken = await send('application/fhir+json', cut.slice(0, cut.length - 40));
    expect(broken).toMatchObject({ status: 400, body: { error: { message: 'FHIR Bundle 不是合法的 JSON' } } });
    expect(await storedEncounters(p, communityId, 'HIS-CUTOFF')).toBe(0);
    // A byte-order mark (Windows HIS exports) is dropped; resourceType may come last.
    const ok = await send('application/fhir+json', `\uFEFF${JSON.stringify({ entry: entries, resourceType: 'Bundle' })}`);
    expect(ok.body).toMatchObject({ accepted: 1, rejected: 0 });
  });
});
