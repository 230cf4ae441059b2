import type { DomainErrorCode } from '@yigong/domain';

/** The one table mapping domain error codes to HTTP statuses (STYLE.md "Errors"). */
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  GRANT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RESIDENT_EXISTS: 409,
  RESIDENT_EXISTS_ELSEWHERE: 409,
  IDEMPOTENCY_MISMATCH: 409,
  ILLEGAL_TRANSITION: 409,
  SLOT_FULL: 409,
  SERVICE_UNAVAILABLE: 503,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_ATTEMPTS: 429,
};
