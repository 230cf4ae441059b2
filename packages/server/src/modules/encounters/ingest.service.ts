import { createHash } from 'node:crypto';
import { DomainError, contributions, parseIdNumber, periodMonth, primaryCategory, type Actor, type EncounterRecord } from '@yigong/domain';
import { encounterRecord, type IngestError, type IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/org.repository.ts';
import type { LineResult } from './encounter-lines.ts';
import * as repo from './encounters.repository.ts';

/** Lines committed per transaction: a chunk is stored whole or not at all; re-sending is idempotent. */
export const CHUNK = 500;
const MAX_ERRORS = 1000;

interface Valid {
  line: number;
  record: EncounterRecord;
  idHash: string;
  organization: { id: string; kind: string } | null;
}

/**
 * Ingests the encounter feed (ENCOUNTERS.md): per-line validation with line-numbered errors,
 * idempotency on (source, id) with replacement on changed content, and the monthly aggregates
 * updated in the same transaction as the rows, so indicators are fresh on response.
 * Managers and admins send for the community; the insurance officer sends out-of-county care.
 */
export async function ingestEncounters(ctx: AppContext, actor: Actor, communityId: string, lines: AsyncIterable<LineResult>): Promise<IngestResult> {
  const region = await communityRegion(ctx.db, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'encounter.ingest', { communityId, regionCode: region });
  const insuranceOnly = actor.role === 'insurance_officer';
  const orgs = await repo.organizationsByCode(ctx.db, communityId);
  const categories = await repo.knownCategories(ctx.db);
  const today = businessDate(ctx.clock);
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
  const reject = (e: IngestError) => {
    result.rejected++;
    if (result.errors.length < MAX_ERRORS) result.errors.push(e);
  };
  let chunk: Valid[] = [];
  const flush = async () => {
    if (chunk.length) await commitChunk(ctx, communityId, chunk, result);
    chunk = [];
  };
  for await (const l of lines) {
    if ('error' in l) {
      reject({ line: l.line, id: null, code: 'INVALID_JSON', message: l.error });
      continue;
    }
    const v = validate(ctx, l.line, l.value, { orgs, categories, today, insuranceOnly });
    if ('code' in v) reject(v);
    else chunk.push(v);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  await recordAudit(ctx.db, actor, { communityId, action: 'encounter.ingest', resourceType: 'encounter', details: { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected } });
  return result;
}

function validate(ctx: AppContext, line: number, value: unknown, env: { orgs: Map<string, { id: string; kind: string }>; categories: Set<string>; today: string; insuranceOnly: boolean }): Valid | IngestError {
  const parsed = encounterRecord.safeParse(value);
  const id = typeof (value as { id?: unknown })?.id === 'string' ? ((value as { id: string }).id) : null;
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
  if (env.insuranceOnly && !r.outOfCounty) return { line, id, code: 'NOT_ALLOWED', message: '医保账号只能报送县外就诊' };
  const organization = r.outOfCounty ? null : (env.orgs.get(r.orgCode) ?? null);
  if (!r.outOfCounty && !organization) return { line, id, code: 'UNKNOWN_ORGANIZATION', message: `未知的机构编码：${r.orgCode}` };
  return { line, record: { ...r, residentIdNumber: idn.value.normalized }, idHash: ctx.cipher.lookupHash(idn.value.normalized), organization };
}

/**
 * The stored row of one encounter and what it adds to the aggregates (ENCOUNTERS.md derived
 * classification): shared by the ingest path and the bulk demo seed, so both count alike.
 */
export function buildEncounterRow(communityId: string, r: EncounterRecord, organization: { id: string; kind: string } | null, resident: { id: string; community_id: string } | null, idHash: string): { row: repo.EncounterRow; unit: string; disease: string | null } {
  const communityResident = resident?.community_id === communityId;
  const contrib = contributions(r, { organizationKind: organization?.kind ?? null, communityResident }) as Record<string, number>;
  const icd3 = primaryCategory(r);
  return {
    unit: repo.unitKey(organization?.id ?? null),
    disease: r.outOfCounty && communityResident && r.type === 'inpatient' ? icd3 : null,
    row: {
      communityId, source: r.source, id: r.id, organizationId: organization?.id ?? null, orgCode: r.orgCode, outOfCounty: r.outOfCounty,
      residentId: resident?.id ?? null, communityResident, idNumberHash: idHash, type: r.type, start: r.start, end: r.end ?? null,
      periodMonth: periodMonth(r), department: r.department ?? null, diagnoses: r.diagnoses, primaryIcd3: icd3, procedures: r.procedures ?? [],
      totalCost: r.totalCost, fundPaid: r.fundPaid, outOfPocket: r.outOfPocket, referralId: r.referralId ?? null,
      drgCode: r.drg?.code ?? null, drgWeight: r.drg?.weight ?? null, contrib, contentHash: contentHash(r),
    },
  };
}

export function contentHash(r: EncounterRecord): string {
  const { id: _i, source: _s, ...content } = r;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

async function commitChunk(ctx: AppContext, communityId: string, chunk: Valid[], result: IngestResult): Promise<void> {
  const residents = await repo.residentsByHash(ctx.db, [...new Set(chunk.map((v) => v.idHash))]);
  const counts = await ctx.db.transaction(async (tx) => {
    const prior = await repo.existing(tx, communityId, chunk.map((v) => ({ source: v.record.source, id: v.record.id })));
    const agg = new Map<string, number>();
    const diseases = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
    let accepted = 0;
    let duplicates = 0;
    for (const v of chunk) {
      const key = `${v.record.source}\u0000${v.record.id}`;
      const hash = contentHash(v.record);
      const old = prior.get(key);
      if (old && old.content_hash === hash) {
        duplicates++;
        continue;
      }
      if (old) {
        // A corrected version replaces the earlier one: take its counters out first.
        for (const [k, n] of Object.entries(old.contrib)) bump(agg, `${old.period_month}|${old.unit_key}|${k}`, -n);
        if (old.disease) bump(diseases, `${old.period_month}|${old.disease}`, -1);
      }
      const built = buildEncounterRow(communityId, v.record, v.organization, residents.get(v.idHash) ?? null, v.idHash);
      const { row, unit } = built;
      const contrib = row.contrib;
      const month = row.periodMonth;
      for (const [k, n] of Object.entries(contrib)) bump(agg, `${month}|${unit}|${k}`, n);
      if (built.disease) bump(diseases, `${month}|${built.disease}`, 1);
      await repo.upsertEncounter(tx, { ...row, contentHash: hash });
      // Later lines of the same batch see this version.
      prior.set(key, { source: v.record.source, id: v.record.id, content_hash: hash, contrib, period_month: month, unit_key: unit, organization_id: v.organization?.id ?? null, disease: built.disease });
      accepted++;
    }
    await repo.addToAggregates(tx, communityId, agg);
    await repo.addToDiseases(tx, communityId, diseases);
    return { accepted, duplicates };
  });
  result.accepted += counts.accepted;
  result.duplicates += counts.duplicates;
}
