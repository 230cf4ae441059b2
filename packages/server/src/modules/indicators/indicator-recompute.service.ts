import { contributions, primaryCategory, type EncounterRecord } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import { listOrganizationRefs } from '../org/index.ts';
import * as encounters from '../encounters/index.ts';
import { AggregateDeltas, outTransferDisease } from '../encounters/index.ts';

/**
 * Full recompute of a community's aggregates from the stored encounters with the same pure
 * `contributions` — it must give the values the incremental path gave (tested).
 */
const RECOMPUTE_PAGE = 20_000;

export async function recomputeAggregates(ctx: AppContext, communityId: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await encounters.clearAggregates(tx, communityId);
    const kinds = new Map((await listOrganizationRefs(tx, communityId)).map((o) => [o.id, o.kind]));
    const deltas = new AggregateDeltas();
    let n = 0;
    for (let page = await encounters.encounterPage(tx, communityId, null, RECOMPUTE_PAGE); page.length; page = await encounters.encounterPage(tx, communityId, page.at(-1)!, RECOMPUTE_PAGE)) {
      n += page.length;
      for (const r of page) {
      const record: EncounterRecord = {
        id: r.id, source: r.source, orgCode: r.org_code, outOfCounty: r.out_of_county, residentIdNumber: '', type: r.type, start: r.start_date, end: r.end_date,
        diagnoses: r.diagnoses, procedures: r.procedures, totalCost: r.total_cost, fundPaid: r.fund_paid, outOfPocket: r.out_of_pocket,
        drg: r.drg_code ? { code: r.drg_code, weight: Number(r.drg_weight) } : null,
      };
      const contrib = contributions(record, { organizationKind: r.organization_id ? (kinds.get(r.organization_id) ?? null) : null, communityResident: r.community_resident });
      deltas.add({ contrib: contrib as Record<string, number>, periodMonth: r.period_month, organizationId: r.organization_id, disease: outTransferDisease(record, r.community_resident, primaryCategory(record)) });
      }
    }
    await encounters.applyDeltas(tx, communityId, deltas);
    return n;
  });
}

