import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-client.ts';
import { apiProblems } from './api-problems.ts';

describe('apiProblems', () => {
  it('reads zod issues with list indexes and a domain rule’s field', () => {
    const zod = new ApiError(400, 'VALIDATION_FAILED', '请求无效', { issues: [{ path: ['body', 'packs', 0, 'quantity'], message: 'Too big' }] });
    expect(apiProblems(zod)).toEqual([{ field: 'packs.0.quantity', message: 'Too big' }]);
    const rule = new ApiError(400, 'VALIDATION_FAILED', '灭菌时间须大于 0 分钟', { field: 'exposureMinutes' });
    expect(apiProblems(rule)).toEqual([{ field: 'exposureMinutes', message: '灭菌时间须大于 0 分钟' }]);
  });

  it('reads a conflict that names its field, and nothing else', () => {
    expect(apiProblems(new ApiError(409, 'CONFLICT', '灭菌器 S1 第 1203 锅已登记', { field: 'cycleNo' }))).toEqual([{ field: 'cycleNo', message: '灭菌器 S1 第 1203 锅已登记' }]);
    expect(apiProblems(new ApiError(403, 'FORBIDDEN', 'x', { field: 'cycleNo' }))).toEqual([]);
    expect(apiProblems(new Error('boom'))).toEqual([]);
  });
});
