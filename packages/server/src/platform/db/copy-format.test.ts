import { describe, expect, it } from 'vitest';
import { copyTextField, copyTextLine, csvField, csvLine } from './database.ts';

describe('csvField (COPY … FORMAT csv)', () => {
  it('leaves plain values unquoted and NULL as the unquoted empty field', () => {
    expect(csvLine([1, 2.5, true, 'abc', '2026-01-02', null, undefined])).toBe('1,2.5,true,abc,2026-01-02,,\n');
  });
  it('quotes the empty string, so it is not read as NULL', () => {
    expect(csvField('')).toBe('""');
  });
  it('quotes and doubles what COPY would misread: delimiters, quotes, line breaks, backslashes, edge spaces', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    // A lone `\.` line would end the data.
    expect(csvField('\\.')).toBe('"\\."');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('padded ')).toBe('"padded "');
  });
  it('writes objects as JSON, quoted when the JSON needs it', () => {
    expect(csvField({ a: 1, b: 'x' })).toBe('"{""a"":1,""b"":""x""}"');
    expect(csvField([])).toBe('[]');
    expect(csvField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
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
