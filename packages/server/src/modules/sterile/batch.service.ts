import { randomUUID } from 'node:crypto';
import {
  DomainError, batchesToRecall, decidePackTransition, expiryDate, makePackBarcode, recallImpact, releaseDecision, type Actor, type SterilisationCycleRecord,
} from '@yigong/domain';
import type { BatchDetailView, BatchQuery, BatchView, CreateBatchRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as batches from './batch.repository.ts';
import * as packs from './pack.repository.ts';
import { listPackTypes } from './centre.repository.ts';
import { isCentreStaff, requireCentre, requireCentreStaff, sterileScope } from './sterile-access.ts';
import { BI_READ_DAYS, batchActions, toBatchView, toPackView } from './sterile-views.ts';

/** The business day (Asia/Shanghai) of an instant. */
const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const MAX_PACKS_PER_BATCH = 9999;

function cycleRecord(b: Pick<batches.BatchRow, 'sterilizer_code' | 'cycle_no' | 'method' | 'steam_cycle_type' | 'started_at' | 'ended_at' | 'temperature_c' | 'exposure_minutes' | 'pressure_kpa' | 'chemical_pass' | 'biological_pass' | 'bowie_dick_pass' | 'implants'>): SterilisationCycleRecord {
  return {
    sterilizerCode: b.sterilizer_code, cycleNo: b.cycle_no, method: b.method, steamCycleType: b.steam_cycle_type, startedAt: b.started_at, endedAt: b.ended_at,
    exposureTemperatureC: b.temperature_c, exposureMinutes: b.exposure_minutes, pressureKpa: b.pressure_kpa, chemicalIndicatorPass: b.chemical_pass,
    biologicalIndicatorPass: b.biological_pass, bowieDickPass: b.bowie_dick_pass, containsImplants: b.implants,
  };
}

/** A batch the actor may see: the centre's staff and the community's managers; anyone else gets 404. */
async function requireBatch(sql: Sql, actor: Actor, id: string, forUpdate = false): Promise<batches.BatchRow> {
  const f = sterileScope(actor, 'sterile.read');
  const b = await batches.findBatch(sql, f.communityId, id, forUpdate);
  const centre = b ? await requireCentre(sql, b.community_id) : null;
  if (!b || !centre || (f.organizationIds !== null && !f.organizationIds.includes(centre.organization_id))) throw new DomainError('NOT_FOUND', '灭菌批次不存在或不在您的范围内');
  return b;
}

/**
 * The batch with its packs and, when recalled, the recall's reach (docs/domain/sterile-supply.md
 * "Recall"): the residents a pack was used on are named, so each is an audited read.
 */
async function detail(sql: Sql, actor: Actor, b: batches.BatchRow, now: Date): Promise<BatchDetailView> {
  const [rows, recalledWith] = await Promise.all([packs.packsOfBatch(sql, b.community_id, b.id), batches.batchesRecalledBy(sql, b.community_id, b.id)]);
  let recall: BatchDetailView['recall'] = null;
  if (b.status === 'recalled') {
    const events = await packs.packEvents(sql, b.community_id, { batchId: b.id });
    // The reach as it stood when the recall was decided: where each pack was, whom it was used on.
    const byPack = new Map<string, packs.PackEventRow[]>();
    for (const e of events) {
      if (e.kind === 'recalled') continue;
      const list = byPack.get(e.barcode) ?? [];
      list.push(e);
      byPack.set(e.barcode, list);
    }
    const impact = recallImpact(rows.map((p) => ({ barcode: p.barcode, events: (byPack.get(p.barcode) ?? []).map((e) => ({ kind: e.kind, at: e.at, batchId: e.batch_id, organizationId: e.organization_id, residentId: e.resident_id, restocked: e.restocked })) })));
    const pack = new Map(rows.map((p) => [p.barcode, p]));
    const orgNames = new Map(events.filter((e) => e.organization_id).map((e) => [e.organization_id!, e.organization_name]));
    recall = {
      used: impact.used.map((u) => ({ barcode: u.barcode, residentId: u.residentId, residentName: pack.get(u.barcode)?.resident_name ?? '（已迁出本医共体）', organizationId: u.organizationId, organizationName: u.organizationId ? (orgNames.get(u.organizationId) ?? null) : null, usedAt: u.usedAt.toISOString() })),
      residentCount: impact.residentIds.length,
      toRetrieve: impact.toRetrieve.map((t) => ({ barcode: t.barcode, status: t.status, organizationId: t.organizationId, organizationName: t.organizationId ? (orgNames.get(t.organizationId) ?? null) : null })),
      unclear: impact.unclear,
    };
    for (const residentId of impact.residentIds) {
      await recordAudit(sql, actor, { communityId: b.community_id, action: 'sterile.recall.read', resourceType: 'sterile_batch', resourceId: b.id, residentId, purpose: 'recall', details: { access: 'scope' } });
    }
  }
  const centre = await requireCentre(sql, b.community_id);
  return { ...toBatchView(b, batchActions(actor, b, isCentreStaff(actor, centre), now)), packs: rows.map((p) => toPackView(actor, p)), recall, recalledWith: recalledWith.map((r) => ({ id: r.id, sterilizerCode: r.sterilizer_code, cycleNo: r.cycle_no })) };
}

/** Releases the packs of a batch that passed (decidePackTransition 'release': packs in date). */
async function releasePacks(tx: Sql, actor: Actor, b: { community_id: string; id: string }, today: string, now: Date): Promise<void> {
  const rows = await packs.packsOfBatch(tx, b.community_id, b.id);
  const released = rows.filter((p) => decidePackTransition({ status: p.status, expiresOn: p.expires_on, deliveredToOrganizationId: null, batch: { released: true, recalled: false } }, 'release', {}, today).ok).map((p) => p.barcode);
  await packs.setPackStatus(tx, b.community_id, released, 'released', now);
  await packs.appendPackEvents(tx, b.community_id, released, now, { kind: 'released' }, { actorId: actor.userId, username: actor.username });
}

/**
 * docs/domain/sterile-supply.md "Recall": a failed biological indicator recalls this batch and
 * every batch of the same steriliser since its last passing one; each pack not yet used is recalled.
 */
async function recallFrom(tx: Sql, actor: Actor, failed: batches.BatchRow, now: Date): Promise<number> {
  const history = await batches.sterilizerHistory(tx, failed.community_id, failed.sterilizer_code);
  const reach = batchesToRecall(history.map((h) => ({ sterilizerCode: failed.sterilizer_code, cycleNo: h.cycle_no, startedAt: h.started_at, biologicalIndicatorPass: h.id === failed.id ? false : h.biological_pass })),
    { sterilizerCode: failed.sterilizer_code, cycleNo: failed.cycle_no, startedAt: failed.started_at, biologicalIndicatorPass: false });
  const cycles = new Set(reach.map((r) => r.cycleNo));
  const reason = `灭菌器 ${failed.sterilizer_code} 第 ${failed.cycle_no} 锅生物监测不合格`;
  let recalledPacks = 0;
  for (const h of history.filter((x) => cycles.has(x.cycle_no) && x.status !== 'recalled')) {
    await batches.updateBatch(tx, failed.community_id, h.id, { status: 'recalled', holdReasons: [reason], recalledAt: now, recallReason: reason, recalledBy: failed.id, ...(h.id === failed.id ? { biologicalPass: false } : {}) });
    const rows = await packs.packsOfBatch(tx, failed.community_id, h.id);
    const barcodes = rows.filter((p) => decidePackTransition({ status: p.status, expiresOn: p.expires_on, deliveredToOrganizationId: p.organization_id, batch: { released: false, recalled: true } }, 'recall', {}, shanghaiDay(now)).ok).map((p) => p.barcode);
    await packs.setPackStatus(tx, failed.community_id, barcodes, 'recalled', now);
    await packs.appendPackEvents(tx, failed.community_id, barcodes, now, { kind: 'recalled', comment: reason }, { actorId: actor.userId, username: actor.username });
    recalledPacks += barcodes.length;
    await recordAudit(tx, actor, { communityId: failed.community_id, action: 'sterile.batch.recall', resourceType: 'sterile_batch', resourceId: h.id, details: { by: failed.id, packs: barcodes.length } });
  }
  return recalledPacks;
}

/**
 * The centre records a cycle and its load (docs/domain/sterile-supply.md "Cycle record",
 * "Release", "Pack barcode"): the record checked, the release decided, one barcode per pack with
 * its last day of use — one transaction, idempotent on the client id.
 */
export async function createBatch(ctx: AppContext, actor: Actor, input: CreateBatchRequest): Promise<BatchDetailView> {
  const { communityId } = sterileScope(actor, 'sterile.process');
  const now = ctx.clock.now();
  const record: SterilisationCycleRecord = {
    sterilizerCode: input.sterilizerCode, cycleNo: input.cycleNo, method: input.method, steamCycleType: input.steamCycleType ?? null, startedAt: new Date(input.startedAt),
    endedAt: new Date(input.endedAt), exposureTemperatureC: input.temperatureC, exposureMinutes: input.exposureMinutes, pressureKpa: input.pressureKpa ?? null,
    chemicalIndicatorPass: input.chemicalPass, biologicalIndicatorPass: input.biologicalPass, bowieDickPass: input.bowieDickPass, containsImplants: input.implants,
  };
  const decision = releaseDecision(record);
  if (record.endedAt.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('VALIDATION_FAILED', '结束时间晚于当前时间', { field: 'endedAt' });
  const total = input.packs.reduce((s, p) => s + p.quantity, 0);
  if (total > MAX_PACKS_PER_BATCH) throw new DomainError('VALIDATION_FAILED', `一锅最多 ${MAX_PACKS_PER_BATCH} 个灭菌包`, { field: 'packs' });
  return ctx.db.transaction(async (tx) => {
    const centre = await requireCentre(tx, communityId, true);
    requireCentreStaff(actor, centre, '登记灭菌批次');
    const id = input.id ?? randomUUID();
    const prior = (input.id ? await batches.findBatch(tx, communityId, id) : null);
    if (prior) {
      if (prior.sterilizer_code !== input.sterilizerCode || prior.cycle_no !== input.cycleNo) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的灭菌批次已存在且内容不同', { id });
      return detail(tx, actor, prior, now);
    }
    if (await batches.findBatchByCycle(tx, communityId, input.sterilizerCode, input.cycleNo)) {
      throw new DomainError('CONFLICT', `灭菌器 ${input.sterilizerCode} 第 ${input.cycleNo} 锅已登记`, { field: 'cycleNo' });
    }
    const types = new Map((await listPackTypes(tx, communityId, businessDate(ctx.clock))).filter((t) => t.active).map((t) => [t.code, t]));
    input.packs.forEach((p, i) => {
      if (!types.has(p.packType)) throw new DomainError('VALIDATION_FAILED', `未知的灭菌包类型：${p.packType}`, { field: `packs.${i}.packType` });
    });
    const day = shanghaiDay(record.endedAt);
    const daySeq = await batches.nextDaySeq(tx, communityId, centre.id, day);
    if (daySeq > 999) throw new DomainError('CONFLICT', '当日批次已满 999 锅', { field: 'endedAt' });
    const status = decision.recallRequired ? 'held' : decision.release ? 'released' : 'held';
    await batches.insertBatch(tx, {
      communityId, id, centreId: centre.id, sterilisedOn: day, daySeq, sterilizerCode: record.sterilizerCode, cycleNo: record.cycleNo, method: record.method,
      steamCycleType: record.method === 'pressure_steam' ? (record.steamCycleType ?? null) : null, startedAt: record.startedAt, endedAt: record.endedAt,
      temperatureC: record.exposureTemperatureC, exposureMinutes: record.exposureMinutes, pressureKpa: record.method === 'pressure_steam' ? record.pressureKpa : null,
      chemicalPass: record.chemicalIndicatorPass, biologicalPass: record.biologicalIndicatorPass, bowieDickPass: record.bowieDickPass, implants: record.containsImplants,
      status, holdReasons: decision.reasons, operatorId: actor.userId, operatorName: actor.username, releasedAt: null, createdAt: now,
    });
    const barcodes: string[] = [];
    const packTypes: string[] = [];
    const expires: string[] = [];
    let seq = 0;
    for (const line of input.packs) {
      const t = types.get(line.packType)!;
      // docs/domain/sterile-supply.md "Wraps and shelf life": the wrap and the store set the last day of use.
      const last = expiryDate(day, t.wrap, centre.storage_meets_standard);
      for (let i = 0; i < line.quantity; i++) {
        barcodes.push(makePackBarcode({ sterilisedOn: day, batchSeq: daySeq, packSeq: ++seq }));
        packTypes.push(t.code);
        expires.push(last);
      }
    }
    await packs.insertPacks(tx, communityId, { barcodes, packTypes, expiresOn: expires, batchId: id, centreId: centre.id, status: 'sterilised', now });
    await packs.appendPackEvents(tx, communityId, barcodes, now, { kind: 'sterilised', batchId: id, comment: `${record.sterilizerCode} 第 ${record.cycleNo} 锅` }, { actorId: actor.userId, username: actor.username });
    await recordAudit(tx, actor, { communityId, action: 'sterile.batch.create', resourceType: 'sterile_batch', resourceId: id, details: { sterilizer: record.sterilizerCode, cycle: record.cycleNo, packs: total, release: decision.release } });
    const created = (await batches.findBatch(tx, communityId, id))!;
    if (decision.recallRequired) await recallFrom(tx, actor, created, now);
    else if (decision.release) {
      await batches.updateBatch(tx, communityId, id, { status: 'released', holdReasons: [], releasedAt: now });
      await releasePacks(tx, actor, created, businessDate(ctx.clock), now);
    }
    return detail(tx, actor, (await batches.findBatch(tx, communityId, id))!, now);
  });
}

/**
 * The biological indicator's result, read after incubation (docs/domain/sterile-supply.md
 * "Release", "Recall"): a pass releases a batch held only for it; a failure recalls.
 */
export async function recordBiological(ctx: AppContext, actor: Actor, id: string, pass: boolean): Promise<BatchDetailView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const b = await requireBatch(tx, actor, id, true);
    const centre = await requireCentre(tx, b.community_id);
    requireCentreStaff(actor, centre, '登记生物监测结果');
    if (b.status === 'recalled') throw new DomainError('ILLEGAL_TRANSITION', '该批次已召回', { status: b.status });
    if (b.biological_pass !== null) throw new DomainError('CONFLICT', `该批次已登记生物监测结果（${b.biological_pass ? '合格' : '不合格'}）`, { field: 'pass' });
    // docs/domain/sterile-supply.md "Release": an indicator is read after at most 7 days of incubation; a result
    // later than that is not this batch's (and a failure would recall weeks of loads).
    if (now.getTime() - b.ended_at.getTime() > BI_READ_DAYS * 86_400_000) throw new DomainError('CONFLICT', `生物监测结果须在灭菌后 ${BI_READ_DAYS} 天内登记`, { field: 'pass' });
    await recordAudit(tx, actor, { communityId: b.community_id, action: 'sterile.batch.biological', resourceType: 'sterile_batch', resourceId: b.id, details: { pass } });
    if (!pass) {
      await recallFrom(tx, actor, b, now);
    } else {
      const decision = releaseDecision({ ...cycleRecord(b), biologicalIndicatorPass: true });
      const release = decision.release && b.status === 'held';
      await batches.updateBatch(tx, b.community_id, b.id, { status: release || b.status === 'released' ? 'released' : 'held', biologicalPass: true, holdReasons: decision.reasons, ...(release ? { releasedAt: now } : {}) });
      if (release) await releasePacks(tx, actor, b, businessDate(ctx.clock), now);
    }
    return detail(tx, actor, (await batches.findBatch(tx, b.community_id, b.id))!, now);
  });
}

export async function getBatch(ctx: AppContext, actor: Actor, id: string): Promise<BatchDetailView> {
  return ctx.db.transaction(async (tx) => detail(tx, actor, await requireBatch(tx, actor, id), ctx.clock.now()));
}

/** The centre's batches: its staff and the community's managers see them; members see none. */
export async function listBatches(ctx: AppContext, actor: Actor, q: BatchQuery): Promise<BatchView[]> {
  const f = sterileScope(actor, 'sterile.read');
  const centre = await requireCentre(ctx.db, f.communityId);
  if (f.organizationIds !== null && !f.organizationIds.includes(centre.organization_id) && !isCentreStaff(actor, centre)) return [];
  const rows = await batches.listBatches(ctx.db, { communityId: f.communityId, centreOrganizationIds: null, status: q.status ?? null, from: q.from ?? null, to: q.to ?? null, limit: q.limit });
  const staff = isCentreStaff(actor, centre);
  const now = ctx.clock.now();
  return rows.map((b) => toBatchView(b, batchActions(actor, b, staff, now)));
}
