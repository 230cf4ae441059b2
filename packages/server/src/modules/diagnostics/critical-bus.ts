import { EventEmitter } from 'node:events';

/**
 * Critical values raised or escalated in this process, for the open server-sent-event streams
 * (GET /critical-values/stream). Emitted after the writing transaction commits; each stream
 * decides with the list query's audience rule whether its caller is concerned. Several server
 * processes on one PostgreSQL would need LISTEN/NOTIFY here (not built: one process serves a county).
 */
export interface CriticalSignal {
  communityId: string;
  id: string;
  orderingUserId: string;
  orderingOrganizationId: string;
  stage: 'doctor' | 'unit_head' | 'medical_department';
  kind: 'raised' | 'escalated' | 'acknowledged';
}

const bus = new EventEmitter();
bus.setMaxListeners(10_000);

export function publishCritical(signals: readonly CriticalSignal[]): void {
  for (const s of signals) bus.emit('critical', s);
}

export function subscribeCritical(listener: (s: CriticalSignal) => void): () => void {
  bus.on('critical', listener);
  return () => bus.off('critical', listener);
}
