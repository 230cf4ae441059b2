import { describe, expect, it } from 'vitest';
import { consultationSteps } from './consultation-steps.ts';

const createdAt = '2026-03-01T01:00:00Z';
const ev = (toStatus: string, at: string) => ({ toStatus, at });

describe('consultationSteps', () => {
  it('shows the path with the status waited for next', () => {
    const steps = consultationSteps({ status: 'requested', createdAt, history: [ev('requested', createdAt)] });
    expect(steps.map((s) => [s.status, s.state, s.at])).toEqual([
      ['requested', 'finish', createdAt],
      ['scheduled', 'process', null],
      ['opinion_given', 'wait', null],
      ['closed', 'wait', null],
    ]);
  });

  it('dates a status by the first event into it (a reschedule keeps the first)', () => {
    const history = [ev('requested', createdAt), ev('scheduled', '2026-03-01T02:00:00Z'), ev('scheduled', '2026-03-01T05:00:00Z'), ev('opinion_given', '2026-03-02T03:00:00Z')];
    const steps = consultationSteps({ status: 'opinion_given', createdAt, history });
    expect(steps.map((s) => [s.state, s.at])).toEqual([
      ['finish', createdAt],
      ['finish', '2026-03-01T02:00:00Z'],
      ['finish', '2026-03-02T03:00:00Z'],
      ['process', null],
    ]);
  });

  it('ends a closed consultation with every step finished', () => {
    const history = [ev('requested', createdAt), ev('scheduled', '2026-03-01T02:00:00Z'), ev('opinion_given', '2026-03-02T03:00:00Z'), ev('closed', '2026-03-02T06:00:00Z')];
    expect(consultationSteps({ status: 'closed', createdAt, history }).every((s) => s.state === 'finish')).toBe(true);
  });

  it('ends a declined one in red after 已申请', () => {
    const steps = consultationSteps({ status: 'declined', createdAt, history: [ev('requested', createdAt), ev('declined', '2026-03-01T03:00:00Z')] });
    expect(steps.map((s) => [s.status, s.state, s.at])).toEqual([
      ['requested', 'finish', createdAt],
      ['declined', 'error', '2026-03-01T03:00:00Z'],
    ]);
  });

  it('keeps 已排期 before a cancellation that followed a schedule', () => {
    const history = [ev('requested', createdAt), ev('scheduled', '2026-03-01T02:00:00Z'), ev('cancelled', '2026-03-01T04:00:00Z')];
    expect(consultationSteps({ status: 'cancelled', createdAt, history }).map((s) => [s.status, s.state])).toEqual([
      ['requested', 'finish'],
      ['scheduled', 'finish'],
      ['cancelled', 'error'],
    ]);
  });
});
