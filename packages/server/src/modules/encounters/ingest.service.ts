import { DomainError, type Actor, type EncounterSender } from '@yigong/domain';
import type { IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/index.ts';
import { IngestBatch } from './ingest-batch.ts';
import { LineValidator, type IngestRules, type Valid } from './ingest-validate.ts';
import type { LineResult } from './encounter-lines.ts';
import * as repo from './encounters.repository.ts';

/**
 * Lines validated and written per chunk (the whole batch is still one transaction); the first chunk
 * is small so the database starts early. Tests pass small sizes to run the pipeline deep.
 */
export interface ChunkSizes {
  first: number;
  rest: number;
}
export const DEFAULT_CHUNKS: ChunkSizes = { first: 500, rest: 1_000 };
/** Lines validated between two turns of the event loop. */
const YIELD_EVERY = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The response lists the first errors; `rejected` counts them all. */
export const MAX_ERRORS = 1000;

/**
 * Ingests one batch of the encounter feed (docs/domain/encounters.md): per-line validation with line-numbered
 * errors, idempotency on (source, id) with replacement on changed content, and the monthly
 * aggregates updated in the same transaction as the rows — so indicators are fresh on response.
 * The batch is ONE transaction: a crash or a cut connection mid-way stores none of it (docs/domain/encounters.md
 * "a batch is never half-stored"), and re-sending it then stores it once. Lines stream through in
 * chunks, so memory stays flat whatever the batch size.
 */
export async function ingestEncounters(ctx: AppContext, actor: Actor, communityId: string, lines: AsyncIterable<LineResult>, chunks: ChunkSizes = DEFAULT_CHUNKS): Promise<IngestResult> {
  const validator = new LineValidator(await ingestRules(ctx, actor, communityId), ctx);
  return ctx.db.transaction(async (tx) => {
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
    const batch = new IngestBatch(tx, communityId, result);
    let chunk: Valid[] = [];
    // A small first chunk sets the database to work early; the rest go at full size.
    let chunkSize = chunks.first;
    // Node validates while the database writes the chunks before (IngestBatch); awaiting a push
    // stops reading the request: back-pressure.
    let n = 0;
    try {
      for await (const l of lines) {
        // Lines already buffered would be validated without a pause, starving the COPY of the chunk
        // before (built in the turns of the event loop): give it a turn now and then.
        if (++n % YIELD_EVERY === 0) await nextTurn();
        const v = validator.check(l);
        if ('code' in v) {
          result.rejected++;
          if (result.errors.length < MAX_ERRORS) result.errors.push(v);
        } else if (chunk.push(v) >= chunkSize) {
          await batch.push(chunk);
          chunk = [];
          chunkSize = chunks.rest;
        }
      }
      await batch.push(chunk);
      await batch.finish();
    } catch (e) {
      // Nothing of this batch may still run when the transaction rolls back.
      await batch.abort(e);
      throw e;
    }
    await repo.applyDeltas(tx, communityId, batch.deltas);
    await recordAudit(tx, actor, { communityId, action: 'encounter.ingest', resourceType: 'encounter', details: { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected } });
    return result;
  });
}

/** Checks the caller may send for this community and resolves what validation needs. */
async function ingestRules(ctx: AppContext, actor: Actor, communityId: string): Promise<IngestRules> {
  const region = await communityRegion(ctx.db, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  const ownOrg = actor.scope.kind === 'organization' ? actor.scope.organizationId : null;
  authorize(actor, 'encounter.ingest', { communityId, regionCode: region, organizationId: ownOrg });
  const orgs = await repo.organizationsByCode(ctx.db, communityId);
  return { orgs, categories: await repo.knownCategories(ctx.db), today: businessDate(ctx.clock), sender: senderOf(actor, orgs) };
}

function senderOf(actor: Actor, orgs: Map<string, { id: string; kind: string }>): EncounterSender {
  const scope = actor.scope;
  if (actor.role === 'insurance_officer') return { kind: 'insurance' };
  if (scope.kind !== 'organization') return { kind: 'community' };
  const units = new Set(actor.organizationIds);
  const codes = [...orgs].filter(([, o]) => units.has(o.id)).map(([code]) => code);
  const own = [...orgs].find(([, o]) => o.id === scope.organizationId)?.[0];
  if (!own) throw new DomainError('VALIDATION_FAILED', '本账号的机构没有机构编码，无法报送', { organizationId: scope.organizationId });
  return { kind: 'organization', code: own, unitCodes: new Set(codes) };
}

/** The community an ingest goes to: the one named, or the sender's only one. */
export function ingestCommunity(actor: Actor, communityId: string | undefined): string {
  const f = requirePermission(actor, 'encounter.ingest');
  if (communityId) return communityId;
  if (f.communityIds?.length === 1) return f.communityIds[0]!;
  throw new DomainError('VALIDATION_FAILED', '请用 ?communityId= 指明医共体', { field: 'communityId' });
}
