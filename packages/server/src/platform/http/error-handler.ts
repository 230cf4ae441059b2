import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '@yigong/domain';
import { ERROR_STATUS } from './error-status.ts';

/** PostgreSQL error codes we turn into domain conflicts instead of 500s. */
function fromPostgres(e: { code?: string; constraint?: string; detail?: string }): DomainError | null {
  if (e.code === '23505') return new DomainError('CONFLICT', '记录已存在（唯一约束冲突）', { constraint: e.constraint });
  if (e.code === '23503') return new DomainError('VALIDATION_FAILED', '引用的记录不存在', { constraint: e.constraint });
  if (e.code === '23514') return new DomainError('VALIDATION_FAILED', '数据不符合约束', { constraint: e.constraint });
  return null;
}

/** Fastify's own request errors, in our codes and words. */
const FRAMEWORK_ERRORS: Record<string, (req: FastifyRequest) => { code: DomainErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (req) => ({ code: 'UNSUPPORTED_MEDIA_TYPE', message: `该接口不接受 ${String(req.headers['content-type'] ?? '')} 格式的数据，请以 application/json 发送` }),
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ code: 'PAYLOAD_TOO_LARGE', message: '提交的数据超过该接口的大小上限' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ code: 'VALIDATION_FAILED', message: '请求体不是合法的 JSON' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ code: 'VALIDATION_FAILED', message: '请求体为空' }),
};

/** One error handler renders `{ error: { code, message, details } }` for every failure. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), details: { issues } } });
    }
    const domain = err instanceof DomainError ? err : fromPostgres(err as never);
    if (domain) {
      return reply.status(ERROR_STATUS[domain.code]).send({ error: { code: domain.code, message: domain.message, details: domain.details ?? null } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const framework = FRAMEWORK_ERRORS[err.code];
      if (framework) return reply.status(err.statusCode).send({ error: { ...framework(req), details: null } });
      const code = err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 401 ? 'UNAUTHENTICATED' : err.statusCode === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
      return reply.status(err.statusCode).send({ error: { code, message: err.message, details: null } });
    }
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: `服务器内部错误（请求号 ${req.id}）`, details: null } });
  });
}
