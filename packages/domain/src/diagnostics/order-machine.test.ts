import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDER_ACTIONS, ORDER_RULES, ORDER_STATUSES, TERMINAL_ORDER_STATUSES, availableOrderActions, decideOrderTransition, type OrderAction, type OrderSide, type OrderStatus } from './order-machine.ts';
import { ROLES } from '../auth/roles.ts';

const full = { reason: '标本溶血，请重新采集', text: '双肺纹理清晰，心影不大。', conclusion: '心肺未见明显异常' };

/** The graph of docs/domain/diagnostics.md "Order states", restated edge by edge. */
const DOCUMENTED_EDGES = new Set([
  'ordered>accepted',
  'ordered>rejected',
  'ordered>cancelled',
  'accepted>resulted',
  'resulted>resulted',
  'resulted>reported',
  'reported>reported',
  'reported>acknowledged',
  'acknowledged>acknowledged',
]);

const randomStep = fc.tuple(fc.constantFrom(...ORDER_ACTIONS), fc.constantFrom<OrderSide | null>('orderer', 'centre', null), fc.constantFrom(...ROLES), fc.boolean());
/** Mostly the right side and a role of the rule, so that long histories (up to acknowledged) occur. */
const plausibleStep = fc
  .constantFrom(...ORDER_ACTIONS)
  .chain((a) => fc.tuple(fc.constant(a), fc.constantFrom<OrderSide | null>(...ORDER_RULES[a].sides), fc.constantFrom(...ORDER_RULES[a].roles), fc.boolean()));
const step = fc.oneof({ arbitrary: plausibleStep, weight: 3 }, { arbitrary: randomStep, weight: 1 });

/** Applies a random sequence from `ordered`; returns the statuses passed through. */
function run(steps: [OrderAction, OrderSide | null, (typeof ROLES)[number], boolean][]): OrderStatus[] {
  let status: OrderStatus = 'ordered';
  const seen: OrderStatus[] = [status];
  for (const [a, s, r, withInput] of steps) {
    const res = decideOrderTransition(status, a, s, r, withInput ? full : {});
    if (res.ok) {
      status = res.to;
      seen.push(status);
    }
  }
  return seen;
}

describe('decideOrderTransition (docs/domain/diagnostics.md "Order states")', () => {
  it('walks an order from the village clinic through the centre and back', () => {
    const steps: [OrderStatus, OrderAction, OrderSide, 'reader' | 'village_doctor', OrderStatus][] = [
      ['ordered', 'accept', 'centre', 'reader', 'accepted'],
      ['accepted', 'result', 'centre', 'reader', 'resulted'],
      ['resulted', 'result', 'centre', 'reader', 'resulted'],
      ['resulted', 'report', 'centre', 'reader', 'reported'],
      ['reported', 'amend', 'centre', 'reader', 'reported'],
      ['reported', 'acknowledge', 'orderer', 'village_doctor', 'acknowledged'],
      ['acknowledged', 'amend', 'centre', 'reader', 'acknowledged'],
    ];
    for (const [from, action, side, role, to] of steps) expect(decideOrderTransition(from, action, side, role, full)).toEqual({ ok: true, to });
  });

  it('refuses to report an order whose study has not arrived (409 before 403 and 400)', () => {
    expect(decideOrderTransition('accepted', 'report', 'orderer', 'resident', {})).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', message: '申请单状态为「已接收」，不能执行「签发报告」' });
  });

  it('lets only the centre read and only the ordering unit acknowledge or cancel (403)', () => {
    expect(decideOrderTransition('ordered', 'accept', 'orderer', 'clinician', full)).toMatchObject({ code: 'FORBIDDEN', message: '只有诊断中心可以执行此操作' });
    expect(decideOrderTransition('reported', 'acknowledge', 'centre', 'clinician', full)).toMatchObject({ code: 'FORBIDDEN', message: '只有开单机构可以执行此操作' });
    expect(decideOrderTransition('ordered', 'cancel', 'centre', 'manager', full)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideOrderTransition('ordered', 'accept', null, 'reader', full)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps a village doctor from reading, a reader from acknowledging and a manager from reporting', () => {
    expect(decideOrderTransition('resulted', 'report', 'centre', 'village_doctor', full)).toMatchObject({ code: 'FORBIDDEN', message: '当前角色不能执行此操作' });
    expect(decideOrderTransition('reported', 'acknowledge', 'orderer', 'reader', full)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideOrderTransition('resulted', 'report', 'centre', 'manager', full)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideOrderTransition('ordered', 'cancel', 'orderer', 'manager', full)).toEqual({ ok: true, to: 'cancelled' });
  });

  it('needs a reason to reject, amend or cancel, and text and conclusion to report (400 naming the field)', () => {
    expect(decideOrderTransition('ordered', 'reject', 'centre', 'reader', {})).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason', message: '缺少必填项：原因' });
    expect(decideOrderTransition('reported', 'amend', 'centre', 'reader', { reason: ' ' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(decideOrderTransition('ordered', 'cancel', 'orderer', 'village_doctor', { reason: null })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(decideOrderTransition('resulted', 'report', 'centre', 'reader', { conclusion: '未见异常' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    expect(decideOrderTransition('resulted', 'report', 'centre', 'reader', { text: '所见' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'conclusion', message: '缺少必填项：诊断结论' });
  });

  it('keeps the regulator, pharmacist, insurer and resident out of every transition', () => {
    for (const role of ['regulator', 'pharmacist', 'insurance_officer', 'resident', 'admin', 'integration'] as const) {
      for (const a of ORDER_ACTIONS) expect(decideOrderTransition(ORDER_RULES[a].from[0]!, a, ORDER_RULES[a].sides[0]!, role, full).ok).toBe(false);
    }
  });

  it('reaches every status from ordered', () => {
    const reached = new Set<OrderStatus>(['ordered']);
    for (let grown = true; grown; ) {
      grown = false;
      for (const s of [...reached]) {
        for (const a of ORDER_ACTIONS) {
          const res = decideOrderTransition(s, a, ORDER_RULES[a].sides[0]!, 'clinician', full);
          if (res.ok && !reached.has(res.to)) {
            reached.add(res.to);
            grown = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('lets nothing out of rejected or cancelled, and only amend touch an acknowledged order', () => {
    fc.assert(
      fc.property(fc.constantFrom<OrderStatus>('rejected', 'cancelled', 'acknowledged'), step, (status, [a, s, r, withInput]) => {
        const res = decideOrderTransition(status, a, s, r, withInput ? full : {});
        if (status !== 'acknowledged' || a !== 'amend') expect(res).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        else if (res.ok) expect(res.to).toBe('acknowledged');
      }),
      { numRuns: 1000 },
    );
    for (const s of TERMINAL_ORDER_STATUSES) {
      const allowed = ORDER_ACTIONS.filter((a) => ORDER_RULES[a].from.includes(s));
      expect(allowed).toEqual(s === 'acknowledged' ? ['amend'] : []);
    }
  });

  it('never leaves the status set, and acknowledges only after a report, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const seen = run(steps);
        for (const s of seen) expect(ORDER_STATUSES).toContain(s);
        const i = seen.indexOf('acknowledged');
        if (i >= 0) expect(seen[i - 1]).toBe('reported');
        const j = seen.indexOf('reported');
        if (j >= 0) expect(seen.slice(0, j)).toEqual(expect.arrayContaining(['accepted', 'resulted']));
      }),
      { numRuns: 2000 },
    );
  });

  it('produces only histories that are paths of the documented graph', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const seen = run(steps);
        for (let k = 1; k < seen.length; k++) expect(DOCUMENTED_EDGES).toContain(`${seen[k - 1]}>${seen[k]}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('availableOrderActions', () => {
  it('offers the centre accept and reject on a new order, and the ordering unit cancel', () => {
    expect(availableOrderActions('ordered', 'centre')).toEqual(['accept', 'reject']);
    expect(availableOrderActions('ordered', 'orderer')).toEqual(['cancel']);
    expect(availableOrderActions('ordered', 'orderer', 'village_doctor')).toEqual(['cancel']);
    expect(availableOrderActions('ordered', 'centre', 'village_doctor')).toEqual([]);
  });

  it('takes the data from the ordering unit too (its own ECG machine transfers the tracing), but never its report', () => {
    expect(decideOrderTransition('accepted', 'result', 'orderer', 'village_doctor', {})).toEqual({ ok: true, to: 'resulted' });
    expect(decideOrderTransition('resulted', 'report', 'orderer', 'clinician', full)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideOrderTransition('accepted', 'result', 'orderer', 'manager', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('offers further results while the report is unsigned, amend after it, and nothing to no side', () => {
    expect(availableOrderActions('resulted', 'centre', 'reader')).toEqual(['result', 'report']);
    expect(availableOrderActions('reported', 'centre', 'reader')).toEqual(['amend']);
    expect(availableOrderActions('reported', 'orderer', 'village_doctor')).toEqual(['acknowledge']);
    expect(availableOrderActions('acknowledged', 'centre')).toEqual(['amend']);
    expect(availableOrderActions('cancelled', 'centre')).toEqual([]);
    for (const s of ORDER_STATUSES) expect(availableOrderActions(s, null)).toEqual([]);
  });

  it('offers exactly the actions decideOrderTransition would accept with full input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATUSES), fc.constantFrom<OrderSide>('orderer', 'centre'), fc.constantFrom(...ROLES), (status, side, role) => {
        const offered = availableOrderActions(status, side, role);
        for (const a of ORDER_ACTIONS) expect(offered.includes(a)).toBe(decideOrderTransition(status, a, side, role, full).ok);
      }),
    );
  });
});
