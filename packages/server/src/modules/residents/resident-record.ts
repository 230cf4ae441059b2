import type { Actor } from '@yigong/domain';
import type { ResidentRecord, TimelineEntry } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import * as repo from './residents.repository.ts';
import { toListItem } from './resident-view.ts';

const OBS_TITLES: Record<string, string> = {
  blood_pressure: '血压', fasting_glucose: '空腹血糖', random_glucose: '随机血糖', height: '身高', weight: '体重',
};
const EVENT_TITLES: Record<string, TimelineEntry['kind']> = {
  'resident.create': 'created', 'resident.update': 'update', 'resident.transfer_in': 'transfer', 'resident.transfer_out': 'transfer', 'resident.merge': 'merge',
};
const EVENT_LABELS: Record<string, string> = {
  'resident.create': '建档', 'resident.update': '修改档案', 'resident.transfer_in': '档案迁入', 'resident.transfer_out': '档案迁出', 'resident.merge': '合并重复档案',
};

/** Assembles the health record (电子健康档案): header, household, problems, observations, timeline. */
export async function buildRecord(sql: Sql, ctx: AppContext, actor: Actor, row: repo.ResidentRow, access: ResidentRecord['access']): Promise<ResidentRecord> {
  const [problems, observations, members, events] = await Promise.all([
    repo.listProblems(sql, row.community_id, row.id),
    repo.listObservations(sql, row.community_id, row.id),
    row.household_id ? repo.householdMembers(sql, row.community_id, row.household_id, row.id) : Promise.resolve([]),
    repo.recordEvents(sql, row.community_id, row.id),
  ]);
  const timeline: TimelineEntry[] = [
    ...events.map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: EVENT_TITLES[e.action] ?? 'update',
      title: EVENT_LABELS[e.action] ?? e.action,
      detail: e.username ? `操作人：${e.username}` : null,
    })),
    ...problems.map((p) => ({ at: p.onsetDate ? `${p.onsetDate}T00:00:00.000Z` : row.created_at.toISOString(), kind: 'problem' as const, title: `诊断 ${p.code} ${p.nameZh}`, detail: null })),
    ...observations.slice(0, 50).map((o) => ({
      at: new Date(o.observedAt).toISOString(),
      kind: 'observation' as const,
      title: OBS_TITLES[o.kind] ?? o.kind,
      detail: o.kind === 'blood_pressure' ? `${o.value}/${o.value2} ${o.unit}` : `${o.value} ${o.unit}`,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return {
    ...toListItem(row, actor, ctx.cipher, businessDate(ctx.clock)),
    address: row.address,
    gridId: row.grid_id,
    gridName: row.grid_name,
    householdId: row.household_id,
    householdMembers: members,
    insuranceScheme: row.insurance_scheme,
    flags: row.flags,
    status: row.status,
    communityName: row.community_name,
    problems,
    observations: observations.map((o) => ({ ...o, observedAt: new Date(o.observedAt).toISOString() })),
    timeline,
    access,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
