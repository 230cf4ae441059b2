import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REFERRAL_ACTIONS, REFERRAL_RULES, TERMINAL_STATUSES, answerDeadline, availableActions, decideTransition, isOverdue, type ReferralAction, type ReferralStatus } from './referral-machine.ts';
import { ROLES } from '../auth/roles.ts';

const full = { reason: '血压控制不满意', rejectReason: 'capacity_full', slotId: 's1', outcome: { diagnosis: 'I10' }, toOrganizationId: 'o2' };

describe('decideTransition (docs/domain/referral.md)', () => {
  it('walks the happy path of an up-referral', () => {
    const steps: [ReferralStatus, ReferralAction, 'sender' | 'receiver', ReferralStatus][] = [
      ['draft', 'submit', 'sender', 'submitted'],
      ['submitted', 'accept', 'receiver', 'accepted'],
      ['accepted', 'schedule', 'receiver', 'scheduled'],
      ['scheduled', 'arrive', 'receiver', 'arrived'],
      ['arrived', 'complete', 'receiver', 'completed'],
    ];
    for (const [from, action, side, to] of steps) expect(decideTransition(from, action, side, 'clinician', full)).toEqual({ ok: true, to });
  });

  it('refuses to complete a referral that was never accepted (409)', () => {
    expect(decideTransition('submitted', 'complete', 'receiver', 'clinician', full)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('refuses the sender accepting its own referral (403)', () => {
    expect(decideTransition('submitted', 'accept', 'sender', 'village_doctor', full)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a receiver cancelling and a sender recording arrival', () => {
    expect(decideTransition('submitted', 'cancel', 'receiver', 'clinician', full)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideTransition('scheduled', 'arrive', 'sender', 'clinician', full)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('needs a reason to reject, a slot to schedule and an outcome to complete', () => {
    expect(decideTransition('submitted', 'reject', 'receiver', 'clinician', {})).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rejectReason' });
    expect(decideTransition('accepted', 'schedule', 'receiver', 'clinician', {})).toMatchObject({ code: 'VALIDATION_FAILED', field: 'slotId' });
    expect(decideTransition('arrived', 'complete', 'receiver', 'clinician', { outcome: null })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'outcome' });
    expect(decideTransition('submitted', 'cancel', 'sender', 'clinician', { reason: '  ' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
  });

  it('keeps the regulator, pharmacist and insurer out of every transition', () => {
    for (const role of ['regulator', 'pharmacist', 'insurance_officer', 'resident'] as const) {
      for (const a of REFERRAL_ACTIONS) {
        const from = REFERRAL_RULES[a].from[0]!;
        expect(decideTransition(from, a, REFERRAL_RULES[a].side, role, full).ok).toBe(false);
      }
    }
  });

  it('never leaves a terminal state and never reaches an unknown one, whatever the sequence', () => {
    const action = fc.constantFrom(...REFERRAL_ACTIONS);
    const side = fc.constantFrom('sender' as const, 'receiver' as const, null);
    const role = fc.constantFrom(...ROLES);
    fc.assert(
      fc.property(fc.array(fc.tuple(action, side, role, fc.boolean()), { maxLength: 30 }), (steps) => {
        let status: ReferralStatus = 'draft';
        const seen: ReferralStatus[] = [status];
        for (const [a, s, r, withInput] of steps) {
          const res = decideTransition(status, a, s, r, withInput ? full : {});
          if (res.ok) {
            expect(TERMINAL_STATUSES.has(status)).toBe(false);
            expect(REFERRAL_RULES[a].from).toContain(status);
            status = res.to;
            seen.push(status);
          }
        }
        // completed only after arrived, arrived only after accepted.
        const i = seen.indexOf('completed');
        if (i >= 0) expect(seen.slice(0, i)).toContain('arrived');
        const j = seen.indexOf('arrived');
        if (j >= 0) expect(seen.slice(0, j)).toContain('accepted');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('availableActions', () => {
  it('offers the receiver accept, reject and redirect on a submitted referral, and the sender cancel', () => {
    expect(availableActions('submitted', 'receiver')).toEqual(['accept', 'reject', 'redirect']);
    expect(availableActions('submitted', 'sender')).toEqual(['cancel']);
    expect(availableActions('completed', 'receiver')).toEqual([]);
  });
});

describe('deadlines', () => {
  const t = new Date('2026-03-02T01:00:00Z');
  it('gives routine referrals 24 hours and urgent or green-channel ones 2', () => {
    expect(answerDeadline(t, 'routine').toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(answerDeadline(t, 'urgent').toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(answerDeadline(t, 'green_channel').toISOString()).toBe('2026-03-02T03:00:00.000Z');
  });
  it('flags only unanswered referrals past their deadline', () => {
    const d = answerDeadline(t, 'urgent');
    expect(isOverdue('submitted', d, new Date(d.getTime() + 1))).toBe(true);
    expect(isOverdue('submitted', d, d)).toBe(false);
    expect(isOverdue('scheduled', d, new Date(d.getTime() + 1))).toBe(false);
  });
});
