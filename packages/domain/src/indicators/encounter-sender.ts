import type { EncounterRecord } from './encounter-record.ts';

/**
 * Who sends encounters, and what each sender may send (docs/domain/encounters.md "Senders"):
 * - `community`: a manager or admin of the community relays any unit's feed;
 * - `insurance`: the insurance agency sends care outside the county (`outOfCounty`, source `insurance`);
 * - `organization`: a unit's integration account sends only its own encounters — source is its own
 *   code and care happened at it or a unit it runs (a township centre's HIS serves its village clinics).
 */
export type EncounterSender =
  | { kind: 'community' }
  | { kind: 'insurance' }
  | { kind: 'organization'; code: string; unitCodes: ReadonlySet<string> };

export const INSURANCE_SOURCE = 'insurance';

/** Why `sender` may not send `record`, or null when it may. */
export function senderRefusal(sender: EncounterSender, record: Pick<EncounterRecord, 'source' | 'orgCode' | 'outOfCounty'>): string | null {
  switch (sender.kind) {
    case 'community':
      return null;
    case 'insurance':
      if (!record.outOfCounty) return '医保账号只能报送县外就诊';
      return record.source === INSURANCE_SOURCE ? null : `医保账号报送的 source 须为 ${INSURANCE_SOURCE}`;
    case 'organization':
      if (record.outOfCounty) return '县外就诊由医保经办机构报送';
      if (record.source !== sender.code) return `本机构账号报送的 source 须为本机构编码 ${sender.code}`;
      return sender.unitCodes.has(record.orgCode) ? null : `机构 ${record.orgCode} 不属于本账号的机构`;
  }
}
