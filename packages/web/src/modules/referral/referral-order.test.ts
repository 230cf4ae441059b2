import { describe, expect, it } from 'vitest';
import type { ReferralView } from '@yigong/contracts';
import { inboxOrder } from './referral-order.ts';

function referral(id: string, p: Partial<ReferralView>): ReferralView {
  return { id, status: 'submitted', overdue: false, deadlineAt: '2026-03-02T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', ...p } as ReferralView;
}

describe('inbox order', () => {
  it('puts overdue first, then open referrals by deadline, then finished ones newest first', () => {
    const rows = [
      referral('done-old', { status: 'completed', updatedAt: '2026-02-01T00:00:00.000Z', deadlineAt: '2026-01-01T00:00:00.000Z' }),
      referral('open-late', { deadlineAt: '2026-03-05T00:00:00.000Z' }),
      referral('done-new', { status: 'cancelled', updatedAt: '2026-02-20T00:00:00.000Z', deadlineAt: '2026-01-02T00:00:00.000Z' }),
      referral('open-soon', { status: 'accepted', deadlineAt: '2026-03-03T00:00:00.000Z' }),
      referral('overdue', { overdue: true, deadlineAt: '2026-03-01T00:00:00.000Z' }),
    ];
    expect(inboxOrder(rows).map((r) => r.id)).toEqual(['overdue', 'open-soon', 'open-late', 'done-new', 'done-old']);
  });
});
