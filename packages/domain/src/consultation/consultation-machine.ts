import type { Role } from '../auth/roles.ts';
import { invalid } from '../shared/domain-error.ts';
import { controlCharacterPath } from '../shared/control-characters.ts';

/** docs/domain/consultation.md "States". */
export const CONSULTATION_STATUSES = ['requested', 'scheduled', 'opinion_given', 'closed', 'declined', 'cancelled'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_ACTIONS = ['schedule', 'decline', 'reschedule', 'give_opinion', 'close', 'cancel'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** docs/domain/consultation.md "Sides and roles": the unit that asks, or the unit that answers. */
export type ConsultationSide = 'requester' | 'consultant';

export const CONSULTATION_URGENCIES = ['routine', 'urgent'] as const;
export type ConsultationUrgency = (typeof CONSULTATION_URGENCIES)[number];

/** States no action moves out of (docs/domain/consultation.md "States"). */
export const TERMINAL_CONSULTATION_STATUSES: ReadonlySet<ConsultationStatus> = new Set(['closed', 'declined', 'cancelled']);

export const CONSULTATION_STATUS_LABELS: Readonly<Record<ConsultationStatus, string>> = {
  requested: '已申请',
  scheduled: '已排期',
  opinion_given: '已出具意见',
  closed: '已结束',
  declined: '已拒绝',
  cancelled: '已取消',
};

export const CONSULTATION_ACTION_LABELS: Readonly<Record<ConsultationAction, string>> = {
  schedule: '排期',
  decline: '拒绝',
  reschedule: '改期',
  give_opinion: '出具会诊意见',
  close: '结束会诊',
  cancel: '取消申请',
};

type RequiredField = 'scheduledAt' | 'reason' | 'opinion';

const FIELD_LABELS: Readonly<Record<RequiredField, string>> = { scheduledAt: '会诊时间', reason: '原因', opinion: '会诊意见' };

interface ConsultationRule {
  from: readonly ConsultationStatus[];
  to: ConsultationStatus;
  side: ConsultationSide;
  roles: readonly Role[];
  requires: readonly RequiredField[];
}

const REQUESTING: readonly Role[] = ['village_doctor', 'clinician'];
const CONSULTING: readonly Role[] = ['clinician', 'reader'];

/** The transition table of docs/domain/consultation.md "States". */
export const CONSULTATION_RULES: Readonly<Record<ConsultationAction, ConsultationRule>> = {
  schedule: { from: ['requested'], to: 'scheduled', side: 'consultant', roles: CONSULTING, requires: ['scheduledAt'] },
  decline: { from: ['requested'], to: 'declined', side: 'consultant', roles: CONSULTING, requires: ['reason'] },
  reschedule: { from: ['scheduled'], to: 'scheduled', side: 'consultant', roles: CONSULTING, requires: ['scheduledAt'] },
  give_opinion: { from: ['scheduled'], to: 'opinion_given', side: 'consultant', roles: CONSULTING, requires: ['opinion'] },
  // The requesting doctor reads the opinion and decides the treatment; closing records that.
  close: { from: ['opinion_given'], to: 'closed', side: 'requester', roles: REQUESTING, requires: [] },
  cancel: { from: ['requested', 'scheduled'], to: 'cancelled', side: 'requester', roles: REQUESTING, requires: ['reason'] },
};

/** docs/domain/consultation.md "Scheduling": a session is booked at most this many days ahead. */
export const MAX_SCHEDULE_AHEAD_DAYS = 30;
/** docs/domain/consultation.md "Opinion": length of the written opinion, in characters. */
export const CONSULTATION_OPINION_LENGTH = { min: 10, max: 5000 } as const;
/** docs/domain/consultation.md "States": length of a reason to decline or cancel (platform rule). */
export const CONSULTATION_REASON_MAX_LENGTH = 500;

/** Characters as a reader counts them (code points, blanks at either end not counted). */
const charCount = (s: string) => [...s.trim()].length;

export interface ConsultationTransitionInput {
  /** schedule, reschedule: the session's start — a Date or an ISO 8601 date-time with its offset. */
  scheduledAt?: Date | string | null;
  /** decline, cancel. */
  reason?: string | null;
  /** give_opinion. */
  opinion?: string | null;
}

export type ConsultationTransitionResult =
  | { ok: true; to: ConsultationStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string; field?: string };

const failed = (message: string, field: RequiredField): ConsultationTransitionResult => ({ ok: false, code: 'VALIDATION_FAILED', message, field });

/** A session time as a Date, or null when it is not one (a date alone, no offset, garbage). */
export function parseScheduledAt(v: Date | string): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[7] ?? '0'].map(Number) as [number, number, number, number, number, number];
  // Date would roll 02-30 over to 03-02: the calendar day must exist as written.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d || mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 59) return null;
  if (m[9] !== 'Z' && (Number(m[10]) > 14 || Number(m[11]) > 59)) return null;
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * Decides one transition of a remote consultation at instant `now`. Pure; the server applies the
 * result and appends the history row. Checks in the order of docs/domain/consultation.md
 * "States": illegal state (409), then side and role (403), then input (400, naming the field).
 */
export function decideConsultationTransition(
  status: ConsultationStatus,
  action: ConsultationAction,
  side: ConsultationSide | null,
  role: Role,
  input: ConsultationTransitionInput,
  now: Date,
): ConsultationTransitionResult {
  const rule = CONSULTATION_RULES[action];
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `会诊状态为「${CONSULTATION_STATUS_LABELS[status]}」，不能执行「${CONSULTATION_ACTION_LABELS[action]}」` };
  }
  if (side !== rule.side) {
    return { ok: false, code: 'FORBIDDEN', message: rule.side === 'consultant' ? '只有会诊方可以执行此操作' : '只有申请方可以执行此操作' };
  }
  if (!rule.roles.includes(role)) return { ok: false, code: 'FORBIDDEN', message: '当前角色不能执行此操作' };
  for (const field of rule.requires) {
    const v = input[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return failed(`缺少必填项：${FIELD_LABELS[field]}`, field);
    if (field === 'scheduledAt') {
      const at = typeof v === 'string' || v instanceof Date ? parseScheduledAt(v) : null;
      if (!at) return failed('会诊时间格式不正确', field);
      if (at.getTime() <= now.getTime()) return failed('会诊时间须晚于当前时间', field);
      if (at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) return failed(`会诊时间不能晚于 ${MAX_SCHEDULE_AHEAD_DAYS} 天后`, field);
      continue;
    }
    if (typeof v !== 'string') return failed(`${FIELD_LABELS[field]}须为文字`, field);
    if (controlCharacterPath(v, field)) return failed(`${FIELD_LABELS[field]}含有不允许的控制字符`, field);
    const n = charCount(v);
    if (field === 'opinion' && (n < CONSULTATION_OPINION_LENGTH.min || n > CONSULTATION_OPINION_LENGTH.max)) return failed(`会诊意见须为 ${CONSULTATION_OPINION_LENGTH.min}–${CONSULTATION_OPINION_LENGTH.max} 字`, field);
    if (field === 'reason' && n > CONSULTATION_REASON_MAX_LENGTH) return failed(`原因不能超过 ${CONSULTATION_REASON_MAX_LENGTH} 字`, field);
  }
  return { ok: true, to: rule.to };
}

/** Actions legal from a status for this side (and role, when given) — the UI's buttons. */
export function availableConsultationActions(status: ConsultationStatus, side: ConsultationSide | null, role?: Role): ConsultationAction[] {
  return CONSULTATION_ACTIONS.filter((a) => CONSULTATION_RULES[a].from.includes(status) && CONSULTATION_RULES[a].side === side && (!role || CONSULTATION_RULES[a].roles.includes(role)));
}

// ---------------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------------

/** docs/domain/consultation.md "Request": what may be attached. */
export const CONSULTATION_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/dicom'] as const;
export type ConsultationMediaType = (typeof CONSULTATION_MEDIA_TYPES)[number];

export const CONSULTATION_QUESTION_LENGTH = { min: 10, max: 2000 } as const;
export const MAX_CONSULTATION_ATTACHMENTS = 10;
/** 20 MB, counted as 20 × 1024 × 1024 bytes. */
export const MAX_CONSULTATION_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;

export interface ConsultationAttachment {
  name: string;
  mediaType: ConsultationMediaType;
  /** Bytes. */
  size: number;
}

export interface ConsultationRequest {
  question: string;
  urgency: ConsultationUrgency;
  attachments: ConsultationAttachment[];
}

/** The request as it arrives (parsed JSON): every field is checked, whatever its type. */
export interface ConsultationRequestInput {
  question: unknown;
  urgency: unknown;
  attachments?: unknown;
}

/**
 * docs/domain/consultation.md "Request": throws invalid(…) naming the first field that breaks a
 * rule (`attachments.3.size` for the fourth attachment's size); returns the request with the
 * question and names trimmed.
 */
export function validateConsultationRequest(input: ConsultationRequestInput): ConsultationRequest {
  const q = input.question;
  if (typeof q !== 'string') throw invalid('请填写会诊问题', 'question');
  if (controlCharacterPath(q, 'question')) throw invalid('会诊问题含有不允许的控制字符', 'question');
  const n = charCount(q);
  if (n < CONSULTATION_QUESTION_LENGTH.min || n > CONSULTATION_QUESTION_LENGTH.max) throw invalid(`会诊问题须为 ${CONSULTATION_QUESTION_LENGTH.min}–${CONSULTATION_QUESTION_LENGTH.max} 字`, 'question', { length: n });
  if (!CONSULTATION_URGENCIES.includes(input.urgency as ConsultationUrgency)) throw invalid('紧急程度须为普通或紧急', 'urgency', { value: input.urgency });
  const raw = input.attachments ?? [];
  if (!Array.isArray(raw)) throw invalid('附件格式不正确', 'attachments');
  if (raw.length > MAX_CONSULTATION_ATTACHMENTS) throw invalid(`附件不能超过 ${MAX_CONSULTATION_ATTACHMENTS} 个`, 'attachments', { count: raw.length });
  const attachments = raw.map((a: unknown, i): ConsultationAttachment => {
    const at = `attachments.${i}`;
    if (a === null || typeof a !== 'object') throw invalid('附件格式不正确', at);
    const { name, mediaType, size } = a as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > MAX_NAME_LENGTH || /[/\\]/.test(name) || controlCharacterPath(name, 'name', true)) {
      throw invalid(`附件名称须为 1–${MAX_NAME_LENGTH} 个字符，且不含路径`, `${at}.name`);
    }
    if (!CONSULTATION_MEDIA_TYPES.includes(mediaType as ConsultationMediaType)) throw invalid('附件只能是 PDF、PNG、JPEG 或 DICOM 文件', `${at}.mediaType`, { value: mediaType });
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw invalid('附件大小无效', `${at}.size`, { value: size });
    if (size > MAX_CONSULTATION_ATTACHMENT_BYTES) throw invalid('单个附件不能超过 20 MB', `${at}.size`, { value: size });
    return { name: name.trim(), mediaType: mediaType as ConsultationMediaType, size };
  });
  return { question: q.trim(), urgency: input.urgency as ConsultationUrgency, attachments };
}
