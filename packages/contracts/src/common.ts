import { z } from 'zod';

export const uuid = z.uuid();
export const isoDate = z.iso.date();
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

/** Every error response: `{ error: { code, message, details } }`. */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
