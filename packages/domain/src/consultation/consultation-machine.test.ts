import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CONSULTATION_ACTIONS,
  CONSULTATION_RULES,
  CONSULTATION_STATUSES,
  MAX_CONSULTATION_ATTACHMENT_BYTES,
  TERMINAL_CONSULTATION_STATUSES,
  availableConsultationActions,
  decideConsultationTransition,
  parseScheduledAt,
  validateConsultationRequest,
  type ConsultationAction,
  type ConsultationSide,
  type ConsultationStatus,
  type ConsultationTransitionInput,
} from './consultation-machine.ts';
import { ROLES } from '../auth/roles.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const now = new Date('2026-03-02T02:00:00Z');
const day = 86_400_000;
const full: ConsultationTransitionInput = {
  scheduledAt: new Date(now.getTime() + 2 * day),
  reason: '患者已转院',
  opinion: '考虑社区获得性肺炎，建议完善胸部CT并予阿莫西林口服。',
};

describe('decideConsultationTransition (docs/domain/consultation.md "States")', () => {
  it('walks requested → scheduled → opinion_given → closed', () => {
    const steps: [ConsultationStatus, ConsultationAction, ConsultationSide, 'village_doctor' | 'clinician' | 'reader', ConsultationStatus][] = [
      ['requested', 'schedule', 'consultant', 'clinician', 'scheduled'],
      ['scheduled', 'reschedule', 'consultant', 'reader', 'scheduled'],
      ['scheduled', 'give_opinion', 'consultant', 'clinician', 'opinion_given'],
      ['opinion_given', 'close', 'requester', 'village_doctor', 'closed'],
    ];
    for (const [from, action, side, role, to] of steps) expect(decideConsultationTransition(from, action, side, role, full, now)).toEqual({ ok: true, to });
  });

  it('lets the consultant decline and the requester cancel before the opinion', () => {
    expect(decideConsultationTransition('requested', 'decline', 'consultant', 'clinician', full, now)).toEqual({ ok: true, to: 'declined' });
    expect(decideConsultationTransition('requested', 'cancel', 'requester', 'clinician', full, now)).toEqual({ ok: true, to: 'cancelled' });
    expect(decideConsultationTransition('scheduled', 'cancel', 'requester', 'village_doctor', full, now)).toEqual({ ok: true, to: 'cancelled' });
    expect(decideConsultationTransition('opinion_given', 'cancel', 'requester', 'clinician', full, now)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('checks the state before the side and the side before the input', () => {
    expect(decideConsultationTransition('closed', 'give_opinion', 'requester', 'resident', {}, now)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(decideConsultationTransition('scheduled', 'give_opinion', 'requester', 'clinician', {}, now)).toMatchObject({ code: 'FORBIDDEN', message: '只有会诊方可以执行此操作' });
    expect(decideConsultationTransition('opinion_given', 'close', 'consultant', 'clinician', {}, now)).toMatchObject({ code: 'FORBIDDEN', message: '只有申请方可以执行此操作' });
    expect(decideConsultationTransition('scheduled', 'give_opinion', 'consultant', 'village_doctor', {}, now)).toMatchObject({ code: 'FORBIDDEN', message: '当前角色不能执行此操作' });
    expect(decideConsultationTransition('opinion_given', 'close', 'requester', 'reader', {}, now)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideConsultationTransition('scheduled', 'give_opinion', 'consultant', 'clinician', {}, now)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'opinion' });
    expect(decideConsultationTransition('requested', 'schedule', null, 'clinician', full, now)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('schedules only after now and at most 30 days ahead', () => {
    const at = (v: Date | string | null) => decideConsultationTransition('requested', 'schedule', 'consultant', 'clinician', { scheduledAt: v }, now);
    expect(at(null)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scheduledAt', message: '缺少必填项：会诊时间' });
    expect(at(now)).toMatchObject({ field: 'scheduledAt', message: '会诊时间须晚于当前时间' });
    expect(at(new Date(now.getTime() + 1))).toEqual({ ok: true, to: 'scheduled' });
    expect(at(new Date(now.getTime() + 30 * day))).toEqual({ ok: true, to: 'scheduled' });
    expect(at(new Date(now.getTime() + 30 * day + 1))).toMatchObject({ field: 'scheduledAt', message: '会诊时间不能晚于 30 天后' });
    expect(at('2026-03-03T09:30:00+08:00')).toEqual({ ok: true, to: 'scheduled' });
    expect(at('2026-03-03')).toMatchObject({ field: 'scheduledAt', message: '会诊时间格式不正确' });
    expect(at('2026-03-03T09:30')).toMatchObject({ field: 'scheduledAt' });
    expect(at(new Date('x'))).toMatchObject({ field: 'scheduledAt' });
    expect(decideConsultationTransition('scheduled', 'reschedule', 'consultant', 'clinician', { scheduledAt: new Date(now.getTime() - 1) }, now)).toMatchObject({ field: 'scheduledAt' });
  });

  it('wants an opinion of 10 to 5000 characters, counted as a reader counts them', () => {
    const op = (opinion: string) => decideConsultationTransition('scheduled', 'give_opinion', 'consultant', 'reader', { opinion }, now);
    expect(op('建议上转治疗。')).toMatchObject({ code: 'VALIDATION_FAILED', field: 'opinion' });
    expect(op('建议上转心内科进一步治疗')).toEqual({ ok: true, to: 'opinion_given' });
    expect(op(`  ${'甲'.repeat(10)}  `)).toEqual({ ok: true, to: 'opinion_given' });
    expect(op('𠀀'.repeat(10))).toEqual({ ok: true, to: 'opinion_given' });
    expect(op('甲'.repeat(5000))).toEqual({ ok: true, to: 'opinion_given' });
    expect(op('甲'.repeat(5001))).toMatchObject({ field: 'opinion' });
    expect(op(`建议上转心内科进一步治疗\u0000`)).toMatchObject({ field: 'opinion' });
  });

  it('needs a reason to decline or cancel', () => {
    expect(decideConsultationTransition('requested', 'decline', 'consultant', 'clinician', { reason: ' ' }, now)).toMatchObject({ field: 'reason' });
    expect(decideConsultationTransition('scheduled', 'cancel', 'requester', 'clinician', {}, now)).toMatchObject({ field: 'reason' });
    expect(decideConsultationTransition('scheduled', 'cancel', 'requester', 'clinician', { reason: '长'.repeat(501) }, now)).toMatchObject({ field: 'reason' });
  });

  it('offers each side its buttons', () => {
    expect(availableConsultationActions('requested', 'consultant')).toEqual(['schedule', 'decline']);
    expect(availableConsultationActions('requested', 'requester')).toEqual(['cancel']);
    expect(availableConsultationActions('scheduled', 'consultant', 'reader')).toEqual(['reschedule', 'give_opinion']);
    expect(availableConsultationActions('scheduled', 'consultant', 'village_doctor')).toEqual([]);
    expect(availableConsultationActions('opinion_given', 'requester')).toEqual(['close']);
    for (const s of TERMINAL_CONSULTATION_STATUSES) {
      expect(availableConsultationActions(s, 'requester')).toEqual([]);
      expect(availableConsultationActions(s, 'consultant')).toEqual([]);
    }
  });

  const actionArb = fc.constantFrom(...CONSULTATION_ACTIONS);
  const sideArb = fc.constantFrom('requester' as const, 'consultant' as const, null);
  const roleArb = fc.constantFrom(...ROLES);

  it('answers 409, then 403, then 400, whatever the call', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONSULTATION_STATUSES), actionArb, sideArb, roleArb, fc.boolean(), (status, action, side, role, withInput) => {
        const rule = CONSULTATION_RULES[action];
        const res = decideConsultationTransition(status, action, side, role, withInput ? full : {}, now);
        if (!rule.from.includes(status)) expect(res).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
        else if (side !== rule.side || !rule.roles.includes(role)) expect(res).toMatchObject({ code: 'FORBIDDEN' });
        else if (!withInput && rule.requires.length > 0) expect(res).toMatchObject({ code: 'VALIDATION_FAILED', field: rule.requires[0] });
        else expect(res).toEqual({ ok: true, to: rule.to });
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves a terminal state, and gives no opinion unscheduled nor closes without one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, sideArb, roleArb, fc.boolean()), { maxLength: 30 }), (steps) => {
        let status: ConsultationStatus = 'requested';
        const seen: ConsultationStatus[] = [status];
        for (const [a, s, r, withInput] of steps) {
          const res = decideConsultationTransition(status, a, s, r, withInput ? full : {}, now);
          if (res.ok) {
            expect(TERMINAL_CONSULTATION_STATUSES.has(status)).toBe(false);
            expect(CONSULTATION_RULES[a].from).toContain(status);
            expect(s).toBe(CONSULTATION_RULES[a].side);
            status = res.to;
            seen.push(status);
          }
        }
        const i = seen.indexOf('closed');
        if (i >= 0) expect(seen[i - 1]).toBe('opinion_given');
        const j = seen.indexOf('opinion_given');
        if (j >= 0) expect(seen[j - 1]).toBe('scheduled');
        expect(seen.filter((x) => TERMINAL_CONSULTATION_STATUSES.has(x)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a session time exactly when it lies in (now, now + 30 days]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5 * day, max: 35 * day }), (offset) => {
        const res = decideConsultationTransition('requested', 'schedule', 'consultant', 'clinician', { scheduledAt: new Date(now.getTime() + offset) }, now);
        expect(res.ok).toBe(offset > 0 && offset <= 30 * day);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads ISO date-times with an offset only', () => {
    expect(parseScheduledAt('2026-03-03T01:30:00Z')?.toISOString()).toBe('2026-03-03T01:30:00.000Z');
    expect(parseScheduledAt('2026-03-03T09:30+08:00')?.toISOString()).toBe('2026-03-03T01:30:00.000Z');
    expect(parseScheduledAt('2026-02-30T09:30:00+08:00')).toBeNull();
    expect(parseScheduledAt('2026-13-03T09:30:00+08:00')).toBeNull();
    expect(parseScheduledAt('2026-03-03T24:00:00+08:00')).toBeNull();
    expect(parseScheduledAt('tomorrow')).toBeNull();
  });
});

describe('validateConsultationRequest (docs/domain/consultation.md "Request")', () => {
  const ok = { question: '  患者反复咳嗽两周，胸片示右下肺斑片影，请协助诊治。 ', urgency: 'urgent', attachments: [{ name: ' 胸片.dcm ', mediaType: 'application/dicom', size: 5_000_000 }] };

  it('returns the request trimmed', () => {
    expect(validateConsultationRequest(ok)).toEqual({
      question: '患者反复咳嗽两周，胸片示右下肺斑片影，请协助诊治。',
      urgency: 'urgent',
      attachments: [{ name: '胸片.dcm', mediaType: 'application/dicom', size: 5_000_000 }],
    });
    expect(validateConsultationRequest({ question: '请会诊：血压控制不佳原因', urgency: 'routine' }).attachments).toEqual([]);
  });

  it('names the field that breaks a rule', () => {
    const f = (more: Record<string, unknown>) => fieldOf(() => validateConsultationRequest({ ...ok, ...more }));
    const att = (more: Record<string, unknown>) => f({ attachments: [ok.attachments[0], { ...ok.attachments[0], ...more }] });
    expect(f({ question: undefined })).toBe('question');
    expect(f({ question: '咳嗽三天' })).toBe('question');
    expect(f({ question: '问'.repeat(2001) })).toBe('question');
    expect(f({ question: `${'问'.repeat(20)}\u0007` })).toBe('question');
    expect(f({ urgency: 'stat' })).toBe('urgency');
    expect(f({ attachments: 'x.pdf' })).toBe('attachments');
    expect(f({ attachments: Array.from({ length: 11 }, () => ok.attachments[0]) })).toBe('attachments');
    expect(f({ attachments: [null] })).toBe('attachments.0');
    expect(att({ name: '' })).toBe('attachments.1.name');
    expect(att({ name: '../etc/passwd' })).toBe('attachments.1.name');
    expect(att({ name: 'a\tb.pdf' })).toBe('attachments.1.name');
    expect(att({ mediaType: 'image/gif' })).toBe('attachments.1.mediaType');
    expect(att({ size: 0 })).toBe('attachments.1.size');
    expect(att({ size: '10' })).toBe('attachments.1.size');
    expect(att({ size: MAX_CONSULTATION_ATTACHMENT_BYTES + 1 })).toBe('attachments.1.size');
  });

  it('accepts ten attachments of 20 MB each, of the four types', () => {
    const types = ['application/pdf', 'image/png', 'image/jpeg', 'application/dicom'];
    const attachments = Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, mediaType: types[i % 4], size: MAX_CONSULTATION_ATTACHMENT_BYTES }));
    expect(validateConsultationRequest({ ...ok, attachments }).attachments).toHaveLength(10);
  });

  it('accepts a question exactly when it holds 10 to 2000 characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2100 }), (n) => {
        const run = () => validateConsultationRequest({ question: '问'.repeat(n), urgency: 'routine' });
        if (n >= 10 && n <= 2000) expect(run().question).toHaveLength(n);
        else expect(fieldOf(run)).toBe('question');
      }),
      { numRuns: 300 },
    );
  });
});
