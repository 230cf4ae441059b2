import type { OrderDetailView } from '@yigong/contracts';
import type { OrderStatus } from '@yigong/domain';

/** The path of an order that runs to its end (docs/domain/diagnostics.md "Order states"). */
export const ORDER_PATH: readonly OrderStatus[] = ['ordered', 'accepted', 'resulted', 'reported', 'acknowledged'];

export interface OrderStep {
  status: OrderStatus;
  /** finish: reached; process: what the order waits for now; wait: later; error: rejected or cancelled. */
  state: 'finish' | 'process' | 'wait' | 'error';
  at: string | null;
}

type StepInput = Pick<OrderDetailView, 'status' | 'orderedAt' | 'acceptedAt' | 'rejectedAt' | 'resultedAt' | 'reportedAt' | 'acknowledgedAt'> & {
  history?: Pick<OrderDetailView['history'][number], 'toStatus' | 'at'>[];
};

function reachedAt(o: StepInput, s: OrderStatus): string | null {
  switch (s) {
    case 'ordered':
      return o.orderedAt;
    case 'accepted':
      return o.acceptedAt;
    case 'resulted':
      return o.resultedAt;
    case 'reported':
      return o.reportedAt;
    case 'acknowledged':
      return o.acknowledgedAt;
    case 'rejected':
      return o.rejectedAt;
    case 'cancelled':
      return o.history?.find((e) => e.toStatus === 'cancelled')?.at ?? null;
  }
}

/**
 * The steps to draw: the statuses reached (with when), the one the order waits for, the rest;
 * a rejected or cancelled order ends in an error step after 已申请.
 */
export function orderSteps(o: StepInput): OrderStep[] {
  if (o.status === 'rejected' || o.status === 'cancelled') {
    return [
      { status: 'ordered', state: 'finish', at: o.orderedAt },
      { status: o.status, state: 'error', at: reachedAt(o, o.status) },
    ];
  }
  const reached = ORDER_PATH.indexOf(o.status);
  return ORDER_PATH.map((s, i) => ({
    status: s,
    state: i <= reached ? 'finish' : i === reached + 1 ? 'process' : 'wait',
    at: i <= reached ? reachedAt(o, s) : null,
  }));
}
