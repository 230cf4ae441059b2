import type { FormInstance } from 'antd';
import { isApiError } from './api-client.ts';

/**
 * Puts a 400's field problems next to the fields of `form`. Returns true when at least one
 * problem landed on a field the form has, so the caller can skip a generic toast.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  if (!isApiError(error)) return false;
  const fields = error
    .fieldIssues()
    .filter((i) => i.path.length > 0 && knownFields.includes(i.path[0]!))
    .map((i) => ({ name: i.path.length === 1 ? i.path[0]! : i.path, errors: [i.message] }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
