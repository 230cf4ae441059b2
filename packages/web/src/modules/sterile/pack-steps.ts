import type { PackDetailView } from '@yigong/contracts';
import type { PackEventKind, PackStatus } from '@yigong/domain';

/** The path of a pack that reaches a patient (docs/domain/sterile-supply.md "Pack states"): 灭菌 → 放行 → 发放 → 使用. */
export const PACK_PATH = ['sterilised', 'released', 'delivered', 'used'] as const satisfies readonly PackEventKind[];
type PathKind = (typeof PACK_PATH)[number];

/** Statuses that leave the path: the step after the last one reached is drawn red. */
const OFF_PATH: ReadonlySet<PackStatus> = new Set(['returned', 'expired', 'recalled']);

type Event = Pick<PackDetailView['events'][number], 'kind' | 'at' | 'organizationName' | 'residentId'>;

export interface PackStep {
  kind: PathKind | 'returned' | 'expired' | 'recalled';
  /** finish: reached; process: what the pack waits for; wait: later; error: it left the path here. */
  state: 'finish' | 'process' | 'wait' | 'error';
  /** When the pack (last) reached it. */
  at: string | null;
  /** Where: the unit it was delivered to or used at. */
  organizationName: string | null;
}

/** The last event of a kind (a pack returned intact goes round again: its latest delivery counts). */
function lastOf(events: readonly Event[], kind: PackEventKind): Event | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.kind === kind) return events[i];
  return undefined;
}

const step = (kind: PackStep['kind'], state: PackStep['state'], e: Event | undefined): PackStep => ({
  kind,
  state,
  at: state === 'finish' || state === 'error' ? (e?.at ?? null) : null,
  organizationName: state === 'finish' || state === 'error' ? (e?.organizationName ?? null) : null,
});

/**
 * The steps to draw for a pack of `status` with its events (oldest first): the path up to where it
 * is, what it waits for next, the rest. A pack returned for reprocessing, expired or recalled ends
 * in a red step after the last path step its events reached.
 */
export function packSteps(status: PackStatus, events: readonly Event[]): PackStep[] {
  if (OFF_PATH.has(status)) {
    const reached = PACK_PATH.filter((k) => lastOf(events, k));
    const last = reached.length === 0 ? 0 : PACK_PATH.indexOf(reached[reached.length - 1]!) + 1;
    return [
      ...PACK_PATH.slice(0, Math.max(1, last)).map((k) => step(k, lastOf(events, k) ? 'finish' : 'wait', lastOf(events, k))),
      step(status as PackStep['kind'], 'error', lastOf(events, status as PackEventKind)),
    ];
  }
  const at = PACK_PATH.indexOf(status as PathKind);
  return PACK_PATH.map((k, i) => step(k, i <= at ? 'finish' : i === at + 1 ? 'process' : 'wait', lastOf(events, k)));
}
