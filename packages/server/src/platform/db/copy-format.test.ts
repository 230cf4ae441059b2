import { describe, expect, it } from 'vitest';
import { copyTextField, copyTextLine } from './database.ts';

describe('COPY text format of the values we load', () => {
  it('leaves plain values as they are and writes NULL as \\N, distinct from the empty string', () => {
    expect(copyTextLine([1, 2.5, true, 'abc', '2026-01-02', null, undefined, ''])).toBe('1\t2.5\ttrue\tabc\t2026-01-02\t\\N\t\\N\t');
  });
  it('needs no quoting for delimiters of CSV, quotes or edge spaces', () => {
    expect(copyTextField('a,b')).toBe('a,b');
    expect(copyTextField('say "hi"')).toBe('say "hi"');
    expect(copyTextField(' padded ')).toBe(' padded ');
  });
  it('escapes what COPY would misread: line breaks and a lone `\\.` line', () => {
    expect(copyTextField('two\nlines')).toBe('two\\nlines');
    expect(copyTextField('cr\r')).toBe('cr\\r');
    expect(copyTextField('\\.')).toBe('\\\\.');
  });
  it('writes objects as JSON and dates as ISO timestamps', () => {
    expect(copyTextField({ a: 1, b: 'x' })).toBe('{"a":1,"b":"x"}');
    expect(copyTextField([])).toBe('[]');
    expect(copyTextField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('copyTextField (COPY … text format)', () => {
  it('writes NULL as \\N and escapes backslash, tab and line breaks; nothing else', () => {
    expect(copyTextLine([1, null, true, 'a b,"c"', ''])).toBe('1\t\\N\ttrue\ta b,"c"\t');
    expect(copyTextField('tab\there\nnew\rcr\\back')).toBe('tab\\there\\nnew\\rcr\\\\back');
    expect(copyTextField('\\N')).toBe('\\\\N');
    expect(copyTextField({ a: 'x\\y' })).toBe('{"a":"x\\\\\\\\y"}');
  });
});
