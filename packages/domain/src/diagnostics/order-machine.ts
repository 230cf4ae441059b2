import type { Role } from '../auth/roles.ts';

/** docs/domain/diagnostics.md "Centres": the four shared diagnostic centres (资源共享中心). */
export const MODALITIES = ['imaging', 'ecg', 'lab', 'pathology'] as const;
export type Modality = (typeof MODALITIES)[number];

/** docs/domain/diagnostics.md "Orders": priority sets the report target ("Turnaround") and the worklist place. */
export const DIAGNOSTIC_PRIORITIES = ['routine', 'urgent'] as const;
export type DiagnosticPriority = (typeof DIAGNOSTIC_PRIORITIES)[number];

/** docs/domain/diagnostics.md "Order states". */
export const ORDER_STATUSES = ['ordered', 'accepted', 'rejected', 'resulted', 'reported', 'acknowledged', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['accept', 'reject', 'result', 'report', 'amend', 'acknowledge', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** docs/domain/diagnostics.md "Sides and roles": the ordering unit, or the centre that reads. */
export type OrderSide = 'orderer' | 'centre';

/**
 * States no action moves out of (docs/domain/diagnostics.md "Order states"). An acknowledged
 * order still admits `amend`, which keeps it acknowledged (a new report version).
 */
export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(['rejected', 'cancelled', 'acknowledged']);

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  ordered: '已申请',
  accepted: '已接收',
  rejected: '已退回',
  resulted: '待报告',
  reported: '已报告',
  acknowledged: '已阅',
  cancelled: '已撤销',
};

export const ORDER_ACTION_LABELS: Readonly<Record<OrderAction, string>> = {
  accept: '接收',
  reject: '退回',
  result: '上传结果',
  report: '签发报告',
  amend: '更正报告',
  acknowledge: '确认已阅',
  cancel: '撤销申请',
};

type RequiredField = 'reason' | 'text' | 'conclusion';

const FIELD_LABELS: Readonly<Record<RequiredField, string>> = { reason: '原因', text: '报告正文', conclusion: '诊断结论' };

interface OrderRule {
  from: readonly OrderStatus[];
  /** null: the status does not change (amend writes a new report version). */
  to: OrderStatus | null;
  /** The sides that may take it: results come from the centre's analysers or from the ordering unit's own ECG machine or scanner (data transfer). */
  sides: readonly OrderSide[];
  roles: readonly Role[];
  requires: readonly RequiredField[];
}

const READING: readonly Role[] = ['reader', 'clinician'];
const ORDERING: readonly Role[] = ['village_doctor', 'clinician'];

/** The transition table of docs/domain/diagnostics.md "Order states". */
export const ORDER_RULES: Readonly<Record<OrderAction, OrderRule>> = {
  accept: { from: ['ordered'], to: 'accepted', sides: ['centre'], roles: READING, requires: [] },
  // The rejected order goes back to the ordering unit, which may order again.
  reject: { from: ['ordered'], to: 'rejected', sides: ['centre'], roles: READING, requires: ['reason'] },
  // Further results (another series, a late analyte) may arrive before the report is signed.
  // The centre's analysers or the ordering unit's own ECG machine or scanner send the data (传输).
  result: { from: ['accepted', 'resulted'], to: 'resulted', sides: ['centre', 'orderer'], roles: [...READING, 'village_doctor'], requires: [] },
  report: { from: ['resulted'], to: 'reported', sides: ['centre'], roles: READING, requires: ['text', 'conclusion'] },
  amend: { from: ['reported', 'acknowledged'], to: null, sides: ['centre'], roles: READING, requires: ['reason'] },
  acknowledge: { from: ['reported'], to: 'acknowledged', sides: ['orderer'], roles: ORDERING, requires: [] },
  cancel: { from: ['ordered'], to: 'cancelled', sides: ['orderer'], roles: [...ORDERING, 'manager'], requires: ['reason'] },
};

export type OrderTransitionInput = Partial<Record<RequiredField, unknown>>;

export type OrderTransitionResult =
  | { ok: true; to: OrderStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string; field?: string };

/**
 * Decides one transition of a diagnostic order. Pure; the server applies the result and appends
 * the history row. Checks in the order of docs/domain/diagnostics.md "Order states": illegal
 * state (409), then side and role (403), then missing input (400).
 */
export function decideOrderTransition(status: OrderStatus, action: OrderAction, side: OrderSide | null, role: Role, input: OrderTransitionInput = {}): OrderTransitionResult {
  const rule = ORDER_RULES[action];
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `申请单状态为「${ORDER_STATUS_LABELS[status]}」，不能执行「${ORDER_ACTION_LABELS[action]}」` };
  }
  if (!side || !rule.sides.includes(side)) {
    return { ok: false, code: 'FORBIDDEN', message: rule.sides.includes('centre') ? '只有诊断中心可以执行此操作' : '只有开单机构可以执行此操作' };
  }
  if (!rule.roles.includes(role)) return { ok: false, code: 'FORBIDDEN', message: '当前角色不能执行此操作' };
  for (const field of rule.requires) {
    const v = input[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      return { ok: false, code: 'VALIDATION_FAILED', message: `缺少必填项：${FIELD_LABELS[field]}`, field };
    }
  }
  return { ok: true, to: rule.to ?? status };
}

/** Actions legal from a status for this side (and role, when given) — the UI's buttons. */
export function availableOrderActions(status: OrderStatus, side: OrderSide | null, role?: Role): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => ORDER_RULES[a].from.includes(status) && !!side && ORDER_RULES[a].sides.includes(side) && (!role || ORDER_RULES[a].roles.includes(role)));
}
