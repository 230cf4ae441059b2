import { z } from 'zod';

export const uuid = z.uuid();
/**
 * A calendar date in a request, `YYYY-MM-DD`. The ISO pattern takes year 0000, which PostgreSQL
 * does not have (its calendar goes from 1 BC to AD 1): such a date was a 500 from the database,
 * now a 400 naming the field (issue #10, found by the fuzz suite).
 */
export const isoDate = z.iso.date().refine((s) => !s.startsWith('0000'), '没有公元 0000 年（year 0000 does not exist）');
/** An instant in a request, ISO 8601 with an offset; year 0000 refused as for `isoDate`. */
export const isoDateTime = z.iso.datetime({ offset: true }).refine((s) => !s.startsWith('0000'), '没有公元 0000 年（year 0000 does not exist）');
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

/**
 * A point in time in a response: an ISO 8601 string on the wire. A repository may hand over
 * PostgreSQL's `timestamptz` as a Date; it is accepted and goes out as `JSON.stringify` writes it
 * (its ISO string), as before responses had schemas.
 */
export const timestamp = z
  .custom<string>((v) => typeof v === 'string' || v instanceof Date, 'a timestamp (ISO string)')
  .meta({ type: 'string', format: 'date-time' });

/** A calendar date in a response (`YYYY-MM-DD`, from SQL `::text`). */
export const calendarDate = z.string().meta({ format: 'date' });

/** Every error response: `{ error: { code, message, details } }`. */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** `{ ok: true }` (or false: nothing to do) of the commands that return no record. */
export const okResponse = z.object({ ok: z.boolean() });

/** `{ items: [...] }`: a list returned whole. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** `{ items, nextCursor }`: one page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A binary download (PDF slip): documents the body; Fastify sends bytes as they are, never serialised. */
export const binaryBody = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes')
  .meta({ type: 'string', format: 'binary' });

/** One row of an append-only status history (referrals, diagnostic orders): who moved it, when, why. */
export const statusEventView = z.object({
  at: timestamp,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  organizationId: z.string().nullable(),
  comment: z.string().nullable(),
});
