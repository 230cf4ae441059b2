import type { FormInstance } from 'antd';
import { DEFAULT_INSURANCE_POLICY } from '@yigong/domain';
import { isApiError } from '../../shared/api/api-client.ts';
import { fieldPathOf } from './policy-values.ts';

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

const POLICY_FIELDS = new Set(Object.keys(DEFAULT_INSURANCE_POLICY));

/** Where the editor shows a problem with a field it has no input of its own for. */
function formFieldOf(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'dip' && path[1] === 'uniformGroups') return ['dip', 'uniformGroups'];
  if (path.length === 1 && path[0] === 'levelWeights') return ['levelWeights', 'hospital'];
  if (path.length === 1 && path[0] === 'retention') return ['retention', 0, 'minScore'];
  return path;
}

/**
 * The field problems of a 400 on a policy: every rule the domain reports (`details.problems`),
 * else its first (`details.field`), else zod's issues — each on the editor's field, by the name
 * the server gives (`retention[1].minScore`). `extra` names fields outside the policy (`reason`).
 */
export function policyFieldErrors(error: unknown, extra: readonly string[] = ['reason']): FieldError[] {
  if (!isApiError(error, 'VALIDATION_FAILED')) return [];
  const problems = error.detail<{ field?: unknown; message?: unknown }[]>('problems');
  const raw: { path: (string | number)[]; message: string }[] = Array.isArray(problems)
    ? problems.filter((p) => typeof p.field === 'string').map((p) => ({ path: fieldPathOf(p.field as string), message: typeof p.message === 'string' ? p.message : error.message }))
    : error.fieldIssues().map((i) => ({ path: fieldPathOf(i.path), message: i.message }));
  const byName = new Map<string, FieldError>();
  for (const r of raw) {
    const top = r.path[0];
    if (typeof top !== 'string' || !(POLICY_FIELDS.has(top) || extra.includes(top))) continue;
    const name = formFieldOf(r.path);
    const key = JSON.stringify(name);
    const seen = byName.get(key);
    if (seen) seen.errors.push(r.message);
    else byName.set(key, { name, errors: [r.message] });
  }
  return [...byName.values()];
}

/** Puts a 400's problems on the form's fields and scrolls to the first; false when none is the form's. */
export function applyPolicyErrors(form: FormInstance, error: unknown, extra?: readonly string[]): boolean {
  const fields = policyFieldErrors(error, extra);
  if (fields.length === 0) return false;
  form.setFields(fields);
  form.scrollToField(fields[0]!.name, { behavior: 'smooth', block: 'center' });
  return true;
}
