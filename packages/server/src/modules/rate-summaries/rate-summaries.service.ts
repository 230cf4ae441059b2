import { summaryCellChanges } from '@yigong/domain';
import type { Database, Sql } from '../../platform/db/database.ts';
import { CHRONIC, SIGNING, type RateSummaryKind } from './rate-summary-sql.ts';
import * as repo from './rate-summaries.repository.ts';

/**
 * Keeps the rate summaries (docs/domain/rate-summaries.md) in the writing transaction. Every
 * write that changes what a rate reads calls one of these with the things it touched — the
 * services of chronic, family-doctor and residents, the seeds after their COPYs. (Until migration
 * 0016 database triggers did this; Citus refuses them on distributed tables.)
 */
async function refresh(tx: Sql, kind: RateSummaryKind, communityId: string, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await repo.lockCommunitySummaries(tx, communityId);
  const before = await repo.storedPoints(tx, kind, communityId, unique);
  const after = await repo.derivedPoints(tx, kind, communityId, unique);
  const kept = new Set(after.map((p) => p.key));
  await repo.putPoints(tx, kind, communityId, after);
  await repo.deletePoints(tx, kind, communityId, before.filter((p) => !kept.has(p.key)).map((p) => p.key));
  await repo.addCellChanges(tx, kind, communityId, summaryCellChanges(before, after, kind.countColumns.length));
}

/** After a chronic enrolment or its follow-ups were written (created, corrected, ended, deleted). */
export function refreshChronicRates(tx: Sql, communityId: string, enrollmentIds: readonly string[]): Promise<void> {
  return refresh(tx, CHRONIC, communityId, enrollmentIds);
}

/** After a resident, their problems or their contracts were written. */
export function refreshSigningRates(tx: Sql, communityId: string, residentIds: readonly string[]): Promise<void> {
  return refresh(tx, SIGNING, communityId, residentIds);
}

/** After residents' birth dates changed: the chronic rates read their age. */
export async function refreshChronicRatesOfResidents(tx: Sql, communityId: string, residentIds: readonly string[]): Promise<void> {
  if (residentIds.length === 0) return;
  await refreshChronicRates(tx, communityId, await repo.enrollmentsOfResidents(tx, communityId, residentIds));
}

const REBUILD_CHUNK = 5_000;

/** Derives a community's summaries from scratch, in chunks, in one transaction (bulk loads; the incremental ones must equal it — tested). */
export async function rebuildRateSummaries(db: Database, communityId: string, which: readonly ('chronic' | 'signing')[] = ['chronic', 'signing']): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.lockCommunitySummaries(tx, communityId);
    for (const kind of [CHRONIC, SIGNING].filter((k) => which.includes(k.name))) {
      await repo.clearSummary(tx, kind, communityId);
      const keys = await repo.allKeys(tx, kind, communityId);
      for (let i = 0; i < keys.length; i += REBUILD_CHUNK) await refresh(tx, kind, communityId, keys.slice(i, i + REBUILD_CHUNK));
    }
  });
}
