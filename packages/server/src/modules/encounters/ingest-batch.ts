import type { EncounterRecord } from '@yigong/domain';
import type { IngestResult } from '@yigong/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { AggregateDeltas } from './aggregate-deltas.ts';
import { buildEncounterRow } from './encounter-row.ts';
import * as repo from './encounters.repository.ts';

/** A line that passed validation. */
export interface Valid {
  line: number;
  record: EncounterRecord;
  idHash: string;
  organization: { id: string; kind: string } | null;
}

type Probed = [Map<string, { id: string; community_id: string }>, Map<string, repo.StoredEncounter>];

/** Chunks whose written versions overlay the probes of later chunks (see `IngestBatch`). */
const OVERLAY_CHUNKS = 3;

/**
 * The chunks of one batch, written in the batch's transaction as a pipeline (issue #11 item 1):
 * when a chunk is full its probes (source locks, MPI, stored versions) are sent at once and the
 * chunk waits; the chunk before it is then built and streamed into `encounter` with COPY while the
 * caller validates the next lines. The database thus works on chunk n while Node validates chunk
 * n + 1 and builds chunk n − 1; at most three chunks are held (back-pressure on the request).
 *
 * A chunk's probes are sent before the writes of the one or two chunks ahead of it have reached
 * the database, so they may miss versions this batch wrote there: the versions written by the last
 * OVERLAY_CHUNKS chunks are kept and take precedence over what a probe returned. Older writes were
 * queued on the one connection before the probe and are seen by it.
 */
export class IngestBatch {
  readonly deltas = new AggregateDeltas();
  private inFlight: Promise<void> = Promise.resolve();
  private pending: { chunk: readonly Valid[]; probes: Promise<Probed> } | null = null;
  private readonly lockedSources = new Set<string>();
  private overlay: Map<string, repo.StoredEncounter>[] = [];

  constructor(private readonly tx: Tx, private readonly communityId: string, private readonly result: IngestResult) {}

  /** Takes a full chunk: sends its probes, then writes the chunk taken before it. */
  async push(chunk: readonly Valid[]): Promise<void> {
    if (!chunk.length) return;
    const probes = this.probe(chunk);
    // Handled when the chunk is written; never an unhandled rejection meanwhile.
    probes.catch(() => undefined);
    const previous = this.pending;
    this.pending = { chunk, probes };
    if (previous) await this.write(previous.chunk, previous.probes);
  }

  /** Writes the last chunk and waits for every write. */
  async finish(): Promise<void> {
    const last = this.pending;
    this.pending = null;
    if (last) await this.write(last.chunk, last.probes);
    await this.inFlight;
  }

  private probe(chunk: readonly Valid[]): Promise<Probed> {
    const locks = [...new Set(chunk.map((v) => v.record.source))].filter((s) => !this.lockedSources.has(s)).map((source) => {
      this.lockedSources.add(source);
      return repo.lockSource(this.tx, this.communityId, source);
    });
    const residents = repo.residentsByHash(this.tx, [...new Set(chunk.map((v) => v.idHash))]);
    const stored = repo.existing(this.tx, this.communityId, chunk.map((v) => ({ source: v.record.source, id: v.record.id })));
    return Promise.all([Promise.all(locks), residents, stored]).then(([, r, s]) => [r, s]);
  }

  private async write(chunk: readonly Valid[], probes: Promise<Probed>): Promise<void> {
    // The previous write's error (if any) surfaces here; one write in flight at a time.
    const [, [residents, stored]] = await Promise.all([this.inFlight, probes]);
    const written = new Map<string, repo.StoredEncounter>();
    const overlay = this.overlay;
    this.overlay = [written, ...overlay].slice(0, OVERLAY_CHUNKS);
    const storedVersion = (key: string): repo.StoredEncounter | undefined => {
      let v = written.get(key);
      for (let i = 0; v === undefined && i < overlay.length; i++) v = overlay[i]!.get(key);
      return v ?? stored.get(key);
    };
    // New keys stream into `encounter` with COPY as they are built; versions already stored (a
    // correction, or a key repeated within the batch) are updated after it, the last one winning.
    const updates = new Map<string, repo.EncounterRow>();
    const { communityId, result, deltas } = this;
    function* inserts(): Generator<repo.EncounterRow> {
      for (const v of chunk) {
        const key = `${v.record.source}\u0000${v.record.id}`;
        const built = buildEncounterRow(communityId, v.record, v.organization, residents.get(v.idHash) ?? null, v.idHash);
        const old = storedVersion(key);
        if (old?.contentHash === built.row.contentHash) {
          result.duplicates++;
          continue;
        }
        // ENCOUNTERS.md: a corrected version replaces the earlier one — take its counters out first.
        if (old) deltas.add(old.contribution, -1);
        deltas.add(built.contribution);
        written.set(key, { contentHash: built.row.contentHash, contribution: built.contribution });
        result.accepted++;
        if (old) updates.set(key, built.row);
        else yield built.row;
      }
    }
    const tx = this.tx;
    this.inFlight = (async () => {
      await repo.insertNewEncounters(tx, inserts());
      await repo.upsertEncounters(tx, communityId, [...updates.values()]);
    })();
    // Handled by the next write() or finish(); never an unhandled rejection meanwhile.
    this.inFlight.catch(() => undefined);
  }
}
