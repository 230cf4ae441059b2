import { invalid } from '../shared/domain-error.ts';

/**
 * A member unit's request for sterile packs (申领; docs/domain/sterile-supply.md "Requests"):
 * lines of pack type and quantity, delivered by the centre in one or several deliveries.
 */
export const STERILE_REQUEST_STATUSES = ['requested', 'partially_delivered', 'delivered', 'cancelled'] as const;
export type SterileRequestStatus = (typeof STERILE_REQUEST_STATUSES)[number];

export const STERILE_REQUEST_STATUS_LABELS: Readonly<Record<SterileRequestStatus, string>> = {
  requested: '待发放',
  partially_delivered: '部分发放',
  delivered: '已发放',
  cancelled: '已取消',
};

export const STERILE_REQUEST_ACTIONS = ['deliver', 'cancel'] as const;
export type SterileRequestAction = (typeof STERILE_REQUEST_ACTIONS)[number];

/** Who acts: the centre delivers, the requesting unit cancels what is still open. */
const SIDE_OF: Readonly<Record<SterileRequestAction, 'centre' | 'requester'>> = { deliver: 'centre', cancel: 'requester' };
const OPEN: ReadonlySet<SterileRequestStatus> = new Set(['requested', 'partially_delivered']);

/** At most this many lines and packs of one type in a request (platform rule: a ward's week, not a warehouse). */
export const MAX_REQUEST_LINES = 30;
export const MAX_REQUEST_QUANTITY = 200;

export interface RequestLine {
  packType: string;
  quantity: number;
}

/**
 * Checks a request's lines: 1–30 lines, each type once, quantities whole numbers 1–200. Throws
 * VALIDATION_FAILED naming `lines` or `lines.<i>.quantity`.
 */
export function validateRequestLines(lines: readonly RequestLine[], knownTypes: ReadonlySet<string>): RequestLine[] {
  if (lines.length === 0) throw invalid('申领单至少须有一项', 'lines');
  if (lines.length > MAX_REQUEST_LINES) throw invalid(`申领单最多 ${MAX_REQUEST_LINES} 项`, 'lines');
  const seen = new Set<string>();
  return lines.map((l, i) => {
    const packType = l.packType.trim();
    if (!knownTypes.has(packType)) throw invalid(`未知的灭菌包类型：${packType}`, `lines.${i}.packType`, { value: packType });
    if (seen.has(packType)) throw invalid(`灭菌包类型重复：${packType}`, `lines.${i}.packType`, { value: packType });
    seen.add(packType);
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_REQUEST_QUANTITY) {
      throw invalid(`数量须为 1–${MAX_REQUEST_QUANTITY} 的整数`, `lines.${i}.quantity`, { value: l.quantity });
    }
    return { packType, quantity: l.quantity };
  });
}

/** Actions open to a side in a status — the UI's buttons. */
export function availableRequestActions(status: SterileRequestStatus, side: 'centre' | 'requester' | null): SterileRequestAction[] {
  return OPEN.has(status) && side ? STERILE_REQUEST_ACTIONS.filter((a) => SIDE_OF[a] === side) : [];
}

export type RequestDecision = { ok: true } | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; message: string };

/** May `side` take `action` on a request in `status`? Only open requests move; each action has its side. */
export function decideRequestAction(status: SterileRequestStatus, action: SterileRequestAction, side: 'centre' | 'requester' | null): RequestDecision {
  if (!OPEN.has(status)) return { ok: false, code: 'ILLEGAL_TRANSITION', message: `申领单状态为「${STERILE_REQUEST_STATUS_LABELS[status]}」，不能再${action === 'deliver' ? '发放' : '取消'}` };
  if (side !== SIDE_OF[action]) return { ok: false, code: 'FORBIDDEN', message: action === 'deliver' ? '只有消毒供应中心可以发放' : '只有申领机构可以取消申领' };
  return { ok: true };
}

/**
 * The request's status after a delivery: every line covered → delivered; something delivered
 * → partially delivered; nothing → unchanged (the centre had no stock; the request stays open).
 */
export function statusAfterDelivery(lines: readonly { quantity: number; delivered: number }[], before: SterileRequestStatus): SterileRequestStatus {
  if (lines.every((l) => l.delivered >= l.quantity)) return 'delivered';
  if (lines.some((l) => l.delivered > 0)) return 'partially_delivered';
  return before;
}
