import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controlCharacterPath } from './control-characters.ts';

describe('controlCharacterPath', () => {
  it('names the field holding a NUL, however deep, and the key itself', () => {
    expect(controlCharacterPath({ username: '\u0000' }, 'body')).toBe('body.username');
    expect(controlCharacterPath({ a: [{ b: 'ok' }, { b: 'x\u0007y' }] }, 'body')).toBe('body.a.1.b');
    expect(controlCharacterPath({ 'k\u0000': 1 }, 'body')).toBe('body."k\\u0000"');
    expect(controlCharacterPath('\u007f', 'query.q')).toBe('query.q');
  });

  it('lets tab, line feed and carriage return through free text, but not in strict mode', () => {
    expect(controlCharacterPath({ note: '第一行\r\n第二行\t完' }, 'body')).toBeNull();
    expect(controlCharacterPath({ q: 'a\nb' }, 'query', true)).toBe('query.q');
  });

  it('finds nothing in any value without control characters (property)', () => {
    const clean = fc.string({ unit: fc.constantFrom(...'aZ0 中文，。-_\t\n'.split('')) });
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    const strip = (v: unknown): unknown => typeof v === 'string' ? v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      : Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [strip(k), strip(x)])) : v;
    fc.assert(fc.property(fc.jsonValue().map(strip), clean, (v, s) =>
      controlCharacterPath({ v, s }, 'body') === null));
  });

  it('finds a control character wherever it is put (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '中', ' ') }), { minLength: 1, maxLength: 5 }), fc.nat(), fc.integer({ min: 0, max: 8 }),
      (parts, at, c) => {
        const i = at % parts.length;
        const fields = Object.fromEntries(parts.map((p, j) => [`f${j}`, j === i ? `${p}${String.fromCharCode(c)}` : p]));
        return controlCharacterPath(fields, 'body') === `body.f${i}`;
      }));
  });
});
