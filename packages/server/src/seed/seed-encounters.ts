import { ageOn } from '@yigong/domain';
import { generateEncounters, type EncounterResident, type EncounterUnits } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import { AggregateDeltas, applyDeltas, bulkCopyEncounters, buildEncounterRow, type EncounterRow } from '../modules/encounters/index.ts';

/** A community's residents and units as the encounter generator needs them. */
export interface EncounterPopulation {
  residents: EncounterResident[];
  units: EncounterUnits;
  /** Resident by ID number: id, home community and lookup hash. */
  byNumber: Map<string, { id: string; community_id: string; hash: string }>;
  byCode: Map<string, { id: string; kind: string }>;
}

/** Reads the population of a community (decrypting ID numbers) for synthetic encounters. */
export async function encounterPopulation(ctx: Pick<AppContext, 'db' | 'cipher'>, communityId: string, asOf: string, limit: number | null = null): Promise<EncounterPopulation | null> {
  const orgs = (await ctx.db.query<{ id: string; code: string; kind: string; parent_id: string | null }>('select id, code, kind, parent_id from organization where community_id = $1', [communityId])).rows;
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const lead = orgs.find((o) => o.kind === 'lead_hospital');
  if (!lead) return null;
  const people = (await ctx.db.query<{ id: string; id_number_enc: string; id_number_hash: string; birth_date: string; sex: 'male' | 'female'; organization_id: string }>(
    `select id, id_number_enc, id_number_hash, birth_date::text, sex, organization_id from resident where community_id = $1 and status = 'active' order by id limit $2`, [communityId, limit])).rows;
  const residents: EncounterResident[] = people.map((p) => {
    const unit = byId.get(p.organization_id);
    const clinic = unit && (unit.kind === 'village_clinic' || unit.kind === 'community_station') ? unit : null;
    const township = clinic ? byId.get(clinic.parent_id ?? '') : unit;
    return { idNumber: ctx.cipher.decrypt(p.id_number_enc), age: ageOn(p.birth_date, asOf), sex: p.sex, clinicCode: clinic?.code ?? null, townshipCode: township && township.kind !== 'lead_hospital' ? township.code : null };
  });
  return {
    residents,
    units: { lead: lead.code, tcm: orgs.find((o) => o.kind === 'tcm_hospital')?.code ?? null, maternalChild: orgs.find((o) => o.kind === 'maternal_child_hospital')?.code ?? null },
    byNumber: new Map(people.map((p, i) => [residents[i]!.idNumber, { id: p.id, community_id: communityId, hash: p.id_number_hash }])),
    byCode: new Map(orgs.map((o) => [o.code, { id: o.id, kind: o.kind }])),
  };
}

/** The last `months` months up to `asOf` (YYYY-MM), oldest first. */
export function monthsUpTo(asOf: string, months: number): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => new Date(Date.UTC(y, m - months + i, 1)).toISOString().slice(0, 7));
}

/**
 * Synthetic encounters for a community over the last `months` months (default: 12 full months and
 * the current month to yesterday), loaded with COPY through the same row builder and counters as
 * the ingest path, so the dashboard has data on first start.
 */
export async function seedEncounters(ctx: Pick<AppContext, 'db' | 'cipher'>, communityId: string, asOf: string, seed: number, months = 13, onProgress?: (rows: number) => void): Promise<number> {
  const pop = await encounterPopulation(ctx, communityId, asOf);
  if (!pop) return 0;
  const yesterday = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const deltas = new AggregateDeltas();
  let n = 0;
  function* rows(): Generator<EncounterRow> {
    for (const r of generateEncounters(pop!.residents, pop!.units, monthsUpTo(asOf, months), seed, yesterday)) {
      // Visitors (floating population) resolve to no resident, as the ingest path counts them.
      const who = pop!.byNumber.get(r.residentIdNumber) ?? null;
      const built = buildEncounterRow(communityId, r, r.outOfCounty ? null : (pop!.byCode.get(r.orgCode) ?? null), who, who?.hash ?? ctx.cipher.lookupHash(r.residentIdNumber));
      deltas.add(built.contribution);
      if (onProgress && ++n % 100_000 === 0) onProgress(n);
      yield built.row;
    }
  }
  const stored = await bulkCopyEncounters(ctx.db, rows());
  await ctx.db.transaction((tx) => applyDeltas(tx, communityId, deltas));
  await ctx.db.exec('analyze encounter, encounter_agg');
  return stored;
}
