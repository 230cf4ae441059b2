import { invalid } from '../shared/domain-error.ts';
import type { OrderStatus } from './order-machine.ts';

/** An item of the centres' catalogue as far as mutual recognition (检查检验结果互认) goes. */
export interface RecognisableItem {
  code: string;
  /** Whole business days a signed result stays valid; 0 = the day of the report only. */
  validityDays: number;
  /** 'all': every member unit of the community; else the ids of the organisations that recognise it. */
  recognisedBy: 'all' | readonly string[];
}

export interface PriorResult {
  orderId: string;
  itemCode: string;
  status: OrderStatus;
  reportedAt: Date | null;
  orderingOrganizationId: string;
  performingOrganizationId: string;
}

const DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The Asia/Shanghai business date of an instant, as a day number (days since 1970-01-01). */
function shanghaiDay(d: Date): number {
  return Math.floor((d.getTime() + SHANGHAI_OFFSET) / DAY);
}

/** The Asia/Shanghai business date of an instant, `YYYY-MM-DD`. */
export function shanghaiBusinessDate(d: Date): string {
  return new Date(shanghaiDay(d) * DAY).toISOString().slice(0, 10);
}

/**
 * The prior result the asking organisation must recognise instead of ordering the item again,
 * or null (docs/domain/diagnostics.md "Mutual recognition"): the most recent result of the same
 * item code whose report is signed (`reported` or `acknowledged`), reported on a Shanghai business
 * date d with 0 ≤ date(now) − d ≤ validityDays, when the asking organisation is in the item's
 * recognising set. Ties on reportedAt go to the greater orderId, so the answer is deterministic.
 * `priorResults` are the resident's own results; the server selects them.
 */
export function findRecognisedResult<T extends PriorResult>(q: { item: RecognisableItem; askingOrganizationId: string; priorResults: readonly T[]; now: Date }): T | null {
  const { item, askingOrganizationId, now } = q;
  if (!Number.isSafeInteger(item.validityDays) || item.validityDays < 0) throw invalid('互认有效期须为非负整数（天）', 'item.validityDays', { value: item.validityDays });
  if (item.recognisedBy !== 'all' && !item.recognisedBy.includes(askingOrganizationId)) return null;
  const today = shanghaiDay(now);
  let best: T | null = null;
  for (const r of q.priorResults) {
    if (r.itemCode !== item.code || (r.status !== 'reported' && r.status !== 'acknowledged') || !r.reportedAt) continue;
    const age = today - shanghaiDay(r.reportedAt);
    if (age < 0 || age > item.validityDays) continue;
    const t = r.reportedAt.getTime();
    const bt = best?.reportedAt?.getTime() ?? -Infinity;
    if (!best || t > bt || (t === bt && r.orderId > best.orderId)) best = r;
  }
  return best;
}

export type RepeatDecision =
  | { ok: true; repeatReason: string | null }
  | { ok: false; code: 'CONFLICT'; message: string; recognisedOrderId: string }
  | { ok: false; code: 'VALIDATION_FAILED'; message: string; field: 'repeatReason' };

/**
 * May the item be ordered again? (docs/domain/diagnostics.md "Repeat orders".) With no recognised
 * result, yes. With one, only with a reason of 2–200 characters (after trimming, counted in
 * Unicode code points): no reason is a CONFLICT naming the recognised order, a reason of the
 * wrong length a VALIDATION_FAILED. The trimmed reason is returned for storage.
 */
export function decideRepeatOrder(recognised: Pick<PriorResult, 'orderId' | 'reportedAt'> | null, repeatReason?: string | null): RepeatDecision {
  if (!recognised) return { ok: true, repeatReason: null };
  const reason = (repeatReason ?? '').trim();
  if (reason === '') {
    const when = recognised.reportedAt ? `（${shanghaiBusinessDate(recognised.reportedAt)} 报告）` : '';
    return { ok: false, code: 'CONFLICT', message: `该项目在互认有效期内已有结果${when}，如需重复检查请填写原因`, recognisedOrderId: recognised.orderId };
  }
  const length = [...reason].length;
  if (length < 2 || length > 200) return { ok: false, code: 'VALIDATION_FAILED', message: '重复检查原因须为 2–200 个字', field: 'repeatReason' };
  return { ok: true, repeatReason: reason };
}

function assertCount(n: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw invalid('次数须为非负整数', field, { value: n });
}

/**
 * Recognition rate (docs/domain/diagnostics.md "Recognition rate"): results used instead of a
 * new order ÷ (used + repeated with a reason); null when both are 0.
 */
export function recognitionRate(counts: { used: number; repeated: number }): number | null {
  assertCount(counts.used, 'used');
  assertCount(counts.repeated, 'repeated');
  const total = counts.used + counts.repeated;
  return total === 0 ? null : counts.used / total;
}

/**
 * Cost avoided by recognition, in fen: Σ used count × the item's price (docs/domain/diagnostics.md
 * "Recognition rate"). An item with no price contributes nothing; counts and prices are
 * non-negative integers and the sum is exact.
 */
export function avoidedCostFen(usedCountsByItem: Readonly<Record<string, number>>, priceFenByItem: Readonly<Record<string, number>>): number {
  let total = 0n;
  for (const [code, count] of Object.entries(usedCountsByItem)) {
    assertCount(count, `usedCountsByItem.${code}`);
    if (!Object.hasOwn(priceFenByItem, code)) continue;
    const price = priceFenByItem[code]!;
    if (!Number.isSafeInteger(price) || price < 0) throw invalid('金额须为非负整数（分）', `priceFenByItem.${code}`, { value: price });
    total += BigInt(count) * BigInt(price);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid('金额超出可表示范围', 'priceFenByItem');
  return Number(total);
}
