import type { z } from 'zod';
import { errorBody } from '@yigong/contracts';

/** Every route may fail with the one error body `{ error: { code, message, details } }` (error-handler.ts). */
const errors = { '4xx': errorBody, '5xx': errorBody } as const;

/** `schema.response` of a route answering 200 with `body`. */
export function ok<T extends z.ZodType>(body: T) {
  return { 200: body, ...errors };
}

/** `schema.response` of a route answering 201 (created) with `body`. */
export function created<T extends z.ZodType>(body: T) {
  return { 201: body, ...errors };
}

/** `schema.response` of a route answering with other statuses (e.g. 200 or 201 for an idempotent create). */
export function answers<T extends Record<number, z.ZodType | { description: string; content: Record<string, { schema: z.ZodType }> }>>(bodies: T) {
  return { ...bodies, ...errors };
}
