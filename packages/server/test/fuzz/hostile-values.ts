import fc from 'fast-check';

/** Every C0 control character and DEL: the platform must refuse them with a 400 naming the field. */
const CONTROL = fc.integer({ min: 0, max: 0x1f }).chain((c) => fc.constantFrom(String.fromCharCode(c), '\u007f'));

/** A string carrying at least one control character (NUL most often) somewhere inside. */
export const controlString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ maxLength: 8 }), fc.oneof({ weight: 2, arbitrary: fc.constant('\u0000') }, CONTROL), fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `${a}${c}${b}`);

/** Strings far over any field's limit (the JSON body limit is 5 MB; these stay well under it). */
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(1_001, 10_001, 65_536, 300_000).chain((n) =>
  fc.constantFrom('x', '张', '😀', "'").map((c) => c.repeat(n)));

/** Calendar dates and instants PostgreSQL or the domain may choke on: year 0000, impossible days, far years. */
export const badDate: fc.Arbitrary<string> = fc.constantFrom(
  '0000-01-01', '0000-02-29', '0000-12-31T23:59:59Z', '0000-06-01T00:00:00+08:00', '-0001-01-01', '10000-01-01',
  '9999-12-31', '9999-12-31T23:59:59.999999999Z', '0001-01-01', '1900-02-29', '2025-02-30', '2025-13-01', '2025-00-10',
  '2025-1-1', '2025-01-01T24:00:00Z', '2025-01-01T12:00:00', '2025-01-01 12:00:00+08', '20250101', 'now', 'infinity',
  '-infinity', 'epoch', 'today', '1e10', '');

/** Identifiers that are not ours: malformed, nil, max, injected, encoded. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'x', '0', '-1', 'null', 'undefined', '../..', '%00', '%', "1' or '1'='1", '1;drop table resident',
    '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
    '{00000000-0000-7000-8000-000000000000}', '00000000000070008000000000000000', '00000000-0000-7000-8000-00000000000g'),
  fc.uuid(),
  fc.uuid().map((u) => `${u}\u0000`),
  fc.uuid().map((u) => u.toUpperCase()),
);

/** Page cursors: garbage, negative, beyond bigint, base64 of almost-right and of nonsense. */
export const badCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('x', '-1', '0', '99999999999999999999', '1e309', 'NaN', '==', 'MXwy', '|', '%00'),
  fc.tuple(fc.oneof(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String), fc.string({ maxLength: 12 })), fc.oneof(fc.string({ maxLength: 12 }), fc.uuid()))
    .map(([a, b]) => Buffer.from(`${a}|${b}`).toString('base64url')),
  fc.string({ maxLength: 40 }).map((s) => Buffer.from(s).toString('base64')),
);

/** Numbers at and beyond every sane range, as JSON numbers. */
export const badNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, Number.MIN_VALUE, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Numbers as they travel in a query string. */
export const badNumeral: fc.Arbitrary<string> = fc.constantFrom('-1', '0', '1.5', '2147483648', '99999999999999999999999', '1e309', 'NaN', 'Infinity', '0x10', ' 1', '1 ', '', 'true', '+1', '--1');

/** Any JSON value of the wrong kind, including nested nulls and prototype-pollution keys. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, '', [], {}, [null], [[]], { '': null }, [{}, null], JSON.parse('{"__proto__":{"role":"admin"}}') as unknown),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'communityId', 'toString'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** A hostile value for any field, whatever its schema. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: controlString },
  { weight: 1, arbitrary: hugeString },
  { weight: 3, arbitrary: badDate },
  { weight: 3, arbitrary: badId },
  { weight: 2, arbitrary: badNumber },
  { weight: 4, arbitrary: wrongType },
);

/** A hostile value as a query string carries it (always text). */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: controlString },
  { weight: 1, arbitrary: hugeString.map((s) => s.slice(0, 20_000)) },
  { weight: 3, arbitrary: badDate },
  { weight: 3, arbitrary: badId },
  { weight: 2, arbitrary: badCursor },
  { weight: 3, arbitrary: badNumeral },
);
