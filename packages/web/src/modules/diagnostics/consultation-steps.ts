import type { ConsultationDetailView } from '@yigong/contracts';
import type { ConsultationStatus } from '@yigong/domain';

/** The path of a consultation that runs to its end (docs/domain/consultation.md "States"). */
export const CONSULTATION_PATH: readonly ConsultationStatus[] = ['requested', 'scheduled', 'opinion_given', 'closed'];

export interface ConsultationStep {
  status: ConsultationStatus;
  /** finish: reached; process: what the consultation waits for now; wait: later; error: declined or cancelled. */
  state: 'finish' | 'process' | 'wait' | 'error';
  /** When the status was first reached (the history's first event into it). */
  at: string | null;
}

type StepInput = Pick<ConsultationDetailView, 'status' | 'createdAt'> & { history: Pick<ConsultationDetailView['history'][number], 'toStatus' | 'at'>[] };

function reachedAt(c: StepInput, s: ConsultationStatus): string | null {
  if (s === 'requested') return c.createdAt;
  return c.history.find((e) => e.toStatus === s)?.at ?? null;
}

/**
 * The steps to draw: 已申请 → 已排期 → 已出具意见 → 已结束 with when each was reached and the one the
 * consultation waits for; a declined or cancelled one ends in a red step after the statuses it
 * passed (a cancellation may follow a schedule).
 */
export function consultationSteps(c: StepInput): ConsultationStep[] {
  if (c.status === 'declined' || c.status === 'cancelled') {
    const passed = CONSULTATION_PATH.filter((s) => s === 'requested' || c.history.some((e) => e.toStatus === s));
    return [...passed.map((s): ConsultationStep => ({ status: s, state: 'finish', at: reachedAt(c, s) })), { status: c.status, state: 'error', at: reachedAt(c, c.status) }];
  }
  const reached = CONSULTATION_PATH.indexOf(c.status);
  return CONSULTATION_PATH.map((s, i) => ({
    status: s,
    state: i <= reached ? 'finish' : i === reached + 1 ? 'process' : 'wait',
    at: i <= reached ? reachedAt(c, s) : null,
  }));
}
