import { ageOn } from '@yigong/domain';
import type { EncounterResident, EncounterUnits } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import { AggregateDeltas, applyDeltas, bulkCopyEncounterChunks } from '../modules/encounters/index.ts';
import { EncounterThread } from './encounter-thread.ts';
import { encounterChunks, type EncounterJob } from './encounter-rows.ts';

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
 * Loads a community's synthetic encounters over the last `months` months (default: 12 full months
 * and the current month to yesterday) with COPY, through the same row builder and counters as the
 * ingest path, and adds their aggregates. A worker thread builds and encodes the rows while this
 * thread copies the ones already built (issue #11: start-up). The caller analyses the tables.
 */
export async function loadEncounters(ctx: Pick<AppContext, 'db' | 'cipher'>, communityId: string, asOf: string, seed: number, months = 13, onProgress?: (rows: number) => void): Promise<number> {
  const pop = await encounterPopulation(ctx, communityId, asOf);
  if (!pop) return 0;
  const yesterday = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const job: EncounterJob = {
    communityId, months: monthsUpTo(asOf, months), seed, yesterday, residents: pop.residents, units: pop.units,
    byNumber: [...pop.byNumber].map(([n, r]) => [n, r.id, r.hash]), byCode: [...pop.byCode].map(([code, o]) => [code, o.id, o.kind]),
    hashKey: new Uint8Array(ctx.cipher.lookupKey()),
  };
  // A small community is built on this thread: starting a worker (its modules) costs more than its rows.
  const inThread = pop.residents.length < WORKER_FROM_RESIDENTS ? new AggregateDeltas() : null;
  const run = inThread ? null : new EncounterThread().run(job);
  let n = 0;
  async function* counted() {
    for await (const chunk of run ? run.chunks : encounterChunks(job, inThread!)) {
      yield chunk;
      const before = n;
      n += chunk.rows;
      if (onProgress && Math.floor(n / 100_000) > Math.floor(before / 100_000)) onProgress(n);
    }
  }
  const stored = await bulkCopyEncounterChunks(ctx.db, counted());
  const deltas = run ? AggregateDeltas.fromSnapshot(await run.deltas) : inThread!;
  await ctx.db.transaction((tx) => applyDeltas(tx, communityId, deltas));
  return stored;
}

/** `loadEncounters`, then fresh statistics. */
export async function seedEncounters(ctx: Pick<AppContext, 'db' | 'cipher'>, communityId: string, asOf: string, seed: number, months = 13, onProgress?: (rows: number) => void): Promise<number> {
  const stored = await loadEncounters(ctx, communityId, asOf, seed, months, onProgress);
  await analyzeEncounters(ctx.db);
  return stored;
}

/** Fresh statistics after a bulk load of encounters. */
export function analyzeEncounters(db: Pick<AppContext['db'], 'exec'>): Promise<void> {
  return db.exec('analyze encounter, encounter_agg');
}

/** Residents from which a community's encounters are built on a worker thread. */
const WORKER_FROM_RESIDENTS = 5_000;
