import fc from 'fast-check';
import type { JsonSchema } from '../openapi-routes.ts';
import { hostileValue } from './hostile-values.ts';

/** Real identifiers a uuid field of this name may take (residents for `residentId` …), none when unknown. */
export type IdsFor = (field: string) => readonly string[];

export interface SchemaOptions {
  ids: IdsFor;
  /** 0: every value fits the schema; otherwise the weight of a hostile value at each node (against 10). */
  hostility: number;
}

const DAY_MS = 86_400_000;
/** Dates the schemas accept whose years PostgreSQL or the domain may not: year 0000, 0001, 9999, a leap day. */
const EXTREME_DATES = ['0000-01-01', '0000-02-29', '0001-01-01', '1900-01-01', '2000-02-29', '9999-12-31'];
/** Text as people type it: Chinese, spaces, quotes, a digit alone. */
const WORDS = ['高血压随访', '德清县武康街道', '钱有存', 'test', 'a b', '0', '-', "O'Brien", 'Demo@2026-long-enough'];
const recentDate = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * DAY_MS).toISOString().slice(0, 10));

function stringOf(schema: JsonSchema, field: string, o: SchemaOptions): fc.Arbitrary<string> {
  const pattern = typeof schema.pattern === 'string' ? fc.stringMatching(new RegExp(schema.pattern)) : null;
  if (schema.format === 'uuid') {
    const ids = o.ids(field);
    const fresh = pattern ?? fc.uuid();
    return ids.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fresh }) : fresh;
  }
  if (schema.format === 'date') {
    return fc.oneof({ weight: 4, arbitrary: recentDate }, { weight: 2, arbitrary: fc.constantFrom(...EXTREME_DATES) }, { weight: 1, arbitrary: pattern ?? recentDate });
  }
  if (schema.format === 'date-time') {
    const time = fc.constantFrom('T00:00:00Z', 'T08:30:00+08:00', 'T23:59:59.999Z', 'T12:00:00-12:00');
    const day = fc.oneof({ weight: 4, arbitrary: recentDate }, { weight: 2, arbitrary: fc.constantFrom(...EXTREME_DATES) });
    return fc.oneof({ weight: 5, arbitrary: fc.tuple(day, time).map(([d, t]) => d + t) }, { weight: 1, arbitrary: pattern ?? fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) });
  }
  if (pattern) return pattern;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  // Within the schema, at its edges: the longest string it takes (or a very long one when it sets no
  // limit), in wide characters that PostgreSQL stores as 3–4 bytes each.
  const longest = max !== undefined ? fc.constantFrom('测', 'x', '😀').map((c) => c.repeat(max)) : fc.constantFrom(10_000, 100_000).map((n) => '测'.repeat(n));
  const fitting = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max ?? 40, 40)), unit: 'grapheme' });
  const words = WORDS.filter((s) => s.length >= min && (max === undefined || s.length <= max));
  return fc.oneof({ weight: 4, arbitrary: fitting }, { weight: 1, arbitrary: longest }, ...(words.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...words) }] : []));
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo: number | undefined = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : undefined);
  const hi: number | undefined = schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : undefined);
  // The edges, and far past 32 bits when the schema sets no bound: an int4 column must not see them as a 500.
  const edges = [lo ?? -(2 ** 31) - 1, hi ?? 2 ** 31, lo ?? Number.MIN_SAFE_INTEGER, hi ?? Number.MAX_SAFE_INTEGER].filter((n) => (lo === undefined || n >= lo) && (hi === undefined || n <= hi));
  const inside = integer
    ? fc.integer({ min: Math.max(lo ?? -1_000_000, Number.MIN_SAFE_INTEGER), max: Math.min(hi ?? 1_000_000, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: lo ?? -1e6, max: hi ?? 1e6, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

function objectOf(schema: JsonSchema, o: SchemaOptions): fc.Arbitrary<Record<string, unknown>> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set<string>(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(props)) model[k] = valueOf(s, o, k);
  const record = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  if (o.hostility === 0) return record as fc.Arbitrary<Record<string, unknown>>;
  // Hostile: a required field missing, or fields the schema does not name.
  return fc.tuple(record, fc.subarray([...required], { maxLength: Math.min(1, required.size) }), fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'communityId', 'id', 'role', 'status')), hostileValue, { maxKeys: 2 }))
    .map(([r, drop, extra]) => {
      const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
      for (const k of drop) delete out[k];
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

function fitting(schema: JsonSchema, o: SchemaOptions, field: string): fc.Arbitrary<unknown> {
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => valueOf(b, o, field)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': return stringOf(schema, field, o);
    case 'integer': return numberOf(schema, true);
    case 'number': return numberOf(schema, false);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const items = valueOf((schema.items ?? {}) as JsonSchema, o, field);
      const min = schema.minItems ?? 0;
      return fc.array(items, { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object': return objectOf(schema, o);
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values for a JSON Schema as the OpenAPI description gives it (zod → JSON Schema): what it takes,
 * at its edges, and — with `hostility` — hostile values in place of any node, missing required
 * fields and fields it does not name.
 */
export function valueOf(schema: JsonSchema, o: SchemaOptions, field = ''): fc.Arbitrary<unknown> {
  let value = fitting(schema, o, field);
  if (schema.nullable === true) value = fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  if (o.hostility === 0) return value;
  return fc.oneof({ weight: 10, arbitrary: value }, { weight: o.hostility, arbitrary: hostileValue });
}
