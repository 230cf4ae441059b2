import { generateEncounters, type EncounterResident, type EncounterUnits } from '@yigong/synth';
import { AggregateDeltas, buildEncounterRow, encounterCopyLine } from '../modules/encounters/index.ts';
import { CopyChunker, type CopyChunk } from '../platform/db/database.ts';
import { idNumberLookupHash } from '../platform/crypto/id-number-cipher.ts';

/** Everything the synthetic encounters of one community are made from: plain data, so it crosses to a worker thread. */
export interface EncounterJob {
  communityId: string;
  months: string[];
  seed: number;
  /** The last day with encounters. */
  yesterday: string;
  residents: EncounterResident[];
  units: EncounterUnits;
  /** [ID number, resident id, lookup hash] of the community's residents. */
  byNumber: [string, string, string][];
  /** [unit code, organisation id, kind]. */
  byCode: [string, string, string][];
  /** The lookup-hash key: visitors' ID numbers are hashed as the ingest path hashes them. */
  hashKey: Uint8Array;
  /** Rows a chunk (default 20,000). */
  rowsPerChunk?: number;
}

/**
 * The synthetic encounters of a job as COPY chunks, through the same row builder and counters as
 * the ingest path; `deltas` holds the aggregates of every row yielded so far.
 */
export function* encounterChunks(job: EncounterJob, deltas: AggregateDeltas): Generator<CopyChunk> {
  const byNumber = new Map(job.byNumber.map(([n, id, hash]) => [n, { id, community_id: job.communityId, hash }]));
  const byCode = new Map(job.byCode.map(([code, id, kind]) => [code, { id, kind }]));
  const hashKey = Buffer.from(job.hashKey);
  const chunker = new CopyChunker(job.rowsPerChunk ?? 20_000);
  for (const r of generateEncounters(job.residents, job.units, job.months, job.seed, job.yesterday)) {
    // Visitors (floating population) resolve to no resident, as the ingest path counts them.
    const who = byNumber.get(r.residentIdNumber) ?? null;
    const built = buildEncounterRow(job.communityId, r, r.outOfCounty ? null : (byCode.get(r.orgCode) ?? null), who, who?.hash ?? idNumberLookupHash(hashKey, r.residentIdNumber));
    deltas.add(built.contribution);
    const chunk = chunker.add(encounterCopyLine(built.row));
    if (chunk) yield chunk;
  }
  const last = chunker.end();
  if (last) yield last;
}
