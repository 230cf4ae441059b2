import type { ReferralAction } from '@yigong/domain';
import type { CreateReferralRequest, TransitionRequest } from '@yigong/contracts';
import { createRng } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import { submitReferral, transitionReferral } from '../modules/referral/index.ts';
import { actorOf } from './demo-actors.ts';

const HOUR = 3_600_000;

type Step = [hoursAgo: number, action: ReferralAction, by: 'receiver' | 'clinician' | 'sender', input: TransitionRequest];

interface DemoReferral {
  from: 'vdoc' | 'doctor.town';
  to: 'lead' | 'village' | 'second_hospital';
  direction: CreateReferralRequest['direction'];
  priority: CreateReferralRequest['priority'];
  hoursAgo: number;
  reason: string;
  diagnoses: string[];
  externalHospital?: string;
  steps: Step[];
  /** Book the lead hospital's next reserved place when scheduling. */
  slot?: boolean;
}

const OUTCOME = { diagnosis: 'I10', keyResults: '动态血压：24小时平均 142/88 mmHg；心脏超声未见明显异常', treatment: '调整降压方案：氨氯地平 5 mg qd + 缬沙坦 80 mg qd', plan: '回基层家庭医生团队随访，2 周复测血压' };

/**
 * Demo referrals through the real services, at moments in the past, so the inbox, the escalation
 * list and the detail pages open on work in every status: submitted (fresh and overdue), accepted,
 * scheduled on a reserved place, arrived, completed, rejected, redirected, cancelled; up, down and
 * out of the county.
 */
const REFERRALS: DemoReferral[] = [
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 2, reason: '血压控制不满意，三种降压药联用仍 >160/100 mmHg', diagnoses: ['I10', 'E11.9'], steps: [] },
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'urgent', hoursAgo: 7, reason: '活动后胸闷胸痛 2 天，心电图 ST 段压低', diagnoses: ['I20.9', 'I10'], steps: [] },
  { from: 'doctor.town', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 30, reason: '糖尿病足溃疡，基层换药 2 周未愈', diagnoses: ['E11.9'], steps: [[26, 'accept', 'receiver', {}]] },
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 50, reason: '血糖波动大，需内分泌科调整胰岛素方案', diagnoses: ['E11.9'], slot: true, steps: [[46, 'accept', 'receiver', {}], [45, 'schedule', 'receiver', {}]] },
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'green_channel', hoursAgo: 20, reason: '突发言语不清、右侧肢体无力 1 小时', diagnoses: ['I63.9', 'I10'], steps: [[19.8, 'accept', 'receiver', {}], [19, 'arrive', 'receiver', {}]] },
  { from: 'doctor.town', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 240, reason: '高血压合并蛋白尿，需明确肾损害', diagnoses: ['I10'], steps: [[236, 'accept', 'receiver', {}], [200, 'arrive', 'receiver', {}], [120, 'complete', 'clinician', { outcome: OUTCOME }]] },
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 100, reason: '要求住院复查', diagnoses: ['I10'], steps: [[98, 'reject', 'receiver', { rejectReason: 'not_indicated', reason: '病情稳定，建议基层随访调整用药' }]] },
  { from: 'doctor.town', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 80, reason: '慢阻肺急性加重，需呼吸科评估', diagnoses: ['J44.1'], steps: [[79, 'redirect', 'receiver', { toOrganizationId: 'second_hospital' }]] },
  { from: 'vdoc', to: 'lead', direction: 'up', priority: 'routine', hoursAgo: 60, reason: '头晕待查', diagnoses: ['I10'], steps: [[58, 'cancel', 'sender', { reason: '患者自行前往上级医院就诊' }]] },
  { from: 'doctor.town', to: 'village', direction: 'down', priority: 'routine', hoursAgo: 22, reason: '卫生院住院治疗后血压平稳，转回村卫生室随访', diagnoses: ['I10'], steps: [] },
  { from: 'doctor.town', to: 'lead', direction: 'out', priority: 'urgent', hoursAgo: 5, reason: '急性心肌梗死合并心源性休克，需体外膜肺支持，申请转县外', diagnoses: ['I21.9'], externalHospital: '浙江大学医学院附属第一医院', steps: [] },
];

/** The context at a moment `hoursAgo` before now: the services stamp history, deadlines and audit with it. */
function at(ctx: AppContext, hoursAgo: number): AppContext {
  const t = new Date(ctx.clock.now().getTime() - hoursAgo * HOUR);
  return { ...ctx, clock: { now: () => t } };
}

export async function seedReferrals(ctx: AppContext, communityId: string, anchors: { leadHospital: string; township: string; village: string }): Promise<number> {
  const actors = {
    vdoc: await actorOf(ctx.db, 'vdoc'),
    'doctor.town': await actorOf(ctx.db, 'doctor.town'),
    lead: await actorOf(ctx.db, 'doctor.lead'),
    manager: await actorOf(ctx.db, 'manager'),
  };
  const pick = async (q: string, p: unknown[]) => (await ctx.db.query<{ id: string }>(q, p)).rows.map((r) => r.id);
  const villagers = await pick(`select id from resident where community_id = $1 and organization_id = $2 and status = 'active' order by id limit 20`, [communityId, anchors.village]);
  // The township centre's own patients live in its other village clinics (residents belong to clinics).
  const townsfolk = await pick(
    `select r.id from resident r join organization o on o.community_id = r.community_id and o.id = r.organization_id
      where r.community_id = $1 and (o.id = $2 or (o.parent_id = $2 and o.id <> $3)) and r.status = 'active' order by r.id limit 20`,
    [communityId, anchors.township, anchors.village]);
  const secondHospital = (await pick(`select id from organization where community_id = $1 and kind in ('county_hospital', 'tcm_hospital', 'collaborating_hospital') order by kind, id limit 1`, [communityId]))[0];
  const slots = await pick(
    `select s.id from slot s join resource r on r.community_id = s.community_id and r.id = s.resource_id
      where s.community_id = $1 and r.organization_id = $2 and r.type = 'clinic' and s.starts_at > $3 and s.booked_reserved < s.reserved
      order by s.starts_at, s.id limit 1`, [communityId, anchors.leadHospital, ctx.clock.now()]);
  const ids = createRng(1, 'referrals', communityId);
  let n = 0;
  for (const [i, d] of REFERRALS.entries()) {
    if (d.steps.some(([, action]) => action === 'redirect') && !secondHospital) continue;
    const sender = actors[d.from];
    const residentId = d.from === 'doctor.town' && d.to !== 'village' ? townsfolk[i % townsfolk.length] : villagers[i % villagers.length];
    if (!residentId) throw new Error(`demo referral ${i}: no resident for ${d.from}`);
    const to = d.to === 'lead' ? anchors.leadHospital : d.to === 'village' ? anchors.village : secondHospital!;
    const created = await submitReferral(at(ctx, d.hoursAgo), sender, {
      id: ids.uuid(), residentId, direction: d.direction, toOrganizationId: to, priority: d.priority, reason: d.reason,
      diagnoses: d.diagnoses.map((code, k) => ({ code, primary: k === 0 })), ...(d.externalHospital ? { externalHospital: d.externalHospital } : {}),
    });
    for (const [hoursAgo, action, by, input] of d.steps) {
      const actor = by === 'sender' ? sender : by === 'clinician' ? actors.lead : actors.manager;
      const body: TransitionRequest = { ...input };
      if (action === 'redirect') body.toOrganizationId = secondHospital;
      if (action === 'schedule') {
        if (!slots[0]) break;
        body.slotId = slots[0];
      }
      await transitionReferral(at(ctx, hoursAgo), actor, created.id, action, body);
    }
    n++;
  }
  return n;
}
