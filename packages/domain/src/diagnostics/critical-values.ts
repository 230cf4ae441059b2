import { invalid } from '../shared/domain-error.ts';

/**
 * Who answers for an unacknowledged critical value (危急值), in escalation order
 * (docs/domain/diagnostics.md "Critical values"): the ordering doctor, then the head of the
 * ordering unit (科主任/院长), then the community's medical department (医务科).
 */
export const CRITICAL_STAGES = ['doctor', 'unit_head', 'medical_department'] as const;
export type CriticalStage = (typeof CRITICAL_STAGES)[number];

export interface CriticalValueParams {
  /** Minutes the ordering doctor has to acknowledge; whole minutes, 1–1440. */
  ackMinutes: number;
}

/** docs/domain/diagnostics.md "Critical values": 30 minutes, the usual rule of hospitals' 危急值 procedures. */
export const DEFAULT_CRITICAL_PARAMS: Readonly<CriticalValueParams> = { ackMinutes: 30 };

const MINUTE = 60_000;

/** Throws `VALIDATION_FAILED` naming `ackMinutes` unless it is a whole number of minutes from 1 to 1440. */
export function validateCriticalParams(params: CriticalValueParams): void {
  const m = params.ackMinutes;
  if (!Number.isInteger(m) || m < 1 || m > 1440) throw invalid('危急值确认时限须为 1–1440 之间的整数（分钟）', 'ackMinutes', { value: m });
}

/** When a stage begins: raisedAt for the doctor, then one acknowledgement window later for each step. */
export function criticalStageStart(raisedAt: Date, stage: CriticalStage, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): Date {
  validateCriticalParams(params);
  return new Date(raisedAt.getTime() + CRITICAL_STAGES.indexOf(stage) * params.ackMinutes * MINUTE);
}

/** The acknowledgement deadline: raisedAt + ackMinutes. Acknowledging at the deadline itself is in time. */
export function criticalAckDeadline(raisedAt: Date, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): Date {
  return criticalStageStart(raisedAt, 'unit_head', params);
}

/**
 * The stage of a value still unacknowledged at `now` (docs/domain/diagnostics.md "Critical
 * values"): a stage takes over once the instant it begins has passed (strictly after, as for
 * every deadline here), so the doctor holds it up to and including raisedAt + ack.
 */
export function criticalStageAt(raisedAt: Date, now: Date, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): CriticalStage {
  let stage: CriticalStage = 'doctor';
  for (const s of CRITICAL_STAGES.slice(1)) if (now.getTime() > criticalStageStart(raisedAt, s, params).getTime()) stage = s;
  return stage;
}

/**
 * Escalations of an unacknowledged value that are due at `now` and not yet recorded, in order.
 * Each `at` is the instant the stage began, not `now`, so a late or repeated job run records the
 * same times (docs/domain/diagnostics.md "Critical values"). The doctor stage is the raising
 * itself and is never returned. The caller passes only values not yet acknowledged.
 */
export function escalationsDue(raisedAt: Date, alreadyRecorded: readonly CriticalStage[], now: Date, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): { stage: CriticalStage; at: Date }[] {
  const due: { stage: CriticalStage; at: Date }[] = [];
  for (const stage of CRITICAL_STAGES.slice(1)) {
    const at = criticalStageStart(raisedAt, stage, params);
    if (now.getTime() > at.getTime() && !alreadyRecorded.includes(stage)) due.push({ stage, at });
  }
  return due;
}

/** Acknowledged within the window: acknowledgedAt ≤ raisedAt + ackMinutes. */
export function acknowledgedInTime(raisedAt: Date, acknowledgedAt: Date, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): boolean {
  return acknowledgedAt.getTime() <= criticalAckDeadline(raisedAt, params).getTime();
}

export interface AckShare {
  total: number;
  inTime: number;
  /** inTime / total; null when total is 0. */
  share: number | null;
}

/**
 * Share of critical values acknowledged in time, as of `now` (docs/domain/diagnostics.md
 * "Critical values"). An acknowledged value counts in time or late by acknowledgedInTime. An open
 * value already past its deadline counts as not in time (it cannot become in time any more); an
 * open value not yet past its deadline is excluded, since its outcome is not known yet.
 */
export function ackShare(values: readonly { raisedAt: Date; acknowledgedAt: Date | null; deadlineAt?: Date }[], now: Date, params: CriticalValueParams = DEFAULT_CRITICAL_PARAMS): AckShare {
  validateCriticalParams(params);
  let total = 0;
  let inTime = 0;
  for (const v of values) {
    // A value raised under another window keeps its own deadline (the parameter may have changed since).
    const deadline = v.deadlineAt ?? criticalAckDeadline(v.raisedAt, params);
    if (v.acknowledgedAt) {
      total++;
      if (v.acknowledgedAt.getTime() <= deadline.getTime()) inTime++;
    } else if (now.getTime() > deadline.getTime()) {
      total++;
    }
  }
  return { total, inTime, share: total === 0 ? null : inTime / total };
}
