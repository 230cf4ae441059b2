import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bundleEntries, type BundleEntry } from './fhir-bundle-entries.ts';
import { fhirBundleLines, MAX_NEIGHBOURS } from './fhir-bundle.ts';
import type { LineResult } from './encounter-lines.ts';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
/** The body cut into small chunks, so tokens and UTF-8 characters straddle chunk borders. */
const body = (text: string, size = 7) => Readable.from(Array.from({ length: Math.ceil(Buffer.byteLength(text) / size) }, (_, i) => Buffer.from(text).subarray(i * size, (i + 1) * size)));
async function* listed(entries: unknown[]): AsyncGenerator<BundleEntry> {
  for (const [i, entry] of entries.entries()) yield { position: i + 1, entry };
}
const lines = async (entries: unknown[]) => collect<LineResult>(fhirBundleLines(listed(entries)));

const enc = (n: number, diagnosis: string[] = []) => ({ fullUrl: `urn:e${n}`, resource: { resourceType: 'Encounter', identifier: [{ system: 'urn:yigong:source:S', value: `e${n}` }], diagnosis: diagnosis.map((c, i) => ({ condition: { reference: c }, rank: i + 1 })) } });
const cond = (url: string, code: string) => ({ fullUrl: url, resource: { resourceType: 'Condition', code: { coding: [{ code }] } } });
const proc = (n: number, code: string) => ({ resource: { resourceType: 'Procedure', encounter: { reference: `urn:e${n}` }, code: { coding: [{ code }] } } });
const claim = (n: number, yuan: number) => ({ resource: { resourceType: 'Claim', item: [{ encounter: [{ reference: `Encounter/x${n}` }, { reference: `urn:e${n}` }] }], total: { value: yuan } } });

describe('bundleEntries', () => {
  it('hands out each entry with its position, skipping other members, whatever the key order and chunking', async () => {
    const text = `\uFEFF{"meta":{"tag":[{"code":"x"}]},"entry":[{"fullUrl":"a","resource":{"resourceType":"Condition","note":[{"text":"高血压 [1,2]"}]}},null,7,[1]],"resourceType":"Bundle","signature":{"data":"…"}}`;
    expect(await collect(bundleEntries(body(text)))).toEqual([
      { position: 1, entry: { fullUrl: 'a', resource: { resourceType: 'Condition', note: [{ text: '高血压 [1,2]' }] } } },
      { position: 2, entry: null },
      { position: 3, entry: 7 },
      { position: 4, entry: [1] },
    ]);
  });

  it('refuses what is not a Bundle, and JSON that breaks off, as a whole (400)', async () => {
    await expect(collect(bundleEntries(body('{"resourceType":"Patient","entry":[]}')))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('resourceType') });
    await expect(collect(bundleEntries(body('[{"resourceType":"Bundle"}]')))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(collect(bundleEntries(body('{"resourceType":"Bundle","entry":{}}')))).rejects.toMatchObject({ message: expect.stringContaining('entry') });
    await expect(collect(bundleEntries(body('{"entry":[]}')))).rejects.toMatchObject({ message: expect.stringContaining('resourceType') });
    await expect(collect(bundleEntries(body('{"resourceType":"Bundle","entry":[{"a":')))).rejects.toMatchObject({ message: 'FHIR Bundle 不是合法的 JSON' });
  });

  it('takes an empty Bundle as no lines', async () => {
    expect(await collect(bundleEntries(body('{"resourceType":"Bundle","type":"collection"}')))).toEqual([]);
  });
});

describe('fhirBundleLines (an Encounter and its neighbours)', () => {
  it('joins Conditions before or after the Encounter, its Procedures and its Claim', async () => {
    const out = await lines([cond('c1', 'I10'), enc(1, ['c1', 'c2']), cond('c2', 'E11.9'), proc(1, '00.66'), claim(1, 12.5), enc(2, ['c3']), cond('c3', 'J06.9'), claim(2, 3)]);
    expect(out).toMatchObject([
      { line: 2, value: { id: 'e1', source: 'S', diagnoses: [{ code: 'I10', primary: true }, { code: 'E11.9', primary: false }], procedures: [{ code: '00.66', grade: null }], totalCost: 1250 } },
      { line: 6, value: { id: 'e2', diagnoses: [{ code: 'J06.9', primary: true }], procedures: [], totalCost: 300 } },
    ]);
  });

  it('reports a Condition beyond the next Encounter on the Encounter, a Procedure beyond it at its own position, in entry order', async () => {
    const out = await lines([enc(1, ['c1']), null, enc(2), proc(1, '00.66'), cond('c1', 'I10'), enc(3)]);
    expect(out.map((l) => [l.line, 'error' in l ? l.error.slice(0, 12) : 'ok'])).toEqual([[1, 'entry[0]：dia'], [2, 'entry[1] 不是对'], [3, 'ok'], [4, 'entry[3]：Pro'], [6, 'ok']]);
  });

  it('fails a malformed Encounter alone', async () => {
    const out = await lines([{ resource: { resourceType: 'Encounter', diagnosis: [null] } }, enc(2)]);
    expect(out).toMatchObject([{ line: 1, error: 'entry[0]：Encounter 的结构不合法' }, { line: 2, value: { id: 'e2' } }]);
  });

  it('keeps at most MAX_NEIGHBOURS entries between two Encounters', async () => {
    const filler = Array.from({ length: MAX_NEIGHBOURS + 5 }, (_, i) => proc(99, `p${i}`));
    const out = await lines([enc(1), ...filler, enc(2)]);
    expect(out.filter((l) => 'error' in l)).toHaveLength(MAX_NEIGHBOURS + 5);
    expect(out.map((l) => l.line)).toEqual([...out.map((l) => l.line)].sort((a, b) => a - b));
  });
});
