import type { Sql } from '../../platform/db/database.ts';
import type { AggregateDeltas } from './aggregate-deltas.ts';
import * as repo from './encounters.repository.ts';

// The monthly counters (encounter_agg, encounter_disease_agg) belong to the encounters module: the
// ingest adds each batch's deltas in its own transaction. The indicators module reads them and
// rebuilds them (full recompute) through these calls only (index.ts), so the dependency points one
// way: indicators → encounters. Thin calls of the repository, in the caller's transaction; the
// caller has checked permissions.

/** Sums of the counters over months, for the community or one unit. */
export function sumAggregates(sql: Sql, communityId: string, months: readonly string[], organizationId: string | null): Promise<Record<string, number>> {
  return repo.sumAggregates(sql, communityId, months, organizationId);
}

/** The same sums month by month (the trend), keyed by the month's first day. */
export function sumAggregatesByMonth(sql: Sql, communityId: string, months: readonly string[], organizationId: string | null): Promise<Map<string, Record<string, number>>> {
  return repo.sumAggregatesByMonth(sql, communityId, months, organizationId);
}

/** The same sums per in-county unit (the ranking of member units). */
export function sumAggregatesByUnit(sql: Sql, communityId: string, months: readonly string[]): Promise<Map<string, Record<string, number>>> {
  return repo.sumAggregatesByUnit(sql, communityId, months);
}

/** Did any out-of-county (insurance) data arrive for these months? */
export function hasOutOfCountyData(sql: Sql, communityId: string, months: readonly string[]): Promise<boolean> {
  return repo.hasOutOfCountyData(sql, communityId, months);
}

/** The ten diseases most often treated out of county (discharges) in these months. */
export function topDiseases(sql: Sql, communityId: string, months: readonly string[]) {
  return repo.topDiseases(sql, communityId, months);
}

/** Empties a community's counters (the start of a full recompute, in its transaction). */
export function clearAggregates(sql: Sql, communityId: string): Promise<void> {
  return repo.clearAggregates(sql, communityId);
}

/** Writes deltas to the counters (a full recompute, the demo seed). */
export function applyDeltas(sql: Sql, communityId: string, d: AggregateDeltas): Promise<void> {
  return repo.applyDeltas(sql, communityId, d);
}

/** One page of a community's stored encounters in key order, after (source, id). */
export function encounterPage(sql: Sql, communityId: string, after: { source: string; id: string } | null, limit: number) {
  return repo.encounterPage(sql, communityId, after, limit);
}
