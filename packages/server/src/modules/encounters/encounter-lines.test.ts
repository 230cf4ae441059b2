import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ndjsonLines, textLines } from './encounter-lines.ts';

async function lines(chunks: (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of textLines(Readable.from(chunks))) out.push(l);
  return out;
}

/** What node:readline (crlfDelay: Infinity) gives: LF, CR LF and a lone CR all end a line. */
function reference(text: string): string[] {
  const parts = text.split(/\r\n|\n|\r/);
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

describe('textLines', () => {
  it('splits at LF, CR LF and a lone CR; keeps empty lines; a last line needs no break', async () => {
    expect(await lines(['a\nb\r\nc\rd\n\ne'])).toEqual(['a', 'b', 'c', 'd', '', 'e']);
    expect(await lines(['a\n'])).toEqual(['a']);
    expect(await lines([''])).toEqual([]);
  });

  it('keeps a CR LF split between chunks one break, and a UTF-8 character split between chunks whole', async () => {
    expect(await lines(['a\r', '\nb'])).toEqual(['a', 'b']);
    const bytes = Buffer.from('张三\n李四', 'utf8');
    expect(await lines([bytes.subarray(0, 2), bytes.subarray(2, 8), bytes.subarray(8)])).toEqual(['张三', '李四']);
  });

  it('lets a long CR-only text out before its end', async () => {
    const line = 'x'.repeat(1000);
    const text = Array.from({ length: 200 }, () => line).join('\r');
    expect(await lines([text.slice(0, 100_000), text.slice(100_000)])).toEqual(reference(text));
  });

  it('gives what readline gives for any text cut into any chunks', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom('a', 'é', '张', '\n', '\r', ' ', '{'), { maxLength: 60 }).map((cs) => cs.join('')),
      fc.array(fc.nat(60), { maxLength: 5 }),
      async (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((x, y) => x - y);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        expect(await lines(chunks)).toEqual(reference(text));
      }));
  });
});

describe('ndjsonLines', () => {
  it('numbers lines, skips blank ones, strips a BOM and reports bad JSON by line', async () => {
    const out = [];
    for await (const l of ndjsonLines(Readable.from(['\uFEFF{"a":1}\r\n\n  \n{bad\n{"b":2}']))) out.push(l);
    expect(out).toEqual([{ line: 1, value: { a: 1 } }, { line: 4, error: '不是合法的 JSON' }, { line: 5, value: { b: 2 } }]);
  });
});
