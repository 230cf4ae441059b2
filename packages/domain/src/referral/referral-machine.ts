import type { Role } from '../auth/roles.ts';

/** docs/domain/referral.md "States": a referral is a ServiceRequest; its fulfilment a Task. */
export const REFERRAL_STATUSES = ['draft', 'submitted', 'accepted', 'scheduled', 'arrived', 'completed', 'rejected', 'redirected', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_DIRECTIONS = ['up', 'down', 'out'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_PRIORITIES = ['routine', 'urgent', 'green_channel'] as const;
export type ReferralPriority = (typeof REFERRAL_PRIORITIES)[number];

export const REFERRAL_ACTIONS = ['submit', 'accept', 'reject', 'redirect', 'schedule', 'arrive', 'complete', 'cancel'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export const REJECT_REASONS = ['capacity_full', 'not_indicated', 'incomplete', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type ReferralSide = 'sender' | 'receiver';

/** States a referral can still move out of (docs/domain/referral.md "States"). */
export const OPEN_STATUSES: ReadonlySet<ReferralStatus> = new Set(['draft', 'submitted', 'accepted', 'scheduled']);
export const TERMINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(['completed', 'rejected', 'redirected', 'cancelled']);

interface Rule {
  from: readonly ReferralStatus[];
  to: ReferralStatus;
  /** docs/domain/referral.md "Sides and roles": only the receiving side accepts/rejects/schedules/records arrival; only the sending side submits/cancels. */
  side: ReferralSide;
  roles: readonly Role[];
  /** Fields the action needs in its input. */
  requires: readonly ('reason' | 'rejectReason' | 'slotId' | 'outcome' | 'toOrganizationId')[];
}

const CLINICAL: readonly Role[] = ['village_doctor', 'clinician'];
const RECEIVING: readonly Role[] = ['village_doctor', 'clinician', 'manager'];

/** The transition table of docs/domain/referral.md "States". */
export const REFERRAL_RULES: Readonly<Record<ReferralAction, Rule>> = {
  submit: { from: ['draft'], to: 'submitted', side: 'sender', roles: CLINICAL, requires: [] },
  accept: { from: ['submitted'], to: 'accepted', side: 'receiver', roles: RECEIVING, requires: [] },
  reject: { from: ['submitted'], to: 'rejected', side: 'receiver', roles: RECEIVING, requires: ['rejectReason'] },
  redirect: { from: ['submitted'], to: 'redirected', side: 'receiver', roles: RECEIVING, requires: ['toOrganizationId'] },
  schedule: { from: ['accepted'], to: 'scheduled', side: 'receiver', roles: RECEIVING, requires: ['slotId'] },
  // A green-channel patient may arrive before any appointment: accepted → arrived is allowed.
  arrive: { from: ['accepted', 'scheduled'], to: 'arrived', side: 'receiver', roles: RECEIVING, requires: [] },
  complete: { from: ['arrived'], to: 'completed', side: 'receiver', roles: CLINICAL, requires: ['outcome'] },
  cancel: { from: ['draft', 'submitted', 'accepted', 'scheduled'], to: 'cancelled', side: 'sender', roles: [...CLINICAL, 'manager'], requires: ['reason'] },
};

export type TransitionInput = Partial<Record<Rule['requires'][number], unknown>>;

export type TransitionResult =
  | { ok: true; to: ReferralStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string; field?: string };

/**
 * Decides one referral transition: is `action` legal from `status`, taken by this side and role,
 * with the fields it needs? Pure; the server applies the result and appends the history row.
 * Order of checks: illegal state first (409), then side/role (403), then missing input (400).
 */
export function decideTransition(status: ReferralStatus, action: ReferralAction, side: ReferralSide | null, role: Role, input: TransitionInput = {}): TransitionResult {
  const rule = REFERRAL_RULES[action];
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `转诊状态为「${status}」，不能执行「${action}」` };
  }
  if (side !== rule.side) {
    return { ok: false, code: 'FORBIDDEN', message: rule.side === 'receiver' ? '只有接收方可以执行此操作' : '只有转出方可以执行此操作' };
  }
  if (!rule.roles.includes(role)) return { ok: false, code: 'FORBIDDEN', message: '当前角色不能执行此操作' };
  for (const field of rule.requires) {
    const v = input[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      return { ok: false, code: 'VALIDATION_FAILED', message: `缺少必填项：${field}`, field };
    }
  }
  return { ok: true, to: rule.to };
}

/** Actions legal from a status for this side (and role, when given) — the UI's buttons. */
export function availableActions(status: ReferralStatus, side: ReferralSide | null, role?: Role): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((a) => REFERRAL_RULES[a].from.includes(status) && REFERRAL_RULES[a].side === side && (!role || REFERRAL_RULES[a].roles.includes(role)));
}

/**
 * docs/domain/referral.md "Deadlines": a submitted referral must be answered within 2 hours
 * (urgent, green channel) or 24 hours (routine); past that it is escalated. Hours are configurable.
 */
export function answerDeadline(submittedAt: Date, priority: ReferralPriority, hours: { urgent: number; routine: number } = { urgent: 2, routine: 24 }): Date {
  const h = priority === 'routine' ? hours.routine : hours.urgent;
  return new Date(submittedAt.getTime() + h * 3_600_000);
}

export function isOverdue(status: ReferralStatus, deadline: Date, now: Date): boolean {
  return (status === 'submitted' || status === 'accepted') && now > deadline;
}
