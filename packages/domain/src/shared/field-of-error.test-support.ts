import { expect } from 'vitest';
import { DomainError } from './domain-error.ts';

/** Runs `fn`, expects a DomainError and returns the field it names (tests of input checks). */
export function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return ((e as DomainError).details as { field?: string }).field;
  }
  throw new Error('expected a DomainError');
}
