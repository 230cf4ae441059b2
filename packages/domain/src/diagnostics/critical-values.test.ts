import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CRITICAL_STAGES, ackShare, acknowledgedInTime, criticalAckDeadline, criticalStageAt, criticalStageStart, escalationsDue, validateCriticalParams, type CriticalStage } from './critical-values.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const raised = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number, ms = 0) => new Date(raised.getTime() + minutes * 60_000 + ms);

describe('critical-value stages (docs/domain/diagnostics.md "Critical values")', () => {
  it('gives the doctor 30 minutes by default, then the unit head, then the medical department', () => {
    expect(criticalStageAt(raised, at(0))).toBe('doctor');
    expect(criticalStageAt(raised, at(30))).toBe('doctor');
    expect(criticalStageAt(raised, at(30, 1))).toBe('unit_head');
    expect(criticalStageAt(raised, at(60))).toBe('unit_head');
    expect(criticalStageAt(raised, at(60, 1))).toBe('medical_department');
    expect(criticalStageAt(raised, at(5000))).toBe('medical_department');
    expect(criticalAckDeadline(raised).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(criticalStageStart(raised, 'medical_department', { ackMinutes: 15 }).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });

  it('takes the window as a parameter of 1 to 1440 whole minutes', () => {
    expect(criticalStageAt(raised, at(11), { ackMinutes: 10 })).toBe('unit_head');
    expect(() => validateCriticalParams({ ackMinutes: 1 })).not.toThrow();
    expect(() => validateCriticalParams({ ackMinutes: 1440 })).not.toThrow();
    for (const bad of [0, 1441, 2.5, Number.NaN, -30]) expect(fieldOf(() => criticalStageAt(raised, at(1), { ackMinutes: bad }))).toBe('ackMinutes');
    expect(fieldOf(() => ackShare([], at(0), { ackMinutes: 0 }))).toBe('ackMinutes');
  });

  it('dates each due escalation at the instant it fell due, not at the run', () => {
    expect(escalationsDue(raised, ['doctor'], at(30))).toEqual([]);
    expect(escalationsDue(raised, ['doctor'], at(45))).toEqual([{ stage: 'unit_head', at: at(30) }]);
    expect(escalationsDue(raised, ['doctor'], at(600))).toEqual([
      { stage: 'unit_head', at: at(30) },
      { stage: 'medical_department', at: at(60) },
    ]);
    expect(escalationsDue(raised, ['doctor', 'unit_head'], at(600))).toEqual([{ stage: 'medical_department', at: at(60) }]);
    expect(escalationsDue(raised, ['unit_head', 'medical_department'], at(600))).toEqual([]);
  });

  it('counts an acknowledgement at the deadline itself as in time', () => {
    expect(acknowledgedInTime(raised, at(30))).toBe(true);
    expect(acknowledgedInTime(raised, at(30, 1))).toBe(false);
    expect(acknowledgedInTime(raised, at(44), { ackMinutes: 45 })).toBe(true);
  });

  const params = fc.integer({ min: 1, max: 1440 }).map((ackMinutes) => ({ ackMinutes }));
  const ms = fc.integer({ min: -20 * 60_000, max: 5 * 1440 * 60_000 }).map((x) => new Date(raised.getTime() + x));

  it('moves through the stages in order as time passes, never back', () => {
    fc.assert(
      fc.property(ms, ms, params, (a, b, p) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(CRITICAL_STAGES.indexOf(criticalStageAt(raised, early, p))).toBeLessThanOrEqual(CRITICAL_STAGES.indexOf(criticalStageAt(raised, late, p)));
      }),
      { numRuns: 2000 },
    );
  });

  it('escalates exactly to the stage of the moment, with deterministic times, and only once', () => {
    fc.assert(
      fc.property(ms, ms, params, fc.subarray(['unit_head', 'medical_department'] as CriticalStage[]), (a, b, p, recorded) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const all = escalationsDue(raised, ['doctor'], late, p);
        // The stage now is the last one escalated to.
        expect(all.at(-1)?.stage ?? 'doctor').toBe(criticalStageAt(raised, late, p));
        // An earlier run sees a prefix of the same steps, stamped with the same instants.
        expect(all.slice(0, escalationsDue(raised, ['doctor'], early, p).length)).toEqual(escalationsDue(raised, ['doctor'], early, p));
        for (const s of all) {
          expect(s.at.getTime()).toBe(raised.getTime() + CRITICAL_STAGES.indexOf(s.stage) * p.ackMinutes * 60_000);
          expect(s.at.getTime()).toBeLessThan(late.getTime());
        }
        // What is already recorded is not returned; after recording everything, nothing is due.
        const rest = escalationsDue(raised, recorded, late, p);
        expect(rest).toEqual(all.filter((s) => !recorded.includes(s.stage)));
        expect(escalationsDue(raised, [...recorded, ...rest.map((s) => s.stage)], late, p)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('calls an acknowledgement in time exactly when the doctor still held the value', () => {
    fc.assert(
      fc.property(ms, params, (ack, p) => {
        expect(acknowledgedInTime(raised, ack, p)).toBe(criticalStageAt(raised, ack, p) === 'doctor');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ackShare', () => {
  const now = at(100);

  it('counts open values past the deadline as late and leaves out open values not yet due', () => {
    const values = [
      { raisedAt: raised, acknowledgedAt: at(10) }, // in time
      { raisedAt: raised, acknowledgedAt: at(31) }, // late
      { raisedAt: raised, acknowledgedAt: null }, // open, past 30 min: late
      { raisedAt: at(80), acknowledgedAt: null }, // open, due at 110: not counted yet
      { raisedAt: at(70), acknowledgedAt: null }, // open, due at 100 = now: not counted yet
    ];
    expect(ackShare(values, now)).toEqual({ total: 3, inTime: 1, share: 1 / 3 });
    expect(ackShare([], now)).toEqual({ total: 0, inTime: 0, share: null });
    expect(ackShare([{ raisedAt: at(90), acknowledgedAt: null }], now)).toEqual({ total: 0, inTime: 0, share: null });
  });

  const value = fc.record({
    raisedAt: fc.integer({ min: -3000, max: 300 }).map((m) => at(m)),
    ackAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  });

  it('keeps inTime ≤ total, the share between 0 and 1, and only gains late values as time passes', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.integer({ min: 0, max: 600 }), (raw, later) => {
        const values = raw.map((v) => ({ raisedAt: v.raisedAt, acknowledgedAt: v.ackAfter === null ? null : new Date(v.raisedAt.getTime() + v.ackAfter * 60_000) }));
        const a = ackShare(values, now);
        const b = ackShare(values, new Date(now.getTime() + later * 60_000));
        expect(a.inTime).toBeLessThanOrEqual(a.total);
        expect(a.share === null).toBe(a.total === 0);
        // The share is exactly the in-time count over the total (0 ≤ inTime ≤ total keeps it in [0, 1]).
        if (a.share !== null) expect(a.share).toBe(a.inTime / a.total);
        expect(b.inTime).toBe(a.inTime);
        expect(b.total).toBeGreaterThanOrEqual(a.total);
        const acknowledged = values.filter((v) => v.acknowledgedAt);
        expect(a.inTime).toBe(acknowledged.filter((v) => acknowledgedInTime(v.raisedAt, v.acknowledgedAt!)).length);
      }),
    );
  });

  it('counts a value by the deadline it was raised with when one is given', () => {
    const raisedAt = new Date('2026-12-01T02:00:00Z');
    const deadlineAt = new Date('2026-12-01T03:00:00Z');
    // 45 minutes: late under the default 30, in time under the 60 it was raised with.
    expect(ackShare([{ raisedAt, acknowledgedAt: new Date('2026-12-01T02:45:00Z') }], deadlineAt)).toMatchObject({ total: 1, inTime: 0 });
    expect(ackShare([{ raisedAt, deadlineAt, acknowledgedAt: new Date('2026-12-01T02:45:00Z') }], deadlineAt)).toMatchObject({ total: 1, inTime: 1 });
    // Open and not yet past its own deadline: not counted.
    expect(ackShare([{ raisedAt, deadlineAt, acknowledgedAt: null }], new Date('2026-12-01T02:50:00Z'))).toMatchObject({ total: 0, share: null });
  });
});
