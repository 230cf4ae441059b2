import { DomainError } from '@yigong/domain';

/** A rule the input breaks, as the domain's pure functions name it: the field (if any) and the sentence. */
export interface FieldProblem {
  /** Dotted path as the domain writes it (`lines.2.quantity`), null when no field is named. */
  field: string | null;
  message: string;
}

/**
 * What a domain function's VALIDATION_FAILED says (invalid(message, field)), so a form can show it
 * beside the field before anything is sent. Other errors are not input problems: null.
 */
export function fieldProblemOf(error: unknown): FieldProblem | null {
  if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') return null;
  const field = (error.details as { field?: unknown } | undefined)?.field;
  return { field: typeof field === 'string' ? field : null, message: error.message };
}

/** `lines.2.quantity` → `['lines', 2, 'quantity']`: an antd Form name path (list indexes as numbers). */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
