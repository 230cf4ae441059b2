import type { IngestResult } from '@yigong/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { AggregateDeltas } from './aggregate-deltas.ts';
import { buildEncounterRow } from './encounter-row.ts';
import * as repo from './encounters.repository.ts';
import type { Valid } from './ingest-validate.ts';

type Probed = [Map<string, { id: string; community_id: string }>, Map<string, repo.StoredEncounter>];

/** Full chunks that may wait for the writer (their probes already sent) before the reader must wait. */
const QUEUED_CHUNKS = 1;
/**
 * Chunks whose written versions overlay later probes: a probe is sent when its chunk is queued,
 * while up to QUEUED_CHUNKS chunks wait, one is being built and one is still being copied — their
 * writes may not be visible to it (one more for margin).
 */
const OVERLAY_CHUNKS = QUEUED_CHUNKS + 3;

/**
 * The chunks of one batch, written in the batch's transaction as a pipeline (issue #11 item 1).
 * The reader (the request's lines, validated) queues full chunks and goes on reading; when a chunk
 * is queued its probes (source locks, MPI, stored versions) are sent at once. A writer takes the
 * chunks in order: waits for its probes and for the previous chunk's COPY, then builds the rows
 * and streams them into `encounter` with COPY while the reader validates the next lines. The
 * reader waits only when QUEUED_CHUNKS chunks are waiting (back-pressure on the request), so at
 * most QUEUED_CHUNKS + 3 chunks are held.
 *
 * A chunk's probes may run before the writes of the chunks ahead of it have reached the database,
 * so they may miss versions this batch wrote there: the versions written by the last
 * OVERLAY_CHUNKS chunks are kept and take precedence over what a probe returned. Older writes had
 * ended before the probe was sent on the one connection, so it sees them.
 */
export class IngestBatch {
  readonly deltas = new AggregateDeltas();
  private inFlight: Promise<void> = Promise.resolve();
  private readonly queue: { chunk: readonly Valid[]; probes: Promise<Probed> }[] = [];
  private writer: Promise<void> | null = null;
  private failure: unknown = null;
  private spaceFreed: (() => void) | null = null;
  private readonly lockedSources = new Set<string>();
  private overlay: Map<string, repo.StoredEncounter>[] = [];

  constructor(private readonly tx: Tx, private readonly communityId: string, private readonly result: IngestResult) {}

  /** Queues a full chunk (its probes sent now); waits while QUEUED_CHUNKS chunks wait for the writer. */
  async push(chunk: readonly Valid[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (!chunk.length) return;
    const probes = this.probe(chunk);
    // Handled when the chunk is written; never an unhandled rejection meanwhile.
    probes.catch(() => undefined);
    this.queue.push({ chunk, probes });
    this.writer ??= this.drain();
    while (this.queue.length > QUEUED_CHUNKS && !this.failure) await new Promise<void>((resolve) => (this.spaceFreed = resolve));
    if (this.failure) throw this.failure;
  }

  /** Writes what is queued and waits for every write; the first error of any write is thrown. */
  async finish(): Promise<void> {
    await this.writer;
    if (this.failure) throw this.failure;
    await this.inFlight;
  }

  /**
   * Stops after a failure of the reader (a broken request, a bad body): no chunk is written after
   * this, and what was already sent is waited for, so nothing runs on the transaction after it ends.
   */
  async abort(reason: unknown): Promise<void> {
    this.failure ??= reason;
    this.queue.length = 0;
    await this.writer;
    await this.inFlight.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next && !this.failure; next = this.queue.shift()) {
        this.spaceFreed?.();
        this.spaceFreed = null;
        await this.write(next.chunk, next.probes);
      }
    } catch (e) {
      this.failure = e;
      this.spaceFreed?.();
    } finally {
      this.writer = null;
    }
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
    const [residents, stored] = await probes;
    if (this.failure) return;
    const written = new Map<string, repo.StoredEncounter>();
    const overlay = this.overlay;
    this.overlay = [written, ...overlay].slice(0, OVERLAY_CHUNKS);
    const storedVersion = (key: string): repo.StoredEncounter | undefined => {
      let v = written.get(key);
      for (let i = 0; v === undefined && i < overlay.length; i++) v = overlay[i]!.get(key);
      return v ?? stored.get(key);
    };
    // The chunk is built here, while the database still copies the chunk before (issue #11 item 1):
    // new keys become COPY lines, versions already stored (a correction, or a key repeated within
    // the batch) are updated after the COPY, the last one winning. A turn of the event loop every
    // BUILD_SLICE rows lets the connection send the next statement when the one before ends.
    const lines: string[] = [];
    const updates = new Map<string, repo.EncounterRow>();
    const { communityId, result, deltas } = this;
    for (let i = 0; i < chunk.length; i++) {
      if (i > 0 && i % BUILD_SLICE === 0) await nextTurn();
      const v = chunk[i]!;
      const key = `${v.record.source}\u0000${v.record.id}`;
      const built = buildEncounterRow(communityId, v.record, v.organization, residents.get(v.idHash) ?? null, v.idHash);
      const old = storedVersion(key);
      if (old?.contentHash === built.row.contentHash) {
        result.duplicates++;
        continue;
      }
      // docs/domain/encounters.md: a corrected version replaces the earlier one — take its counters out first.
      if (old) deltas.add(old.contribution, -1);
      deltas.add(built.contribution);
      written.set(key, { contentHash: built.row.contentHash, contribution: built.contribution });
      result.accepted++;
      if (old) updates.set(key, built.row);
      else lines.push(repo.encounterCopyLine(built.row));
    }
    if (this.failure) return;
    // Sent at once: the transaction runs its statements in the order they were sent, so this
    // chunk's writes follow the chunk before and precede every probe sent after this line.
    const writes = Promise.all([this.inFlight, repo.copyEncounterLines(this.tx, lines), repo.upsertEncounters(this.tx, communityId, [...updates.values()])]);
    this.inFlight = writes.then(() => undefined);
    // The first error of any write stops the building of later chunks; finish() throws it.
    this.inFlight.catch((e: unknown) => {
      this.failure ??= e;
    });
  }
}

/** Rows built between two turns of the event loop. */
const BUILD_SLICE = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
