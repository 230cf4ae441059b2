import { createHash } from 'node:crypto';
import { ECG_LEADS, heartRate, interpret, reportDueAt, type DiagnosticCatalogueItem, type LabAnalyte, type OrderStatus } from '@yigong/domain';
import { synthEcg, synthStudyDicom, writeDicom, type EcgVariant, type Rng } from '@yigong/synth';
import type { DemoOrderRows } from '../modules/diagnostics/index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoUnit {
  id: string;
  kind: string;
  parent_id: string | null;
  name: string;
  doctor: string | null;
}

export interface DemoOrderContext {
  communityId: string;
  now: Date;
  rng: Rng;
  leadHospital: { id: string; name: string };
  centres: Map<string, string>;
  units: readonly DemoUnit[];
  residents: readonly { id: string; organization_id: string; name: string; sex: 'male' | 'female'; birth_date: string }[];
  users: Map<string, string>;
  anchors: { village: string | null; township: string | null };
  catalogue: readonly DiagnosticCatalogueItem[];
}

type Resident = DemoOrderContext['residents'][number];

/** One scripted or drawn order: who, what, and when each step happened (null: not yet). */
interface Draft {
  id: string;
  unit: DemoUnit;
  resident: Resident;
  item: DiagnosticCatalogueItem;
  priority: 'routine' | 'urgent';
  reason: string;
  orderedAt: number;
  acceptedAt: number | null;
  rejectedAt: number | null;
  rejectReason: string | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  resultedAt: number | null;
  reportedAt: number | null;
  acknowledgedAt: number | null;
  /** Forced findings: an ECG variant, a critical lab analyte, an abnormal or critical imaging finding. */
  ecg?: EcgVariant;
  criticalAnalyte?: { code: string; value: number };
  finding?: { findings: string; conclusion: string; critical: boolean };
  critical?: { source: 'result' | 'report'; ackAfterMin: number | null; summary?: string };
  repeatOf?: { id: string; reason: string };
}

const REASONS: Record<string, string[]> = {
  ecg: ['胸闷、心悸 3 天', '高血压患者年度体检', '活动后气短', '头晕乏力，既往心律不齐', '糖尿病患者心血管风险评估'],
  imaging: ['咳嗽咳痰 1 周，伴发热', '头痛头晕 3 天', '体检发现肺部结节复查', '外伤后头部疼痛', '长期吸烟，胸部筛查'],
  lab: ['慢病随访复查', '乏力、食欲差', '高血压患者年度检查', '糖尿病血糖控制评估', '发热待查', '服用降压药后复查电解质'],
  pathology: ['胃镜下取活检', '皮肤肿物切除送检'],
};
const REJECT_REASONS: Record<string, string[]> = {
  ecg: ['心电图基线漂移严重，请重新采集', '导联脱落（V4–V6），请重新采集'],
  imaging: ['图像质量不合格（运动伪影），请重新摄片', '申请信息不全，缺少临床诊断'],
  lab: ['标本溶血，请重新采血', '标本量不足', '标本超时送检（>2 小时）'],
  pathology: ['标本未用甲醛固定'],
};
/** Items drawn for the month, with weights (pathology and ultrasound only scripted: no study data in the demo). */
const DRAWN: [code: string, weight: number][] = [
  ['ECG-12', 26], ['DR-CHEST', 10], ['CT-HEAD', 5], ['CT-CHEST', 5],
  ['LAB-CBC', 14], ['LAB-GLU', 9], ['LAB-LIVER', 5], ['LAB-KIDNEY', 6], ['LAB-LIPID', 5], ['LAB-HBA1C', 5], ['LAB-ELEC', 4], ['LAB-URINE', 4], ['LAB-THYROID', 2],
];
const IMAGING_FINDINGS: Record<string, { findings: string; conclusion: string }> = {
  'DR-CHEST': { findings: '右下肺野见斑片状模糊影，边缘欠清，余肺野清晰。心影大小正常。双侧膈面光整。', conclusion: '右下肺炎症，建议抗感染治疗后复查。' },
  'CT-HEAD': { findings: '双侧基底节区见多发斑点状低密度影，边界清。脑室系统未见扩大，中线结构居中。', conclusion: '双侧基底节区腔隙性脑梗死。' },
  'CT-CHEST': { findings: '右肺上叶尖段见一磨玻璃密度结节，直径约 6 mm，边界清。纵隔内未见肿大淋巴结。', conclusion: '右肺上叶磨玻璃结节（约 6 mm），建议 6–12 个月复查胸部 CT。' },
};

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(0, list.length - 1)]!;
}

/** A lab value: mostly inside the reference range, some outside, never past a critical limit unless forced. */
function labValue(rng: Rng, a: LabAnalyte, female: boolean): { value: number | string; low?: number; high?: number } {
  const low = female && a.female?.low !== undefined ? a.female.low : a.low;
  const high = female && a.female?.high !== undefined ? a.female.high : a.high;
  const range = { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
  if (a.normalText) return { value: rng.chance(0.1) ? '+' : a.normalText, ...range };
  const lo = low ?? (high ?? 1) * 0.3;
  const hi = high ?? lo * 2;
  let v = lo + rng.next() * (hi - lo);
  if (rng.chance(0.12)) v = rng.chance(0.6) ? hi * (1.05 + rng.next() * 0.4) : lo * (0.65 + rng.next() * 0.3);
  if (a.criticalHigh !== undefined) v = Math.min(v, a.criticalHigh * 0.95);
  if (a.criticalLow !== undefined) v = Math.max(v, a.criticalLow * 1.05);
  const digits = hi >= 100 ? 0 : hi >= 10 ? 1 : 2;
  return { value: Number(v.toFixed(digits)), ...range };
}

const ymd = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * The demo's month of orders (issue #13): about ten a working day from the member units (a
 * quarter from the demo village doctor's clinic), each moved through its steps at drawn delays —
 * quality check, data transfer, reading (some past their target), acknowledgement — and stopped
 * where `now` falls, so every status is present; plus scripted cases: critical values open,
 * escalated to the unit head and to the medical department, acknowledged in time and late; and
 * repeats of recognised results with their reasons.
 */
export function demoOrderRows(c: DemoOrderContext): DemoOrderRows {
  const { rng } = c;
  const now = c.now.getTime();
  const byCode = new Map(c.catalogue.map((i) => [i.code, i]));
  const residentsOf = new Map<string, Resident[]>();
  for (const r of c.residents) residentsOf.set(r.organization_id, [...(residentsOf.get(r.organization_id) ?? []), r]);
  // A township centre orders for the residents of its own clinics too.
  for (const u of c.units) {
    if (!residentsOf.has(u.id)) {
      const below = c.units.filter((v) => v.parent_id === u.id).flatMap((v) => residentsOf.get(v.id) ?? []);
      if (below.length) residentsOf.set(u.id, below);
    }
  }
  const units = c.units.filter((u) => residentsOf.has(u.id));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const village = c.anchors.village ? unitById.get(c.anchors.village) : undefined;
  const township = c.anchors.township ? unitById.get(c.anchors.township) : undefined;
  const drafts: Draft[] = [];
  const weights = DRAWN.filter(([code]) => byCode.has(code));
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const drawItem = () => {
    let x = rng.next() * total;
    for (const [code, w] of weights) if ((x -= w) < 0) return byCode.get(code)!;
    return byCode.get(weights[0]![0])!;
  };
  const blank = (unit: DemoUnit, item: DiagnosticCatalogueItem, orderedAt: number, priority: 'routine' | 'urgent'): Draft => ({
    id: rng.uuid(), unit, resident: pick(rng, residentsOf.get(unit.id)!), item, priority, reason: pick(rng, REASONS[item.modality]!), orderedAt,
    acceptedAt: null, rejectedAt: null, rejectReason: null, cancelledAt: null, cancelReason: null, resultedAt: null, reportedAt: null, acknowledgedAt: null,
  });
  /** Moves a draft through its steps at drawn delays, stopping at `now`. */
  const advance = (d: Draft, fate: 'normal' | 'reject' | 'cancel') => {
    const step = (from: number, minMin: number, maxMin: number) => from + rng.int(minMin, maxMin) * MIN;
    if (fate === 'cancel') {
      const t = step(d.orderedAt, 10, 60);
      if (t <= now) [d.cancelledAt, d.cancelReason] = [t, '患者已前往上级医院就诊，撤销申请'];
      return;
    }
    const checked = step(d.orderedAt, d.priority === 'urgent' ? 2 : 5, d.priority === 'urgent' ? 10 : 45);
    if (checked > now) return;
    if (fate === 'reject') {
      [d.rejectedAt, d.rejectReason] = [checked, pick(rng, REJECT_REASONS[d.item.modality]!)];
      return;
    }
    d.acceptedAt = checked;
    const [a, b] = d.item.modality === 'ecg' ? [3, 15] : d.item.modality === 'imaging' ? [10, 60] : d.item.modality === 'lab' ? [20, 90] : [24 * 60, 48 * 60];
    const resulted = step(checked, a, b);
    if (resulted > now) return;
    d.resultedAt = resulted;
    const target = d.priority === 'urgent' ? d.item.turnaroundMinutes.urgent : d.item.turnaroundMinutes.routine;
    const reported = resulted + Math.max(2, Math.round(target * (0.25 + rng.next() * 1.05))) * MIN;
    if (reported > now) return;
    d.reportedAt = reported;
    const ack = step(reported, 10, 600);
    if (ack <= now && !rng.chance(0.12)) d.acknowledgedAt = ack;
  };

  // The month: about ten orders a working day, fewer at weekends.
  const day0 = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  for (let d = 29; d >= 0; d--) {
    const start = day0 - d * DAY;
    const weekday = new Date(start + 8 * HOUR).getUTCDay();
    const n = weekday === 0 || weekday === 6 ? rng.int(2, 5) : rng.int(8, 13);
    for (let k = 0; k < n; k++) {
      const orderedAt = start + 8 * HOUR + rng.int(0, 570) * MIN;
      if (orderedAt > now) continue;
      const unit = village && rng.chance(0.25) ? village : township && rng.chance(0.15) ? township : pick(rng, units);
      const draft = blank(unit, drawItem(), orderedAt, rng.chance(0.15) ? 'urgent' : 'routine');
      if (draft.item.modality === 'ecg') draft.ecg = rng.chance(0.08) ? 'atrial_fibrillation' : rng.chance(0.07) ? 'bradycardia' : 'normal';
      if (draft.item.modality === 'imaging' && rng.chance(0.18)) draft.finding = { ...IMAGING_FINDINGS[draft.item.code]!, critical: false };
      const r = rng.next();
      advance(draft, r < 0.05 ? 'reject' : r < 0.08 ? 'cancel' : 'normal');
      drafts.push(draft);
    }
  }

  // Scripted cases (docs/domain/diagnostics.md "Critical values"), relative to now.
  const script = (unit: DemoUnit | undefined, code: string, priority: 'routine' | 'urgent', minutesAgo: number[], extra: Partial<Draft>) => {
    const item = byCode.get(code);
    if (!unit || !item) return;
    const [o, a, r, p, k] = minutesAgo.map((m) => now - m * MIN);
    drafts.push({ ...blank(unit, item, o!, priority), acceptedAt: a ?? null, resultedAt: r ?? null, reportedAt: p ?? null, acknowledgedAt: k ?? null, ...extra });
  };
  // A clinic under the same township (its head sees the escalation), not the demo village doctor's.
  const otherVillage = units.find((u) => u.parent_id === township?.id && u.id !== village?.id) ?? units.find((u) => u.id !== village?.id);
  // Open for the village doctor: an anterior STEMI read six minutes ago.
  script(village, 'ECG-12', 'urgent', [35, 32, 28, 6], { reason: '突发胸痛 40 分钟，伴大汗', ecg: 'st_elevation', critical: { source: 'report', ackAfterMin: null } });
  // A critical potassium the village doctor acknowledged within the deadline.
  script(village, 'LAB-ELEC', 'urgent', [300, 290, 240, 210, 180], { reason: '服用螺内酯后乏力、心悸', criticalAnalyte: { code: '2823-3', value: 6.9 }, critical: { source: 'result', ackAfterMin: 12 } });
  // An intracranial haemorrhage nobody acknowledged: now with the medical department.
  script(township, 'CT-HEAD', 'urgent', [200, 192, 175, 156], { reason: '突发剧烈头痛伴呕吐 1 小时', finding: { findings: '左侧基底节区见团块状高密度影，大小约 3.1 cm × 2.4 cm，周围见低密度水肿带，左侧脑室受压，中线结构右移约 4 mm。', conclusion: '左侧基底节区脑出血（约 10 ml），中线右移，建议立即转上级医院神经外科。', critical: true }, critical: { source: 'report', ackAfterMin: null } });
  // A critically low platelet count at a neighbouring clinic, now with the township's head.
  script(otherVillage, 'LAB-CBC', 'urgent', [95, 90, 50], { reason: '皮肤瘀斑、牙龈出血 3 天', criticalAnalyte: { code: '777-3', value: 18 }, critical: { source: 'result', ackAfterMin: null } });
  // Five days ago: a critical ECG acknowledged late, after the unit head was called.
  script(village, 'ECG-12', 'urgent', [7240, 7236, 7230, 7215, 7100], { reason: '晕厥 1 次', ecg: 'st_elevation', critical: { source: 'report', ackAfterMin: 41 } });
  // The centres' queues right now: waiting for the quality check, for the data, for the reading (one overdue).
  const pending: [DemoUnit | undefined, string, 'routine' | 'urgent', number[]][] = [
    [village, 'DR-CHEST', 'routine', [18]], [township, 'LAB-LIVER', 'routine', [25]], [otherVillage, 'ECG-12', 'urgent', [4]],
    [township, 'CT-CHEST', 'routine', [70, 55]], [village, 'LAB-HBA1C', 'routine', [95, 80]],
    [otherVillage, 'ECG-12', 'routine', [48, 44, 41]], [township, 'DR-CHEST', 'urgent', [100, 95, 85]], [village, 'LAB-CBC', 'routine', [150, 140, 100]],
  ];
  for (const [unit, code, priority, minutes] of pending) {
    script(unit, code, priority, minutes, code.startsWith('ECG') ? { ecg: 'normal' } : {});
  }
  // Pathology: a biopsy ordered this morning and one whose specimen is being processed.
  script(village, 'PATH-BIOPSY', 'routine', [60], { reason: '皮肤肿物切除送检' });
  script(township, 'PATH-BIOPSY', 'routine', [1300, 1200], { reason: '胃镜下胃窦黏膜活检' });

  // Repeats inside a recognised result's window, with their reasons (结果互认).
  const recognitions: Record<string, unknown>[] = [];
  const signed = drafts.filter((d) => d.reportedAt && !d.critical && (d.item.code === 'LAB-CBC' || d.item.code === 'LAB-GLU' || d.item.code === 'DR-CHEST') && now - d.reportedAt < 4 * DAY && now - d.reportedAt > DAY);
  for (const prior of signed.slice(0, 4)) {
    const unit = units.find((u) => u.id !== prior.unit.id && residentsOf.get(u.id)) ?? prior.unit;
    const repeat: Draft = { ...blank(unit, prior.item, prior.reportedAt! + rng.int(4, 20) * HOUR, 'routine'), resident: prior.resident, repeatOf: { id: prior.id, reason: pick(rng, ['病情变化，需复查', '外院结果项目不全，需补充', '治疗后疗效评估']) } };
    if (repeat.orderedAt > now) continue;
    advance(repeat, 'normal');
    drafts.push(repeat);
    recognitions.push({ community_id: c.communityId, id: rng.uuid(), resident_id: prior.resident.id, item_code: prior.item.code, recognised_order_id: prior.id, organization_id: unit.id, user_id: null, outcome: 'repeated', new_order_id: repeat.id, price_fen: prior.item.priceFen, at: iso(repeat.orderedAt) });
  }
  // Results used instead of ordering again (avoided tests).
  const usable = drafts.filter((d) => d.reportedAt && !d.repeatOf && d.item.validityDays >= 7 && now - d.reportedAt > 6 * HOUR && now - d.reportedAt < 6 * DAY);
  for (const prior of usable.filter((_, i) => i % 3 === 0).slice(0, 10)) {
    const unit = township && township.id !== prior.unit.id ? township : units.find((u) => u.id !== prior.unit.id)!;
    recognitions.push({ community_id: c.communityId, id: rng.uuid(), resident_id: prior.resident.id, item_code: prior.item.code, recognised_order_id: prior.id, organization_id: unit.id, user_id: null, outcome: 'used', new_order_id: null, price_fen: prior.item.priceFen, at: iso(Math.min(now, prior.reportedAt! + rng.int(2, 30) * HOUR)) });
  }
  return { ...emit(c, drafts), recognitions };
}

/** Rows of every table for the drafts. */
function emit(c: DemoOrderContext, drafts: readonly Draft[]): Omit<DemoOrderRows, 'recognitions'> {
  const { rng } = c;
  const now = c.now.getTime();
  const out: Omit<DemoOrderRows, 'recognitions'> = { orders: [], events: [], observations: [], waveforms: [], files: [], reports: [], criticalValues: [] };
  const reader = (modality: string) => (modality === 'lab' || modality === 'pathology' ? 'reader.lab' : 'reader');
  for (const d of drafts) {
    const community_id = c.communityId;
    const orderer = d.unit.id === c.anchors.village ? 'vdoc' : d.unit.id === c.anchors.township ? 'doctor.town' : null;
    const ordererId = orderer ? c.users.get(orderer) ?? rng.uuid() : rng.uuid();
    const ordererName = orderer ?? d.unit.doctor ?? `${d.unit.name}医生`;
    const readerName = reader(d.item.modality);
    const readerId = c.users.get(readerName) ?? null;
    const status: OrderStatus = d.cancelledAt ? 'cancelled' : d.rejectedAt ? 'rejected' : d.acknowledgedAt ? 'acknowledged' : d.reportedAt ? 'reported' : d.resultedAt ? 'resulted' : d.acceptedAt ? 'accepted' : 'ordered';
    const event = (at: number, action: string, from: string | null, to: string, by: 'orderer' | 'reader', comment: string | null = null) => out.events.push({
      community_id, order_id: d.id, at: iso(at), action, from_status: from, to_status: to, actor_id: by === 'orderer' ? ordererId : readerId,
      username: by === 'orderer' ? ordererName : readerName, role: by === 'orderer' ? (d.unit.kind === 'village_clinic' ? 'village_doctor' : 'clinician') : 'reader',
      organization_id: by === 'orderer' ? d.unit.id : c.leadHospital.id, comment,
    });
    event(d.orderedAt, 'order', null, 'ordered', 'orderer', d.reason);
    if (d.cancelledAt) event(d.cancelledAt, 'cancel', 'ordered', 'cancelled', 'orderer', d.cancelReason);
    if (d.rejectedAt) event(d.rejectedAt, 'reject', 'ordered', 'rejected', 'reader', `退回：${d.rejectReason}`);
    if (d.acceptedAt) event(d.acceptedAt, 'accept', 'ordered', 'accepted', 'reader');

    let conclusion: string | null = null;
    let findings = '';
    let critical = false;
    let criticalSummary = '';
    if (d.resultedAt) {
      const recorded = iso(d.resultedAt);
      if (d.item.modality === 'lab') {
        const female = d.resident.sex === 'female';
        const values = (d.item.analytes ?? []).map((a, seq) => {
          const v = d.criticalAnalyte?.code === a.code ? { ...labValue(rng, a, female), value: d.criticalAnalyte.value } : labValue(rng, a, female);
          const flag = interpret({ ...v, ...(a.criticalLow !== undefined ? { criticalLow: a.criticalLow } : {}), ...(a.criticalHigh !== undefined ? { criticalHigh: a.criticalHigh } : {}) });
          out.observations.push({ community_id, order_id: d.id, seq: seq + 1, code: a.code, name: a.name, value_num: typeof v.value === 'number' ? v.value : null, value_text: typeof v.value === 'string' ? v.value : null, unit: a.unit, low: v.low ?? null, high: v.high ?? null, critical_low: a.criticalLow ?? null, critical_high: a.criticalHigh ?? null, flag, recorded_at: recorded });
          return { a, v, flag };
        });
        const abnormal = values.filter((x) => x.flag && x.flag !== 'N' || (typeof x.v.value === 'string' && x.a.normalText && x.v.value !== x.a.normalText));
        findings = `共检测 ${values.length} 项，异常 ${abnormal.length} 项。${abnormal.map((x) => `${x.a.name} ${x.v.value}${x.a.unit ? ` ${x.a.unit}` : ''}${x.flag === 'H' || x.flag === 'HH' ? '↑' : x.flag === 'L' || x.flag === 'LL' ? '↓' : ''}`).join('，')}`;
        conclusion = abnormal.length === 0 ? d.item.template.conclusionTemplate : `${abnormal.map((x) => `${x.a.name}${x.flag === 'H' || x.flag === 'HH' ? '升高' : x.flag === 'L' || x.flag === 'LL' ? '降低' : '异常'}`).join('、')}，请结合临床。`;
        const crit = values.filter((x) => x.flag === 'LL' || x.flag === 'HH');
        if (crit.length) {
          critical = true;
          criticalSummary = crit.map((x) => `${x.a.name} ${x.v.value} ${x.a.unit}（${x.flag === 'HH' ? '危急偏高' : '危急偏低'}）`).join('；');
        }
        event(d.resultedAt, 'result', 'accepted', 'resulted', 'reader', `检验结果 ${values.length} 项`);
      } else if (d.item.modality === 'ecg') {
        const ecg = synthEcg({ variant: d.ecg ?? 'normal', samplingRate: 250, seconds: 10, seed: rng.int(1, 2 ** 30) });
        const hr = heartRate(ecg.leads.II, 250);
        out.waveforms.push({ community_id, order_id: d.id, sampling_rate: 250, leads: Object.fromEntries(ECG_LEADS.map((l) => [l, ecg.leads[l]])), samples: ecg.leads.II.length, heart_rate: hr, recorded_at: recorded });
        const variant = d.ecg ?? 'normal';
        if (variant === 'st_elevation') {
          findings = `窦性心律，心率 ${hr ?? '—'} 次/分。V1–V4 导联 ST 段弓背向上抬高 0.2–0.4 mV，II、III、aVF 导联 ST 段压低。`;
          conclusion = '1. 窦性心律\n2. 急性前壁 ST 段抬高型心肌梗死（危急值），请立即启动胸痛中心流程';
          critical = true;
          criticalSummary = '急性前壁 ST 段抬高型心肌梗死';
        } else if (variant === 'atrial_fibrillation') {
          findings = `P 波消失，代之以 f 波，RR 间期绝对不等，平均心室率 ${hr ?? '—'} 次/分。QRS 波形态正常。`;
          conclusion = '心房颤动';
        } else if (variant === 'bradycardia') {
          findings = `窦性心律，心率 ${hr ?? '—'} 次/分，PR 间期 170 ms，QRS 时限 92 ms。`;
          conclusion = '窦性心动过缓';
        } else {
          findings = d.item.template.findingsTemplate.replace('{{hr}}', String(hr ?? 72)).replace('{{pr}}', '156').replace('{{qrs}}', '90').replace('{{qt}}', '380').replace('{{qtc}}', '408').replace('{{axis}}', '45');
          conclusion = d.item.template.conclusionTemplate;
        }
        event(d.resultedAt, 'result', 'accepted', 'resulted', 'orderer', '心电图数据');
      } else if (d.item.modality === 'imaging') {
        const kind = d.item.code === 'CT-HEAD' ? 'head_ct' : 'chest_dr';
        const study = synthStudyDicom({
          kind, size: 128, seed: rng.int(1, 2 ** 30), studyDate: ymd(d.acceptedAt!), institutionName: d.unit.name,
          patient: { name: d.resident.name, id: d.resident.id.slice(0, 8).toUpperCase(), sex: d.resident.sex, birthDate: d.resident.birth_date.replaceAll('-', '') },
        });
        const bytes = d.item.code === 'CT-CHEST' ? writeDicom({ ...study.spec, modality: 'CT', studyDescription: '胸部CT平扫' }) : study.bytes;
        out.files.push({
          community_id, id: rng.uuid(), order_id: d.id, kind: 'dicom', media_type: 'application/dicom', name: `${d.item.code}.dcm`, sha256: createHash('sha256').update(bytes).digest('hex'),
          tags: { PatientName: d.resident.name, PatientID: study.spec.patientId, Modality: d.item.code === 'CT-CHEST' ? 'CT' : study.spec.modality, StudyDate: study.spec.studyDate, StudyDescription: d.item.code === 'CT-CHEST' ? '胸部CT平扫' : study.spec.studyDescription ?? '', InstitutionName: d.unit.name, Rows: '128', Columns: '128' },
          content: bytes, recorded_at: new Date(d.resultedAt),
        });
        findings = d.finding?.findings ?? d.item.template.findingsTemplate;
        conclusion = d.finding?.conclusion ?? d.item.template.conclusionTemplate;
        if (d.finding?.critical) {
          critical = true;
          criticalSummary = d.finding.conclusion.slice(0, 40);
        }
        event(d.resultedAt, 'result', 'accepted', 'resulted', 'orderer', '影像文件 1 个');
      }
    }
    if (d.reportedAt && conclusion) {
      out.reports.push({ community_id, order_id: d.id, version: 1, findings, conclusion, critical, signed_by: readerId, signed_by_name: readerName, signed_at: iso(d.reportedAt), amend_reason: null });
      event(d.reportedAt, 'report', 'resulted', 'reported', 'reader', critical ? '报告危急值' : null);
    }
    if (d.acknowledgedAt) event(d.acknowledgedAt, 'acknowledge', 'reported', 'acknowledged', 'orderer');
    const dueAt = d.resultedAt ? reportDueAt(new Date(d.resultedAt), d.priority, d.item.turnaroundMinutes).getTime() : null;
    out.orders.push({
      community_id: c.communityId, id: d.id, resident_id: d.resident.id, item_code: d.item.code, modality: d.item.modality, centre_id: c.centres.get(d.item.centre), performing_organization_id: c.leadHospital.id,
      priority: d.priority, status, reason: d.reason, ordering_organization_id: d.unit.id, ordering_user_id: ordererId, ordering_username: ordererName,
      recognised_order_id: d.repeatOf?.id ?? null, repeat_reason: d.repeatOf?.reason ?? null, reject_reason: d.rejectReason, cancel_reason: d.cancelReason,
      reader_user_id: d.reportedAt ? readerId : null, reader_name: d.reportedAt ? readerName : null, critical, report_version: d.reportedAt && conclusion ? 1 : 0, report_conclusion: d.reportedAt ? conclusion : null,
      ordered_at: iso(d.orderedAt), accepted_at: iso(d.acceptedAt), rejected_at: iso(d.rejectedAt), resulted_at: iso(d.resultedAt), report_due_at: iso(dueAt), reported_at: iso(d.reportedAt),
      acknowledged_at: iso(d.acknowledgedAt), cancelled_at: iso(d.cancelledAt), updated_at: iso(d.acknowledgedAt ?? d.reportedAt ?? d.resultedAt ?? d.acceptedAt ?? d.rejectedAt ?? d.cancelledAt ?? d.orderedAt),
    });
    // The critical value, with the escalation steps that fell due before it was acknowledged (or now).
    const raisedAt = d.critical?.source === 'result' ? d.resultedAt : d.reportedAt;
    if (d.critical && critical && raisedAt) {
      const ackAt = d.critical.ackAfterMin === null ? null : raisedAt + d.critical.ackAfterMin * MIN;
      const until = ackAt ?? now;
      const deadline = raisedAt + 30 * MIN;
      const unitHeadAt = until > deadline ? deadline : null;
      const medicalAt = until > deadline + 30 * MIN ? deadline + 30 * MIN : null;
      out.criticalValues.push({
        community_id, id: rng.uuid(), order_id: d.id, resident_id: d.resident.id, ordering_organization_id: d.unit.id, ordering_user_id: ordererId, source: d.critical.source,
        summary: criticalSummary, raised_at: iso(raisedAt), deadline_at: iso(deadline), stage: medicalAt ? 'medical_department' : unitHeadAt ? 'unit_head' : 'doctor',
        unit_head_at: iso(unitHeadAt), medical_department_at: iso(medicalAt), acknowledged_at: iso(ackAt), acknowledged_by: ackAt ? ordererId : null,
        acknowledged_by_name: ackAt ? ordererName : null, ack_note: ackAt ? (d.critical.ackAfterMin! <= 30 ? '已电话通知患者立即复诊' : '已联系患者转诊上级医院') : null,
      });
    }
  }
  return out;
}
