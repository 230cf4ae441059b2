import { describe, expect, it } from 'vitest';
import { isLate, lineText } from './request-format.ts';

const delivered = (n: number) => `已发 ${n}`;

describe('lineText', () => {
  it('shows what was delivered of a line only while it is short', () => {
    expect(lineText({ packTypeName: '换药包', quantity: 5, delivered: 0 }, delivered)).toBe('换药包 ×5');
    expect(lineText({ packTypeName: '换药包', quantity: 5, delivered: 3 }, delivered)).toBe('换药包 ×5（已发 3）');
    expect(lineText({ packTypeName: '换药包', quantity: 5, delivered: 5 }, delivered)).toBe('换药包 ×5');
  });
});

describe('isLate', () => {
  it('marks an open request past the day it was needed, not a delivered or cancelled one', () => {
    expect(isLate({ status: 'requested', neededBy: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isLate({ status: 'partially_delivered', neededBy: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isLate({ status: 'delivered', neededBy: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isLate({ status: 'requested', neededBy: null }, '2026-03-02')).toBe(false);
  });
});
