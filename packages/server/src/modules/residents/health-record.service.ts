import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@yigong/domain';
import type { AddObservationRequest, AddProblemRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './residents.repository.ts';
import { requireResidentAccess } from './residents.service.ts';
import { refreshSigningRates } from '../rate-summaries/index.ts';

const UNITS: Record<AddObservationRequest['kind'], string> = {
  blood_pressure: 'mmHg', fasting_glucose: 'mmol/L', random_glucose: 'mmol/L', height: 'cm', weight: 'kg',
};
// Plausibility bounds: a value outside is a typing error, not a measurement.
const BOUNDS: Record<AddObservationRequest['kind'], [number, number]> = {
  blood_pressure: [40, 300], fasting_glucose: [1, 40], random_glucose: [1, 40], height: [30, 250], weight: [1, 300],
};

/** Adds a problem (ICD-10 coded) to the record; idempotent on the client id. */
export async function addProblem(ctx: AppContext, actor: Actor, residentId: string, input: AddProblemRequest) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, residentId, 'resident.update', ctx.clock.now());
    const code = await repo.icd10Exists(tx, input.code);
    if (!code) throw new DomainError('VALIDATION_FAILED', `未知的 ICD-10 编码：${input.code}`, { field: 'code' });
    const id = input.id ?? randomUUID();
    const existing = (await repo.listProblems(tx, row.community_id, residentId)).find((p) => p.id === id);
    if (existing) return existing;
    await repo.insertProblem(tx, row.community_id, residentId, { id, code: input.code, onsetDate: input.onsetDate ?? null, recordedBy: actor.userId });
    await refreshSigningRates(tx, row.community_id, [residentId]);
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'resident.problem_add', resourceType: 'resident_problem', resourceId: id, residentId, details: { code: input.code } });
    return (await repo.listProblems(tx, row.community_id, residentId)).find((p) => p.id === id)!;
  });
}

/** Records an observation (BP, glucose, height, weight) with plausibility checks. */
export async function addObservation(ctx: AppContext, actor: Actor, residentId: string, input: AddObservationRequest) {
  const [lo, hi] = BOUNDS[input.kind];
  for (const [field, v] of [['value', input.value], ['value2', input.value2]] as const) {
    if (v != null && (v < lo || v > hi)) throw new DomainError('VALIDATION_FAILED', `数值超出合理范围（${lo}–${hi}）`, { field });
  }
  if (Date.parse(input.observedAt) > ctx.clock.now().getTime() + 5 * 60_000) throw new DomainError('VALIDATION_FAILED', '测量时间不能晚于当前时间', { field: 'observedAt' });
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, residentId, 'resident.update', ctx.clock.now());
    const id = input.id ?? randomUUID();
    const existing = (await repo.listObservations(tx, row.community_id, residentId)).find((o) => o.id === id);
    if (existing) return existing;
    await repo.insertObservation(tx, row.community_id, residentId, {
      id, kind: input.kind, value: input.value, value2: input.value2 ?? null, unit: UNITS[input.kind], observedAt: input.observedAt,
      organizationId: actor.organizationId && actor.scope.kind !== 'region' && 'communityId' in actor.scope && actor.scope.communityId === row.community_id ? actor.organizationId : null,
      recordedBy: actor.userId, clientRecordedAt: input.clientRecordedAt ?? null,
    });
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'resident.observation_add', resourceType: 'observation', resourceId: id, residentId, details: { kind: input.kind } });
    return (await repo.listObservations(tx, row.community_id, residentId)).find((o) => o.id === id)!;
  });
}
