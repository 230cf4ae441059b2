import { describe, expect, it } from 'vitest';
import { dropKind, uniqueName } from './folder-drop.job.ts';

describe('folder-drop file names', () => {
  it('takes the feed formats by extension, case-insensitively', () => {
    expect(['a.ndjson', 'a.JSONL', '2025-03.csv', 'bundle.json'].map(dropKind)).toEqual(['ndjson', 'ndjson', 'csv', 'fhir']);
  });

  it('leaves dotfiles, files still being written and other files alone', () => {
    expect(['.a.ndjson', 'a.ndjson.part', 'a.csv.tmp', 'a.txt', 'README', 'a.result.json.tmp', '.~lock.a.csv#'].map(dropKind)).toEqual([null, null, null, null, null, null, null]);
  });

  it('keeps the name when free, and stamps it when the name or its result is taken', () => {
    const taken = new Set(['a.ndjson', 'a.ndjson.result.json', 'b.csv.result.json', 'a.20260101T000000Z.ndjson']);
    const has = (n: string) => taken.has(n);
    expect(uniqueName('c.json', '20260101T000000Z', has)).toBe('c.json');
    expect(uniqueName('b.csv', '20260101T000000Z', has)).toBe('b.20260101T000000Z.csv');
    expect(uniqueName('a.ndjson', '20260101T000000Z', has)).toBe('a.20260101T000000Z-2.ndjson');
  });
});
