import type { FastifyInstance } from 'fastify';
import { controlCharacterPath, DomainError } from '@yigong/domain';

/**
 * Refuses control characters in every path parameter, query value and JSON body with a 400 naming
 * the field, before the route's own validation (docs/SECURITY.md "Input"). Streamed bodies (the
 * encounter feed) are checked line by line by the ingest, which rejects that line only.
 */
export function installInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const bad = controlCharacterPath(req.params, 'params', true)
      ?? controlCharacterPath(req.query, 'query', true)
      ?? (isJsonValue(req.body) ? controlCharacterPath(req.body, 'body') : null);
    if (bad) throw new DomainError('VALIDATION_FAILED', `${bad}：不得包含控制字符（如 NUL）`, { field: bad });
  });
}

function isJsonValue(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return typeof body === 'string';
  return Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype || Object.getPrototypeOf(body) === null;
}
