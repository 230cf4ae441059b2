import { describe, expect, it } from 'vitest';
import { ApiError, toQueryString } from './api-client.ts';

describe('ApiError.fieldIssues', () => {
  it('reads zod issues and drops the request part of the path', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '输入有误', { issues: [{ path: ['body', 'idNumber'], message: '身份证号校验码错误' }] });
    expect(e.fieldIssues()).toEqual([{ path: ['idNumber'], message: '身份证号校验码错误' }]);
  });

  it('reads a domain rule that names one field, using the error message', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '身份证号地址码未知：999999', { field: 'idNumber' });
    expect(e.fieldIssues()).toEqual([{ path: ['idNumber'], message: '身份证号地址码未知：999999' }]);
  });

  it('has no field issues for other codes', () => {
    expect(new ApiError(409, 'RESIDENT_EXISTS', 'exists', { field: 'idNumber' }).fieldIssues()).toEqual([]);
  });
});

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ q: '张三', communityId: null, limit: 20, cursor: undefined, kind: '' })).toBe('?q=%E5%BC%A0%E4%B8%89&limit=20');
  });

  it('is empty when nothing is set', () => {
    expect(toQueryString({ q: undefined })).toBe('');
  });
});
