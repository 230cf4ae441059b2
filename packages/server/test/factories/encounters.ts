import type { TestPlatform } from '../test-platform.ts';

/** An outpatient visit of the encounter feed (docs/domain/encounters.md), valid as it stands; `over` changes fields. */
export function outpatientRecord(over: { id: string; source: string; orgCode: string; residentIdNumber: string } & Record<string, unknown>): Record<string, unknown> {
  return { outOfCounty: false, type: 'outpatient', start: '2025-04-02', diagnoses: [{ code: 'J06.9', primary: true }], totalCost: 8000, fundPaid: 5000, outOfPocket: 2000, ...over };
}

/** How many encounters of `source` the community has stored. */
export async function storedEncounters(p: TestPlatform, communityId: string, source: string): Promise<number> {
  const { rows } = await p.ctx.db.query<{ n: number }>('select count(*)::int as n from encounter where community_id = $1 and source = $2', [communityId, source]);
  return Number(rows[0]!.n);
}
