import { createHash } from 'node:crypto';
import { synthStudyDicom, type Rng } from '@yigong/synth';
import type { DemoConsultationRows } from '../modules/diagnostics/index.ts';

const HOUR = 3_600_000;

interface Case {
  by: 'vdoc' | 'doctor.town';
  status: 'requested' | 'scheduled' | 'opinion_given' | 'closed' | 'declined' | 'cancelled';
  hoursAgo: number;
  urgency: 'routine' | 'urgent';
  department: string;
  question: string;
  opinion?: string;
  reason?: string;
  /** Hours from the request to the session (scheduled and later). */
  sessionAfter?: number;
  dicom?: boolean;
}

/** The demo's remote consultations (docs/domain/consultation.md), one or more in every status. */
const CASES: Case[] = [
  { by: 'vdoc', status: 'requested', hoursAgo: 1, urgency: 'urgent', department: '心血管内科', question: '患者男，68 岁，反复胸闷 2 周，心电图示 V4–V6 导联 T 波倒置，是否需要上转行冠脉造影？', dicom: false },
  { by: 'doctor.town', status: 'requested', hoursAgo: 20, urgency: 'routine', department: '内分泌科', question: '2 型糖尿病 10 年，胰岛素 + 二甲双胍治疗，HbA1c 9.2%，请协助调整降糖方案。' },
  { by: 'doctor.town', status: 'scheduled', hoursAgo: 26, urgency: 'routine', department: '呼吸内科', question: '慢阻肺患者近 1 月活动后气促加重，胸片见右下肺斑片影，请会诊指导抗感染及吸入治疗。', sessionAfter: 44, dicom: true },
  { by: 'vdoc', status: 'opinion_given', hoursAgo: 50, urgency: 'routine', department: '神经内科', question: '脑梗死恢复期，右侧肢体肌力 4 级，长期服用阿司匹林，近期牙龈出血，是否调整抗血小板方案？', sessionAfter: 20, opinion: '建议复查血常规及凝血功能；若血小板及凝血正常，牙龈出血考虑局部因素，可继续阿司匹林 100 mg qd，同时口腔科就诊；如出血加重或血小板 < 50×10⁹/L，暂停并上转。2 周后村卫生室随访。' },
  { by: 'vdoc', status: 'closed', hoursAgo: 24 * 9, urgency: 'routine', department: '心血管内科', question: '高血压 3 级，三药联用血压仍 160/100 mmHg，请协助调整方案并排查继发性高血压。', sessionAfter: 22, opinion: '建议完善肾功能、电解质、肾动脉超声及醛固酮/肾素比值；方案调整为氨氯地平 10 mg qd + 缬沙坦 160 mg qd + 氢氯噻嗪 12.5 mg qd，2 周后复测家庭血压。' },
  { by: 'doctor.town', status: 'closed', hoursAgo: 24 * 16, urgency: 'urgent', department: '儿科', question: '患儿 3 岁，发热 3 天伴皮疹，手足口病？是否需转诊？', sessionAfter: 2, opinion: '考虑普通型手足口病，无重症表现，可居家隔离对症治疗；出现持续高热、精神差、肢体抖动时立即转诊。' },
  { by: 'doctor.town', status: 'declined', hoursAgo: 24 * 5, urgency: 'routine', department: '骨科', question: '腰椎间盘突出保守治疗 3 月无效，咨询手术指征。', reason: '需面诊查体及 MRI，已建议通过双向转诊预约骨科门诊' },
  { by: 'vdoc', status: 'cancelled', hoursAgo: 24 * 3, urgency: 'routine', department: '皮肤科', question: '面部红斑伴瘙痒 1 月，外用激素后加重，请会诊。', reason: '患者已自行前往县医院皮肤科就诊' },
];

/** Rows of the demo consultations: requested by the demo village doctor and the township clinician, answered at the lead hospital. */
export function demoConsultationRows(c: { communityId: string; now: Date; rng: Rng; leadHospital: string; users: Map<string, string>; units: Record<'vdoc' | 'doctor.town', string | null>; residentOf: (unit: string) => { id: string; name: string; sex: 'male' | 'female'; birth_date: string } | undefined }): DemoConsultationRows {
  const out: DemoConsultationRows = { consultations: [], attachments: [], events: [] };
  const now = c.now.getTime();
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  for (const k of CASES) {
    const unit = c.units[k.by];
    const resident = unit ? c.residentOf(unit) : undefined;
    if (!unit || !resident) continue;
    const id = c.rng.uuid();
    const created = now - k.hoursAgo * HOUR;
    const session = k.sessionAfter !== undefined ? created + k.sessionAfter * HOUR : null;
    const opinionAt = k.opinion && session ? Math.min(now - HOUR / 2, session + HOUR) : null;
    const requester = c.users.get(k.by) ?? c.rng.uuid();
    const consultantUser = c.users.get('doctor.lead') ?? null;
    out.consultations.push({
      community_id: c.communityId, id, resident_id: resident.id, requesting_organization_id: unit, requester_user_id: requester, requester_name: k.by,
      consultant_organization_id: c.leadHospital, consultant_department: k.department, urgency: k.urgency, question: k.question, status: k.status,
      scheduled_at: iso(session), consultant_user_id: session ? consultantUser : null, consultant_name: session ? 'doctor.lead' : null, opinion: k.opinion ?? null,
      opinion_at: iso(opinionAt), reason: k.reason ?? null, closed_at: k.status === 'closed' && opinionAt ? iso(opinionAt + 3 * HOUR) : null, order_id: null,
      created_at: iso(created), updated_at: iso(opinionAt ?? session ?? created),
    });
    const event = (at: number, action: string, from: string | null, to: string, by: 'requester' | 'consultant', comment: string | null) => out.events.push({
      community_id: c.communityId, consultation_id: id, at: iso(at), action, from_status: from, to_status: to, actor_id: by === 'requester' ? requester : consultantUser,
      username: by === 'requester' ? k.by : 'doctor.lead', role: by === 'requester' && k.by === 'vdoc' ? 'village_doctor' : 'clinician', organization_id: by === 'requester' ? unit : c.leadHospital, comment,
    });
    event(created, 'request', null, 'requested', 'requester', k.question.slice(0, 200));
    if (k.status === 'declined') event(created + 2 * HOUR, 'decline', 'requested', 'declined', 'consultant', k.reason ?? null);
    if (k.status === 'cancelled') event(created + 5 * HOUR, 'cancel', 'requested', 'cancelled', 'requester', k.reason ?? null);
    if (session) event(created + HOUR, 'schedule', 'requested', 'scheduled', 'consultant', `会诊时间 ${new Date(session + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')}`);
    if (opinionAt) event(opinionAt, 'give_opinion', 'scheduled', 'opinion_given', 'consultant', '已出具会诊意见');
    if (k.status === 'closed' && opinionAt) event(opinionAt + 3 * HOUR, 'close', 'opinion_given', 'closed', 'requester', null);
    if (k.dicom) {
      const study = synthStudyDicom({ kind: 'chest_dr', size: 128, seed: c.rng.int(1, 2 ** 30), studyDate: new Date(created + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', ''),
        patient: { name: resident.name, id: resident.id.slice(0, 8).toUpperCase(), sex: resident.sex, birthDate: resident.birth_date.replaceAll('-', '') } });
      out.attachments.push({ community_id: c.communityId, id: c.rng.uuid(), consultation_id: id, name: '胸部正位片.dcm', media_type: 'application/dicom', sha256: createHash('sha256').update(study.bytes).digest('hex'), content: study.bytes });
    }
  }
  return out;
}
