import { describe, expect, it } from 'vitest';
import { DomainError, invalid } from '@yigong/domain';
import { fieldProblemOf, namePathOf } from './domain-problem.ts';

describe('fieldProblemOf', () => {
  it('reads the field and sentence of a domain rule', () => {
    expect(fieldProblemOf(invalid('数量须为 1–200 的整数', 'lines.1.quantity'))).toEqual({ field: 'lines.1.quantity', message: '数量须为 1–200 的整数' });
    expect(fieldProblemOf(invalid('申领单至少须有一项'))).toEqual({ field: null, message: '申领单至少须有一项' });
  });

  it('is no input problem for other errors', () => {
    expect(fieldProblemOf(new DomainError('CONFLICT', 'x', { field: 'batch' }))).toBeNull();
    expect(fieldProblemOf(new Error('boom'))).toBeNull();
  });
});

describe('namePathOf', () => {
  it('turns list indexes into numbers for antd Form', () => {
    expect(namePathOf('lines.2.quantity')).toEqual(['lines', 2, 'quantity']);
    expect(namePathOf('cycleNo')).toEqual(['cycleNo']);
  });
});
