import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/api-client.ts';
import { namePathOf, type FieldProblem } from './domain-problem.ts';

/**
 * The field problems of a failed write: a 400's issues (zod paths or a domain rule's `field`),
 * and a 409 that names its field (灭菌器 S1 第 1203 锅已登记 → cycleNo). Others: none.
 */
export function apiProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error)) return [];
  if (error.code === 'VALIDATION_FAILED') return error.fieldIssues().filter((i) => i.path.length > 0).map((i) => ({ field: i.path.join('.'), message: i.message }));
  const field = error.detail<unknown>('field');
  return typeof field === 'string' && error.status === 409 ? [{ field, message: error.message }] : [];
}

/**
 * Puts problems beside the form's fields: `fieldOf` turns a problem's field into the form's (or
 * null when the form has no such field). True when at least one landed, so no toast is needed.
 */
export function showProblems(form: FormInstance, problems: readonly FieldProblem[], fieldOf: (field: string) => string | null): boolean {
  const fields = problems.flatMap((p) => {
    const f = p.field ? fieldOf(p.field) : null;
    return f ? [{ name: namePathOf(f), errors: [p.message] }] : [];
  });
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}
