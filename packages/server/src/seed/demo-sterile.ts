import {
  batchesToRecall, decidePackTransition, expiryDate, fefoPick, makePackBarcode, releaseDecision, statusAfterDelivery,
  type PackEventKind, type PackStatus, type SterilePackType, type SterilisationCycleRecord,
} from '@yigong/domain';
import type { Rng } from '@yigong/synth';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Midnight in Asia/Shanghai (UTC+8) of the day `t` falls in, and that day as YYYY-MM-DD. */
const midnight = (t: number) => Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
const dayOf = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);

export interface SterileDemoUnit {
  id: string;
  kind: string;
  doctor: string | null;
  residents: readonly string[];
}

export interface SterileDemoContext {
  communityId: string;
  now: Date;
  rng: Rng;
  centreId: string;
  /** The lead hospital (its wards ask for instrument sets too). */
  lead: SterileDemoUnit;
  /** Township centres and village clinics. */
  units: readonly SterileDemoUnit[];
  /** The demo's own village clinic and township (vdoc, doctor.town): each gets packs in every state. */
  anchors: readonly string[];
  catalogue: readonly SterilePackType[];
  storageMeetsStandard: boolean;
  operator: string;
  days: number;
}

export interface SterileDemoRows {
  batches: Record<string, unknown>[];
  packs: Record<string, unknown>[];
  events: Record<string, unknown>[];
  requests: Record<string, unknown>[];
}

interface SimPack {
  barcode: string; packType: string; batchId: string; status: PackStatus; expiresOn: string;
  organizationId: string | null; requestId: string | null; residentId: string | null; usedAt: number | null;
}
interface SimBatch {
  row: Record<string, unknown>; record: SterilisationCycleRecord; id: string; status: 'held' | 'released' | 'recalled'; packs: SimPack[];
}
interface SimRequest { id: string; unit: SterileDemoUnit; lines: { packType: string; quantity: number; delivered: number }[]; status: string; createdAt: number; deliveredAt: number | null; cancelledAt: number | null; neededBy: string | null; note: string | null; requester: string }

/** What each steriliser loads (types by code) and when it runs; plasma takes the heat-sensitive sets with implants. */
const STERILIZERS = [
  { code: 'ZQ-01', method: 'pressure_steam' as const, cycle: 'pre_vacuum' as const, times: [9 * 60, 14 * 60], firstCycle: 1842, load: ['DRESSING', 'SUTURE', 'CATHETER', 'GYN-EXAM', 'DENTAL'] },
  { code: 'ZQ-02', method: 'pressure_steam' as const, cycle: 'pre_vacuum' as const, times: [10 * 60 + 30], firstCycle: 927, load: ['DEBRIDE', 'DELIVERY', 'GOWN', 'DRESSING', 'SUTURE'] },
  { code: 'DLZ-01', method: 'low_temp_plasma' as const, cycle: null, times: [15 * 60 + 30], firstCycle: 311, load: ['LAPAROSCOPY', 'TRACHEOTOMY'] },
];
const VILLAGE_TYPES = ['DRESSING', 'SUTURE', 'CATHETER', 'GYN-EXAM'];
const TOWNSHIP_TYPES = ['DRESSING', 'SUTURE', 'DEBRIDE', 'CATHETER', 'GYN-EXAM', 'DELIVERY', 'DENTAL', 'GOWN'];
const WARD_TYPES = ['LAPAROSCOPY', 'TRACHEOTOMY', 'GOWN', 'DEBRIDE'];

/**
 * A month of the sterile supply centre (docs/domain/sterile-supply.md), simulated day by day with
 * the domain's rules so every row is one the platform could have written: cycles on three
 * sterilisers released by releaseDecision (implant loads held until their biological indicator
 * passes the next morning), barcodes and last days of use, members' requests picked
 * first-expiry-first-out, packs used on the unit's residents or returned, expiry, and one failed
 * biological indicator on ZQ-02 six days ago that recalled its batches since the last pass —
 * some of whose packs had already been used on residents. Today: requests waiting, one only
 * partly covered, a batch held for its chemical indicator and an implant load waiting for its
 * biological indicator. Deterministic from the rng.
 */
export function demoSterileRows(ctx: SterileDemoContext): SterileDemoRows {
  const { rng, communityId } = ctx;
  const now = ctx.now.getTime();
  const today0 = midnight(now);
  const types = new Map(ctx.catalogue.map((t) => [t.code, t]));
  const batches: SimBatch[] = [];
  const packs = new Map<string, SimPack>();
  const events: { at: number; seq: number; barcode: string; kind: PackEventKind; batchId?: string; organizationId?: string | null; residentId?: string | null; restocked?: boolean; username: string; comment?: string }[] = [];
  const requests: SimRequest[] = [];
  let seq = 0;
  const emit = (at: number, p: SimPack, kind: PackEventKind, more: Partial<(typeof events)[number]> = {}) => events.push({ at, seq: seq++, barcode: p.barcode, kind, username: ctx.operator, ...more });
  const pending: { at: number; run: () => void }[] = [];
  const cycleNo = new Map(STERILIZERS.map((s) => [s.code, s.firstCycle]));
  /** Packs delivered per type yesterday (what today's loads replace) and today. */
  let sent = new Map<string, number>();
  let sentToday = new Map<string, number>();
  // ZQ-02's weekly biological indicator (Mondays) fails on the latest Monday at least five days ago:
  // the recall reaches back to the Monday before, a week of loads, some already used on residents.
  let failDay = -5;
  while (new Date(today0 + failDay * DAY + 8 * HOUR).getUTCDay() !== 1) failDay--;

  const batchFacts = (p: SimPack) => {
    const b = batches.find((x) => x.id === p.batchId)!;
    return { released: b.status === 'released', recalled: b.status === 'recalled' };
  };
  const apply = (p: SimPack, action: 'release' | 'deliver' | 'use' | 'return' | 'expire' | 'recall', at: number, input: { organizationId?: string; residentId?: string; wrapIntact?: boolean } = {}) => {
    const d = decidePackTransition({ status: p.status, expiresOn: p.expiresOn, deliveredToOrganizationId: p.status === 'delivered' ? p.organizationId : null, batch: batchFacts(p) }, action, input, dayOf(at));
    if (!d.ok) return false;
    p.status = d.to;
    return true;
  };
  const release = (b: SimBatch, at: number) => {
    b.status = 'released';
    b.row.status = 'released';
    b.row.released_at = new Date(at);
    b.row.hold_reasons = [];
    for (const p of b.packs) if (apply(p, 'release', at)) emit(at, p, 'released');
  };

  for (let d = -ctx.days; d <= 0; d++) {
    const day0 = today0 + d * DAY;
    const day = dayOf(day0);
    const weekday = new Date(day0 + 8 * HOUR).getUTCDay();
    const todays: { at: number; run: () => void }[] = [];
    sent = sentToday;
    sentToday = new Map();
    // Packs past their last day leave circulation a few minutes after midnight (the jobs' sweep).
    todays.push({ at: day0 + 5 * MIN, run: () => { for (const p of packs.values()) if (p.expiresOn < day && apply(p, 'expire', day0 + 5 * MIN)) emit(day0 + 5 * MIN, p, 'expired', { organizationId: p.organizationId, username: '系统', comment: '超过有效期' }); } });
    for (const s of STERILIZERS) {
      // ZQ-02 stands still after its failed indicator until three consecutive passes (WS 310.3).
      if (s.code === 'ZQ-02' && d > failDay && d < failDay + 4) continue;
      s.times.forEach((minute, k) => {
        const start = day0 + minute * MIN;
        todays.push({ at: start + 60 * MIN, run: () => {
          const no = cycleNo.get(s.code)!;
          cycleNo.set(s.code, no + 1);
          const plasma = s.method === 'low_temp_plasma';
          const implants = plasma;
          // Steam: a biological indicator in the first load on Mondays; plasma: every load (WS 310.3); the failing one is scripted.
          const withBi = plasma || (k === 0 && weekday === 1);
          const record: SterilisationCycleRecord = {
            sterilizerCode: s.code, cycleNo: no, method: s.method, steamCycleType: s.cycle, startedAt: new Date(start), endedAt: new Date(start + (plasma ? 55 : 48) * MIN),
            exposureTemperatureC: plasma ? 50 : 134, exposureMinutes: plasma ? 28 : 4 + rng.int(0, 2), pressureKpa: plasma ? null : 205 + rng.int(0, 10),
            // Yesterday afternoon's load on ZQ-01 failed its chemical indicator: held, to be reprocessed.
            chemicalIndicatorPass: !(d === -1 && s.code === 'ZQ-01' && k === 1), biologicalIndicatorPass: null, bowieDickPass: plasma ? null : true, containsImplants: implants,
          };
          const decision = releaseDecision(record);
          const id = rng.uuid();
          const daySeq = batches.filter((b) => b.row.sterilised_on === day).length + 1;
          const row: Record<string, unknown> = {
            community_id: communityId, id, centre_id: ctx.centreId, sterilised_on: day, day_seq: daySeq, sterilizer_code: s.code, cycle_no: no, method: s.method,
            steam_cycle_type: s.cycle, started_at: record.startedAt, ended_at: record.endedAt, temperature_c: record.exposureTemperatureC, exposure_minutes: record.exposureMinutes,
            pressure_kpa: record.pressureKpa, chemical_pass: record.chemicalIndicatorPass, biological_pass: null, bowie_dick_pass: record.bowieDickPass, implants,
            status: 'held', hold_reasons: decision.reasons, operator_name: ctx.operator, released_at: null, recalled_at: null, recall_reason: null, recalled_by: null, created_at: record.endedAt,
          };
          const b: SimBatch = { row, record, id, status: 'held', packs: [] };
          batches.push(b);
          let n = 0;
          for (const code of s.load) {
            const t = types.get(code);
            if (!t) continue;
            // The centre reprocesses what went out: a load replaces yesterday's deliveries of the type, shared among the loads that make it.
            const slots = STERILIZERS.reduce((a, x) => a + (x.load.includes(code) ? x.times.length : 0), 0);
            const qty = d < -ctx.days + 3 ? rng.int(1, 3) : Math.min(12, Math.round((sent.get(code) ?? 0) / slots) + rng.int(0, 1)) || 1;
            for (let i = 0; i < qty; i++) {
              const p: SimPack = { barcode: makePackBarcode({ sterilisedOn: day, batchSeq: daySeq, packSeq: ++n }), packType: code, batchId: id, status: 'sterilised', expiresOn: expiryDate(day, t.wrap, ctx.storageMeetsStandard), organizationId: null, requestId: null, residentId: null, usedAt: null };
              b.packs.push(p);
              packs.set(p.barcode, p);
              emit(record.endedAt.getTime(), p, 'sterilised', { batchId: id, comment: `${s.code} 第 ${no} 锅` });
            }
          }
          const endedAt = record.endedAt.getTime();
          if (decision.release) release(b, Math.min(endedAt + 10 * MIN, now));
          if (withBi) {
            // Read after incubation: plasma 24 h after the load (so one implant load always waits), steam the next morning.
            const readAt = plasma ? start + 25 * HOUR : day0 + DAY + 9 * HOUR + 30 * MIN;
            const fails = s.code === 'ZQ-02' && d === failDay;
            pending.push({ at: readAt, run: () => {
              b.record = { ...b.record, biologicalIndicatorPass: !fails };
              b.row.biological_pass = !fails;
              if (!fails) {
                const again = releaseDecision(b.record);
                if (again.release && b.status === 'held') release(b, readAt);
                return;
              }
              const history = batches.filter((x) => x.record.sterilizerCode === s.code).map((x) => ({ sterilizerCode: s.code, cycleNo: x.record.cycleNo, startedAt: x.record.startedAt, biologicalIndicatorPass: x.id === b.id ? false : x.record.biologicalIndicatorPass }));
              const reach = new Set(batchesToRecall(history, { sterilizerCode: s.code, cycleNo: no, startedAt: record.startedAt, biologicalIndicatorPass: false }).map((r) => r.cycleNo));
              const reason = `灭菌器 ${s.code} 第 ${no} 锅生物监测不合格`;
              for (const x of batches.filter((y) => y.record.sterilizerCode === s.code && reach.has(y.record.cycleNo))) {
                x.status = 'recalled';
                Object.assign(x.row, { status: 'recalled', recalled_at: new Date(readAt), recall_reason: reason, recalled_by: id, hold_reasons: [reason] });
                for (const p of x.packs) if (apply(p, 'recall', readAt)) emit(readAt, p, 'recalled', { organizationId: p.organizationId, comment: reason });
              }
            } });
          }
        } });
      });
    }
    // Requests: a township every third day, a few village clinics a day, a lead-hospital ward most days; the demo's own units twice a week.
    const askers: SterileDemoUnit[] = [];
    const townships = ctx.units.filter((u) => u.kind === 'township_center' || u.kind === 'community_center');
    const villages = ctx.units.filter((u) => u.kind === 'village_clinic' || u.kind === 'community_station');
    if (townships.length) askers.push(townships[(d + 3000) % townships.length]!);
    for (let i = 0; i < 2 && villages.length; i++) askers.push(rng.pick(villages));
    if (rng.chance(0.7)) askers.push(ctx.lead);
    for (const a of ctx.anchors) if (weekday === 2 || weekday === 5 || d === 0) askers.push(ctx.units.find((u) => u.id === a) ?? ctx.lead);
    askers.forEach((unit, k) => {
      const at = day0 + 8 * HOUR + rng.int(0, 90) * MIN + k * MIN;
      todays.push({ at, run: () => {
        const menu = unit === ctx.lead ? WARD_TYPES : unit.kind === 'township_center' || unit.kind === 'community_center' ? TOWNSHIP_TYPES : VILLAGE_TYPES;
        const pickTypes = [...new Set(Array.from({ length: rng.int(2, 3) }, () => rng.pick(menu)))].filter((c) => types.has(c));
        const r: SimRequest = {
          id: rng.uuid(), unit, lines: pickTypes.map((c) => ({ packType: c, quantity: unit.kind === 'village_clinic' ? rng.int(2, 4) : rng.int(3, 8), delivered: 0 })), status: 'requested', createdAt: at,
          deliveredAt: null, cancelledAt: null, neededBy: rng.chance(0.4) ? dayOf(day0 + DAY) : null, note: rng.chance(0.2) ? '周末门诊备用' : null, requester: unit.doctor ?? '护士',
        };
        requests.push(r);
        // Two withdrawn the same morning (a duplicate); today's wait for the afternoon round.
        if ((d === -20 || d === -9) && k === 1) {
          pending.push({ at: at + 40 * MIN, run: () => { r.status = 'cancelled'; r.cancelledAt = at + 40 * MIN; r.note = '取消：重复申领'; } });
          return;
        }
        if (d === 0) return;
        // Yesterday's delivery room asks for more birth packs than the shelf holds: partly delivered.
        if (d === -1 && k === 0 && types.has('DELIVERY')) {
          const onShelf = [...packs.values()].filter((p) => p.packType === 'DELIVERY' && p.status === 'released' && p.organizationId === null).length;
          r.lines = [...r.lines.filter((l) => l.packType !== 'DELIVERY'), { packType: 'DELIVERY', quantity: Math.max(6, onShelf + 4), delivered: 0 }];
          r.note = '产房备用，库存不足时请先发部分';
        }
        const deliverAt = day0 + 13 * HOUR + rng.int(0, 180) * MIN;
        pending.push({ at: deliverAt, run: () => deliver(r, deliverAt) });
      } });
    });
    // The day's steps in time order, with what earlier steps schedule for later today; nothing after now.
    const end = Math.min(day0 + DAY, now + 1);
    for (;;) {
      const queue = [...todays, ...pending];
      let next: { at: number; run: () => void } | null = null;
      for (const q of queue) if (q.at < end && (!next || q.at < next.at)) next = q;
      if (!next) break;
      const from = todays.includes(next) ? todays : pending;
      from.splice(from.indexOf(next), 1);
      next.run();
    }
  }

  function deliver(r: SimRequest, at: number): void {
    if (r.status === 'cancelled') return;
    const shelf = [...packs.values()].filter((p) => p.status === 'released' && p.organizationId === null && !batchFacts(p).recalled);
    for (const line of r.lines) {
      const pick = fefoPick(shelf.map((p) => ({ barcode: p.barcode, packType: p.packType, expiresOn: p.expiresOn, status: p.status })), line.packType, line.quantity - line.delivered, dayOf(at));
      for (const code of pick.picked) {
        const p = packs.get(code)!;
        if (!apply(p, 'deliver', at, { organizationId: r.unit.id })) continue;
        p.organizationId = r.unit.id;
        p.requestId = r.id;
        line.delivered++;
        sentToday.set(line.packType, (sentToday.get(line.packType) ?? 0) + 1);
        shelf.splice(shelf.indexOf(p), 1);
        emit(at, p, 'delivered', { organizationId: r.unit.id, comment: `申领单 ${r.id.slice(0, 8)}` });
        schedule(p, r.unit, at);
      }
    }
    const status = statusAfterDelivery(r.lines, r.status as 'requested');
    if (status !== r.status) r.status = status;
    if (status === 'delivered') r.deliveredAt = at;
  }

  /** Three in four delivered packs are opened on one of the unit's residents within days; a few come back. */
  function schedule(p: SimPack, unit: SterileDemoUnit, deliveredAt: number): void {
    const x = rng.next();
    if (x < 0.75 && unit.residents.length) {
      const at = midnight(deliveredAt) + rng.int(1, 9) * DAY + (8 + rng.int(0, 9)) * HOUR + rng.int(0, 59) * MIN;
      const resident = rng.pick(unit.residents);
      pending.push({ at, run: () => {
        if (!apply(p, 'use', at, { organizationId: unit.id, residentId: resident })) return;
        p.residentId = resident;
        p.usedAt = at;
        emit(at, p, 'used', { organizationId: unit.id, residentId: resident, username: unit.doctor ?? '医生' });
      } });
    } else if (x < 0.8) {
      const at = deliveredAt + rng.int(2, 5) * DAY;
      const intact = rng.chance(0.5);
      pending.push({ at, run: () => {
        const holder = p.organizationId;
        if (!apply(p, 'return', at, { wrapIntact: intact })) return;
        p.organizationId = null;
        p.requestId = null;
        emit(at, p, 'returned', { organizationId: holder, restocked: p.status === 'released', username: unit.doctor ?? '医生', comment: intact ? '包装完好' : '包装破损或潮湿' });
      } });
    }
  }

  const iso = (t: number | null) => (t === null ? null : new Date(t));
  return {
    batches: batches.map((b) => b.row),
    packs: [...packs.values()].map((p) => ({
      community_id: communityId, barcode: p.barcode, pack_type: p.packType, batch_id: p.batchId, centre_id: ctx.centreId, status: p.status, expires_on: p.expiresOn,
      organization_id: p.organizationId, request_id: p.requestId, resident_id: p.residentId, used_at: iso(p.usedAt), updated_at: ctx.now,
    })),
    events: events.sort((a, b) => a.at - b.at || a.seq - b.seq).map((e) => ({
      community_id: communityId, barcode: e.barcode, at: new Date(e.at), kind: e.kind, batch_id: e.batchId ?? null, organization_id: e.organizationId ?? null,
      resident_id: e.residentId ?? null, restocked: e.restocked ?? null, actor_id: null, username: e.username, comment: e.comment ?? null,
    })),
    requests: requests.map((r) => ({
      community_id: communityId, id: r.id, centre_id: ctx.centreId, organization_id: r.unit.id, requester_id: null, requester_name: r.requester, status: r.status,
      needed_by: r.neededBy, note: r.note, lines: r.lines, created_at: new Date(r.createdAt), updated_at: new Date(Math.max(r.createdAt, r.deliveredAt ?? 0, r.cancelledAt ?? 0)),
      delivered_at: iso(r.deliveredAt), cancelled_at: iso(r.cancelledAt),
    })),
  };
}
