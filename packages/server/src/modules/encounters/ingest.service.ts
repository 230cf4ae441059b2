import { DomainError, controlCharacterPath, parseIdNumber, senderRefusal, type Actor, type EncounterSender } from '@yigong/domain';
import { encounterRecord, type IngestError, type IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/index.ts';
import { IngestBatch, type Valid } from './ingest-batch.ts';
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

interface IngestEnv {
  orgs: Map<string, { id: string; kind: string }>;
  categories: Set<string>;
  today: string;
  sender: EncounterSender;
  /** ID number → its lookup hash, within one batch (a resident's visits repeat the HMAC otherwise). */
  hashes: Map<string, string>;
}

/** Hashes remembered per batch before the memory starts over. */
const HASHES_KEPT = 100_000;

/**
 * Ingests one batch of the encounter feed (docs/domain/encounters.md): per-line validation with line-numbered
 * errors, idempotency on (source, id) with replacement on changed content, and the monthly
 * aggregates updated in the same transaction as the rows — so indicators are fresh on response.
 * The batch is ONE transaction: a crash or a cut connection mid-way stores none of it (docs/domain/encounters.md
 * "a batch is never half-stored"), and re-sending it then stores it once. Lines stream through in
 * chunks, so memory stays flat whatever the batch size.
 */
export async function ingestEncounters(ctx: AppContext, actor: Actor, communityId: string, lines: AsyncIterable<LineResult>, chunks: ChunkSizes = DEFAULT_CHUNKS): Promise<IngestResult> {
  const env = await ingestEnv(ctx, actor, communityId);
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
        const v = 'error' in l ? { line: l.line, id: null, code: 'INVALID_JSON' as const, message: l.error } : validate(ctx, l.line, l.value, env);
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
async function ingestEnv(ctx: AppContext, actor: Actor, communityId: string): Promise<IngestEnv> {
  const region = await communityRegion(ctx.db, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  const ownOrg = actor.scope.kind === 'organization' ? actor.scope.organizationId : null;
  authorize(actor, 'encounter.ingest', { communityId, regionCode: region, organizationId: ownOrg });
  const orgs = await repo.organizationsByCode(ctx.db, communityId);
  return { orgs, categories: await repo.knownCategories(ctx.db), today: businessDate(ctx.clock), sender: senderOf(actor, orgs), hashes: new Map() };
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

function validate(ctx: AppContext, line: number, value: unknown, env: IngestEnv): Valid | IngestError {
  const rawId = (value as { id?: unknown })?.id;
  const bad = controlCharacterPath(value, 'record');
  const id = typeof rawId === 'string' && !controlCharacterPath(rawId, 'id') ? rawId : null;
  // A NUL in one line rejects that line only (PostgreSQL refuses it in text).
  if (bad) return { line, id, code: 'INVALID_RECORD', message: `${bad}：不得包含控制字符（如 NUL）` };
  const parsed = encounterRecord.safeParse(value);
  if (!parsed.success) return { line, id, code: 'INVALID_RECORD', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const r = parsed.data;
  const idn = parseIdNumber(r.residentIdNumber, ctx.isKnownRegion, env.today);
  if (!idn.ok) return { line, id, code: 'INVALID_ID_NUMBER', message: idn.message };
  if (r.diagnoses.filter((d) => d.primary).length !== 1) return { line, id, code: 'INVALID_RECORD', message: 'diagnoses: 须有且只有一个主要诊断' };
  const unknown = r.diagnoses.find((d) => !env.categories.has(d.code.slice(0, 3)));
  if (unknown) return { line, id, code: 'UNKNOWN_DIAGNOSIS', message: `未知的 ICD-10 类目：${unknown.code}` };
  if (r.fundPaid + r.outOfPocket > r.totalCost) return { line, id, code: 'INVALID_COSTS', message: 'fundPaid + outOfPocket 不能大于 totalCost' };
  if (r.type === 'inpatient' && !r.end) return { line, id, code: 'INVALID_DATES', message: '住院记录须有出院日期 end' };
  if (r.end && r.end < r.start) return { line, id, code: 'INVALID_DATES', message: 'end 早于 start' };
  if ((r.end ?? r.start) > env.today) return { line, id, code: 'INVALID_DATES', message: '就诊日期晚于今天' };
  const refusal = senderRefusal(env.sender, r);
  if (refusal) return { line, id, code: 'NOT_ALLOWED', message: refusal };
  const organization = r.outOfCounty ? null : (env.orgs.get(r.orgCode) ?? null);
  if (!r.outOfCounty && !organization) return { line, id, code: 'UNKNOWN_ORGANIZATION', message: `未知的机构编码：${r.orgCode}` };
  return { line, record: { ...r, residentIdNumber: idn.value.normalized }, idHash: lookupHash(ctx, env.hashes, idn.value.normalized), organization };
}

function lookupHash(ctx: AppContext, hashes: Map<string, string>, idNumber: string): string {
  let h = hashes.get(idNumber);
  if (h === undefined) {
    if (hashes.size >= HASHES_KEPT) hashes.clear();
    h = ctx.cipher.lookupHash(idNumber);
    hashes.set(idNumber, h);
  }
  return h;
}

/** The community an ingest goes to: the one named, or the sender's only one. */
export function ingestCommunity(actor: Actor, communityId: string | undefined): string {
  const f = requirePermission(actor, 'encounter.ingest');
  if (communityId) return communityId;
  if (f.communityIds?.length === 1) return f.communityIds[0]!;
  throw new DomainError('VALIDATION_FAILED', '请用 ?communityId= 指明医共体', { field: 'communityId' });
}
