/**
 * The one error type services throw. Codes form a closed union; the server maps each code
 * to an HTTP status in one table (packages/server/src/platform/http/error-status.ts).
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'FORBIDDEN'
  | 'OUT_OF_SCOPE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RESIDENT_EXISTS'
  | 'RESIDENT_EXISTS_ELSEWHERE'
  | 'IDEMPOTENCY_MISMATCH'
  | 'ILLEGAL_TRANSITION'
  | 'SLOT_FULL'
  | 'SERVICE_UNAVAILABLE'
  | 'GRANT_REQUIRED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for an input that breaks a rule; `field` names the offending field. */
export function invalid(message: string, field?: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('VALIDATION_FAILED', message, field ? { field, ...details } : details);
}
