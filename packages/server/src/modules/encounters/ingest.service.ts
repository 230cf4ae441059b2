import { createHash } from 'node:crypto';
import { DomainError, contributions, controlCharacterPath, parseIdNumber, periodMonth, primaryCategory, senderRefusal, type Actor, type EncounterRecord, type EncounterSender } from '@yigong/domain';
import { encounterRecord, type IngestError, type IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/index.ts';
import { AggregateDeltas, type Contribution } from './aggregate-deltas.ts';
import type { LineResult } from './encounter-lines.ts';
import * as repo from './encounters.repository.ts';

/** Lines validated and written per statement group; the whole batch is still one transaction. */
export const CHUNK = 500;
/** The response lists the first errors; `rejected` counts them all. */
export const MAX_ERRORS = 1000;

interface Valid {
  line: number;
  record: EncounterRecord;
  idHash: string;
  organization: { id: string; kind: string } | null;
}

interface IngestEnv {
  orgs: Map<string, { id: string; kind: string }>;
  categories: Set<string>;
  today: string;
  sender: EncounterSender;
}

/**
 * Ingests one batch of the encounter feed (ENCOUNTERS.md): per-line validation with line-numbered
 * errors, idempotency on (source, id) with replacement on changed content, and the monthly
 * aggregates updated in the same transaction as the rows — so indicators are fresh on response.
 * The batch is ONE transaction: a crash or a cut connection mid-way stores none of it (ENCOUNTERS.md
 * "a batch is never half-stored"), and re-sending it then stores it once. Lines stream through in
 * chunks, so memory stays flat whatever the batch size.
 */
export async function ingestEncounters(ctx: AppContext, actor: Actor, communityId: string, lines: AsyncIterable<LineResult>): Promise<IngestResult> {
  const env = await ingestEnv(ctx, actor, communityId);
  return ctx.db.transaction(async (tx) => {
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
    const batch = new IngestBatch(tx, communityId, result);
    for await (const l of lines) {
      const v = 'error' in l ? { line: l.line, id: null, code: 'INVALID_JSON' as const, message: l.error } : validate(ctx, l.line, l.value, env);
      if ('code' in v) {
        result.rejected++;
        if (result.errors.length < MAX_ERRORS) result.errors.push(v);
      } else if (batch.push(v) >= CHUNK) {
        await batch.flush();
      }
    }
    await batch.flush();
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
  return { line, record: { ...r, residentIdNumber: idn.value.normalized }, idHash: ctx.cipher.lookupHash(idn.value.normalized), organization };
}

/** Valid lines of one batch, written chunk by chunk inside the batch's transaction. */
class IngestBatch {
  readonly deltas = new AggregateDeltas();
  private chunk: Valid[] = [];
  private readonly lockedSources = new Set<string>();

  constructor(private readonly tx: Sql, private readonly communityId: string, private readonly result: IngestResult) {}

  push(v: Valid): number {
    return this.chunk.push(v);
  }

  async flush(): Promise<void> {
    const chunk = this.chunk;
    this.chunk = [];
    if (!chunk.length) return;
    for (const source of new Set(chunk.map((v) => v.record.source))) {
      if (this.lockedSources.has(source)) continue;
      await repo.lockSource(this.tx, this.communityId, source);
      this.lockedSources.add(source);
    }
    const residents = await repo.residentsByHash(this.tx, [...new Set(chunk.map((v) => v.idHash))]);
    const prior = await repo.existing(this.tx, this.communityId, chunk.map((v) => ({ source: v.record.source, id: v.record.id })));
    const writes = new Map<string, repo.EncounterRow>();
    for (const v of chunk) {
      const key = `${v.record.source}\u0000${v.record.id}`;
      const built = buildEncounterRow(this.communityId, v.record, v.organization, residents.get(v.idHash) ?? null, v.idHash);
      const old = prior.get(key);
      if (old?.contentHash === built.row.contentHash) {
        this.result.duplicates++;
        continue;
      }
      // ENCOUNTERS.md: a corrected version replaces the earlier one — take its counters out first.
      if (old) this.deltas.add(old.contribution, -1);
      this.deltas.add(built.contribution);
      writes.set(key, built.row);
      // A later line of the same batch with this key compares against this version.
      prior.set(key, { contentHash: built.row.contentHash, contribution: built.contribution });
      this.result.accepted++;
    }
    await repo.upsertEncounters(this.tx, this.communityId, [...writes.values()]);
  }
}

/**
 * The stored row of one encounter and what it adds to the aggregates (ENCOUNTERS.md derived
 * classification): shared by the ingest path and the bulk demo seed, so both count alike.
 */
export function buildEncounterRow(communityId: string, r: EncounterRecord, organization: { id: string; kind: string } | null, resident: { id: string; community_id: string } | null, idHash: string): { row: repo.EncounterRow; contribution: Contribution } {
  const communityResident = resident?.community_id === communityId;
  const contrib = contributions(r, { organizationKind: organization?.kind ?? null, communityResident }) as Record<string, number>;
  const icd3 = primaryCategory(r);
  const month = periodMonth(r);
  return {
    contribution: { contrib, periodMonth: month, organizationId: organization?.id ?? null, disease: outTransferDisease(r, communityResident, icd3) },
    row: {
      communityId, source: r.source, id: r.id, organizationId: organization?.id ?? null, orgCode: r.orgCode, outOfCounty: r.outOfCounty,
      residentId: resident?.id ?? null, communityResident, idNumberHash: idHash, type: r.type, start: r.start, end: r.end ?? null,
      periodMonth: month, department: r.department ?? null, diagnoses: r.diagnoses, primaryIcd3: icd3, procedures: r.procedures ?? [],
      totalCost: r.totalCost, fundPaid: r.fundPaid, outOfPocket: r.outOfPocket, referralId: r.referralId ?? null,
      drgCode: r.drg?.code ?? null, drgWeight: r.drg?.weight ?? null, contrib, contentHash: contentHash(r),
    },
  };
}

/** INDICATORS.md 外转前十病种: residents' out-of-county discharges count under their primary category. */
export function outTransferDisease(r: Pick<EncounterRecord, 'outOfCounty' | 'type'>, communityResident: boolean, icd3: string): string | null {
  return r.outOfCounty && communityResident && r.type === 'inpatient' ? icd3 : null;
}

export function contentHash(r: EncounterRecord): string {
  const { id: _i, source: _s, ...content } = r;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The community an ingest goes to: the one named, or the sender's only one. */
export function ingestCommunity(actor: Actor, communityId: string | undefined): string {
  const f = requirePermission(actor, 'encounter.ingest');
  if (communityId) return communityId;
  if (f.communityIds?.length === 1) return f.communityIds[0]!;
  throw new DomainError('VALIDATION_FAILED', '请用 ?communityId= 指明医共体', { field: 'communityId' });
}
