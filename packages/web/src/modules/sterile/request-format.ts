import type { SterileRequestView } from '@yigong/contracts';

/** `换药包 ×5（已发 3）`: a line as asked, with what was delivered so far while it is not all there. */
export function lineText(l: Pick<SterileRequestView['lines'][number], 'packTypeName' | 'quantity' | 'delivered'>, delivered: (n: number) => string): string {
  return `${l.packTypeName} ×${l.quantity}${l.delivered > 0 && l.delivered < l.quantity ? `（${delivered(l.delivered)}）` : ''}`;
}

/** Whether the request waits past the day it was needed (open, `neededBy` before today in Shanghai). */
export function isLate(r: Pick<SterileRequestView, 'status' | 'neededBy'>, today: string): boolean {
  return (r.status === 'requested' || r.status === 'partially_delivered') && !!r.neededBy && r.neededBy < today;
}
