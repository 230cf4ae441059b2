import { describe, expect, it } from 'vitest';
import { orderSteps } from './order-steps.ts';

const base = {
  orderedAt: '2026-03-01T01:00:00Z',
  acceptedAt: null,
  rejectedAt: null,
  resultedAt: null,
  reportedAt: null,
  acknowledgedAt: null,
};

describe('orderSteps', () => {
  it('marks the statuses reached, the one waited for, and the rest', () => {
    const steps = orderSteps({ ...base, status: 'accepted', acceptedAt: '2026-03-01T01:10:00Z' });
    expect(steps.map((s) => [s.status, s.state, s.at])).toEqual([
      ['ordered', 'finish', '2026-03-01T01:00:00Z'],
      ['accepted', 'finish', '2026-03-01T01:10:00Z'],
      ['resulted', 'process', null],
      ['reported', 'wait', null],
      ['acknowledged', 'wait', null],
    ]);
  });

  it('finishes every step of an acknowledged order', () => {
    const steps = orderSteps({ ...base, status: 'acknowledged', acceptedAt: 'a', resultedAt: 'b', reportedAt: 'c', acknowledgedAt: 'd' });
    expect(steps.every((s) => s.state === 'finish')).toBe(true);
    expect(steps.map((s) => s.at)).toEqual([base.orderedAt, 'a', 'b', 'c', 'd']);
  });

  it('ends a rejected or cancelled order in an error step', () => {
    expect(orderSteps({ ...base, status: 'rejected', rejectedAt: 'r' }).map((s) => [s.status, s.state, s.at])).toEqual([
      ['ordered', 'finish', base.orderedAt],
      ['rejected', 'error', 'r'],
    ]);
    const cancelled = orderSteps({ ...base, status: 'cancelled', history: [{ toStatus: 'ordered', at: base.orderedAt }, { toStatus: 'cancelled', at: 'c' }] });
    expect(cancelled.at(-1)).toEqual({ status: 'cancelled', state: 'error', at: 'c' });
  });
});
