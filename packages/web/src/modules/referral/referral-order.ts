import type { ReferralView } from '@yigong/contracts';

const OPEN = new Set(['draft', 'submitted', 'accepted', 'scheduled', 'arrived']);

/**
 * Inbox order: overdue first (as the server sends them), then what is still open by answer
 * deadline, then finished referrals newest first — so a busy unit's history does not push new
 * work below the fold.
 */
export function inboxOrder(rows: readonly ReferralView[]): ReferralView[] {
  const rank = (r: ReferralView) => (r.overdue ? 0 : OPEN.has(r.status) ? 1 : 2);
  return [...rows].sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d !== 0) return d;
    if (rank(a) === 2) return b.updatedAt.localeCompare(a.updatedAt);
    return a.deadlineAt.localeCompare(b.deadlineAt);
  });
}
