import { hash } from 'node:crypto';
import { contributions, periodMonth, primaryCategory, type EncounterRecord } from '@yigong/domain';
import type { Contribution } from './aggregate-deltas.ts';
import type { EncounterRow } from './encounters.repository.ts';

/**
 * The stored row of one encounter and what it adds to the aggregates (docs/domain/encounters.md derived
 * classification): shared by the ingest path and the bulk demo seed, so both count alike.
 */
export function buildEncounterRow(communityId: string, r: EncounterRecord, organization: { id: string; kind: string } | null, resident: { id: string; community_id: string } | null, idHash: string): { row: EncounterRow; contribution: Contribution } {
  const communityResident = resident?.community_id === communityId;
  const contrib = contributions(r, { organizationKind: organization?.kind ?? null, communityResident }) as Record<string, number>;
  const icd3 = primaryCategory(r);
  const month = periodMonth(r);
  return {
    contribution: { contrib, periodMonth: month, organizationId: organization?.id ?? null, disease: outTransferDisease(r, communityResident, icd3) },
    row: {
      communityId, source: r.source, id: r.id, organizationId: organization?.id ?? null, orgCode: r.orgCode, outOfCounty: r.outOfCounty,
      residentId: resident?.id ?? null, communityResident, idNumberHash: idHash, type: r.type, start: r.start, end: r.end ?? null,
      periodMonth: month, department: r.department ?? null, diagnoses: r.diagnoses, primaryIcd3: icd3, procedures: r.procedures ?? [],
      totalCost: r.totalCost, fundPaid: r.fundPaid, outOfPocket: r.outOfPocket, referralId: r.referralId ?? null,
      drgCode: r.drg?.code ?? null, drgWeight: r.drg?.weight ?? null, contrib, contentHash: contentHash(r),
    },
  };
}

/** docs/domain/indicators.md 外转前十病种: residents' out-of-county discharges count under their primary category. */
export function outTransferDisease(r: Pick<EncounterRecord, 'outOfCounty' | 'type'>, communityResident: boolean, icd3: string): string | null {
  return r.outOfCounty && communityResident && r.type === 'inpatient' ? icd3 : null;
}

export function contentHash(r: EncounterRecord): string {
  const { id: _i, source: _s, ...content } = r;
  return hash('sha256', JSON.stringify(content), 'hex');
}

