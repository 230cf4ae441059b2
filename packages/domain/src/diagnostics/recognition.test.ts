import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { avoidedCostFen, decideRepeatOrder, findRecognisedResult, recognitionRate, shanghaiBusinessDate, type PriorResult, type RecognisableItem } from './recognition.ts';
import { ORDER_STATUSES } from './order-machine.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const item: RecognisableItem = { code: 'CT-HEAD', validityDays: 7, recognisedBy: 'all' };
const result = (orderId: string, reportedAt: string, over: Partial<PriorResult> = {}): PriorResult => ({
  orderId,
  itemCode: 'CT-HEAD',
  status: 'reported',
  reportedAt: new Date(reportedAt),
  orderingOrganizationId: 'village-1',
  performingOrganizationId: 'lead',
  ...over,
});

describe('findRecognisedResult (docs/domain/diagnostics.md "Mutual recognition")', () => {
  // 2026-03-09 10:00 in Shanghai.
  const now = new Date('2026-03-09T02:00:00Z');
  const ask = (priorResults: PriorResult[], over: Partial<RecognisableItem> = {}, askingOrganizationId = 'township-2') =>
    findRecognisedResult({ item: { ...item, ...over }, askingOrganizationId, priorResults, now });

  it('finds the most recent signed result of the item reported within the validity days', () => {
    const a = result('a', '2026-03-03T02:00:00Z');
    const b = result('b', '2026-03-05T02:00:00Z', { status: 'acknowledged' });
    expect(ask([a, b])).toBe(b);
  });

  it('counts whole Shanghai business days: a report of 2 March (Shanghai) is valid through 9 March for 7 days', () => {
    // 2026-03-02 00:00 in Shanghai is 2026-03-01 16:00 UTC.
    expect(ask([result('x', '2026-03-01T16:00:00Z')])?.orderId).toBe('x');
    // One second earlier is 1 March in Shanghai: 8 days old.
    expect(ask([result('x', '2026-03-01T15:59:59Z')])).toBeNull();
    expect(ask([result('x', '2026-03-01T16:00:00Z')], { validityDays: 6 })).toBeNull();
  });

  it('with 0 validity days recognises a report of the same business day only', () => {
    expect(ask([result('today', '2026-03-08T16:00:00Z')], { validityDays: 0 })?.orderId).toBe('today');
    expect(ask([result('yesterday', '2026-03-08T15:59:59Z')], { validityDays: 0 })).toBeNull();
  });

  it('ignores unsigned results, other items and reports dated after today', () => {
    for (const status of ORDER_STATUSES.filter((s) => s !== 'reported' && s !== 'acknowledged')) expect(ask([result('x', '2026-03-08T02:00:00Z', { status })])).toBeNull();
    expect(ask([result('x', '2026-03-08T02:00:00Z', { itemCode: 'CT-CHEST' })])).toBeNull();
    expect(ask([result('x', '2026-03-08T02:00:00Z', { reportedAt: null })])).toBeNull();
    expect(ask([result('x', '2026-03-09T16:00:00Z')])).toBeNull();
  });

  it('applies the recognising set: all members, or only the listed organisations', () => {
    const r = [result('x', '2026-03-08T02:00:00Z')];
    expect(ask(r, { recognisedBy: ['township-2', 'township-3'] })?.orderId).toBe('x');
    expect(ask(r, { recognisedBy: ['township-3'] })).toBeNull();
    expect(ask(r, { recognisedBy: [] })).toBeNull();
  });

  it('refuses a negative or fractional validity', () => {
    expect(fieldOf(() => ask([], { validityDays: -1 }))).toBe('item.validityDays');
    expect(fieldOf(() => ask([], { validityDays: 1.5 }))).toBe('item.validityDays');
  });

  it('returns a result that passes every condition, and none fresher that does', () => {
    const prior = fc.record({
      orderId: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
      itemCode: fc.constantFrom('CT-HEAD', 'CT-CHEST'),
      status: fc.constantFrom(...ORDER_STATUSES),
      reportedAt: fc.option(fc.integer({ min: -20 * 1440, max: 1440 }).map((m) => new Date(now.getTime() + m * 60_000)), { nil: null }),
      orderingOrganizationId: fc.constant('village-1'),
      performingOrganizationId: fc.constant('lead'),
    });
    fc.assert(
      fc.property(fc.array(prior, { maxLength: 12 }), fc.integer({ min: 0, max: 15 }), (list, validityDays) => {
        const ok = (r: PriorResult) => {
          if (r.itemCode !== 'CT-HEAD' || !['reported', 'acknowledged'].includes(r.status) || !r.reportedAt) return false;
          // Brute force on the calendar: the Shanghai dates of now − k days, k = 0 … validityDays.
          const dates = Array.from({ length: validityDays + 1 }, (_, k) => shanghaiBusinessDate(new Date(now.getTime() - k * 86_400_000)));
          return dates.includes(shanghaiBusinessDate(r.reportedAt));
        };
        const found = ask(list, { validityDays });
        const eligible = list.filter(ok);
        if (eligible.length === 0) expect(found).toBeNull();
        else {
          expect(found).not.toBeNull();
          expect(ok(found!)).toBe(true);
          for (const r of eligible) expect(r.reportedAt!.getTime()).toBeLessThanOrEqual(found!.reportedAt!.getTime());
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decideRepeatOrder (docs/domain/diagnostics.md "Repeat orders")', () => {
  const recognised = result('prior-1', '2026-03-05T02:00:00Z');

  it('lets an item be ordered freely when nothing is recognised', () => {
    expect(decideRepeatOrder(null)).toEqual({ ok: true, repeatReason: null });
    expect(decideRepeatOrder(null, 'x')).toEqual({ ok: true, repeatReason: null });
  });

  it('answers CONFLICT naming the recognised order when no reason is given', () => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(decideRepeatOrder(recognised, reason)).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: '该项目在互认有效期内已有结果（2026-03-05 报告），如需重复检查请填写原因',
        recognisedOrderId: 'prior-1',
      });
    }
  });

  it('needs a reason of 2 to 200 characters after trimming, and returns it trimmed', () => {
    expect(decideRepeatOrder(recognised, ' 病情变化，需复查 ')).toEqual({ ok: true, repeatReason: '病情变化，需复查' });
    expect(decideRepeatOrder(recognised, ' 变 ')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'repeatReason' });
    expect(decideRepeatOrder(recognised, '查'.repeat(200))).toMatchObject({ ok: true });
    expect(decideRepeatOrder(recognised, '查'.repeat(201))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('decides by the trimmed length for any reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 260, unit: 'grapheme' }), (reason) => {
        const n = [...reason.trim()].length;
        const d = decideRepeatOrder(recognised, reason);
        if (n === 0) expect(d).toMatchObject({ code: 'CONFLICT' });
        else if (n < 2 || n > 200) expect(d).toMatchObject({ code: 'VALIDATION_FAILED' });
        else expect(d).toEqual({ ok: true, repeatReason: reason.trim() });
      }),
    );
  });
});

describe('recognition rate and avoided cost (docs/domain/diagnostics.md "Recognition rate")', () => {
  it('divides used by used plus repeated, null when both are 0', () => {
    expect(recognitionRate({ used: 3, repeated: 1 })).toBe(0.75);
    expect(recognitionRate({ used: 0, repeated: 4 })).toBe(0);
    expect(recognitionRate({ used: 0, repeated: 0 })).toBeNull();
    expect(fieldOf(() => recognitionRate({ used: -1, repeated: 0 }))).toBe('used');
    expect(fieldOf(() => recognitionRate({ used: 1, repeated: 0.5 }))).toBe('repeated');
  });

  it('sums count × price in fen, leaving out items without a price', () => {
    expect(avoidedCostFen({ 'CT-HEAD': 3, CBC: 10, X: 2 }, { 'CT-HEAD': 18_000, CBC: 1_500 })).toBe(69_000);
    expect(avoidedCostFen({}, { CBC: 1_500 })).toBe(0);
    expect(fieldOf(() => avoidedCostFen({ CBC: 1.5 }, { CBC: 100 }))).toBe('usedCountsByItem.CBC');
    expect(fieldOf(() => avoidedCostFen({ CBC: 1 }, { CBC: 99.5 }))).toBe('priceFenByItem.CBC');
  });

  it('is an integer equal to the sum of the parts, whatever the split', () => {
    const counts = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat({ max: 10_000 }));
    const prices = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.nat({ max: 1_000_000 }));
    fc.assert(
      fc.property(counts, prices, (c, p) => {
        const total = avoidedCostFen(c, p);
        expect(Number.isSafeInteger(total)).toBe(true);
        const parts = Object.keys(c).map((k) => avoidedCostFen({ [k]: c[k]! }, p));
        expect(total).toBe(parts.reduce((x, y) => x + y, 0));
      }),
    );
  });
});
