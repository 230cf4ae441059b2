import { DomainError, ackShare, percentileOfHistogram, recognitionRate, type Actor, type Modality } from '@yigong/domain';
import type { DiagnosticsIndicatorsView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { cachedCommunityRegion } from '../org/index.ts';
import * as repo from './indicators.repository.ts';
import { answeredByMember } from './consultation.repository.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** [from, to] business dates (Asia/Shanghai) as instants [from 00:00, the day after `to` 00:00). */
function period(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if (end <= start) throw new DomainError('VALIDATION_FAILED', '结束日期不能早于开始日期', { field: 'to' });
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) throw new DomainError('VALIDATION_FAILED', `统计区间不能超过 ${MAX_DAYS} 天`, { field: 'to' });
  return { start, end };
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * The shared centres' indicators for a community and period (docs/domain/diagnostics.md
 * "Indicators"): report turnaround p50/p90 per modality, rejection rate of the quality check,
 * critical values acknowledged in time, the recognition rate and the cost it avoided, and per
 * member unit its orders, remote readings, answered consultations, rejections, late reports and
 * critical values.
 * Orders are counted by the day they were placed, critical values by the day they were raised,
 * recognition outcomes by their day. Five statements whatever the period.
 */
/** p50/p90 per modality present, from the minutes histogram (percentileOfHistogram: nearest rank, as percentile_disc). */
function turnaroundOf(rows: readonly { modality: Modality; minutes: number; count: number }[]): { modality: Modality; count: number; p50: number | null; p90: number | null }[] {
  const by = new Map<Modality, { value: number; count: number }[]>();
  for (const r of rows) {
    const h = by.get(r.modality) ?? [];
    h.push({ value: r.minutes, count: r.count });
    by.set(r.modality, h);
  }
  return [...by.keys()].sort().map((modality) => {
    const h = by.get(modality)!;
    return { modality, count: h.reduce((a, x) => a + x.count, 0), p50: percentileOfHistogram(h, 0.5) ?? null, p90: percentileOfHistogram(h, 0.9) ?? null };
  });
}

export async function diagnosticsIndicators(ctx: AppContext, actor: Actor, q: { communityId: string; from: string; to: string }): Promise<DiagnosticsIndicatorsView> {
  requirePermission(actor, 'indicator.read');
  authorize(actor, 'indicator.read', { communityId: q.communityId, regionCode: await cachedCommunityRegion(ctx, q.communityId) });
  const { start, end } = period(q.from, q.to);
  const now = ctx.clock.now();
  const [members, tat, criticals, recognitions, consultations] = await Promise.all([
    repo.memberCounts(ctx.db, q.communityId, start, end, now),
    repo.turnaroundHistogram(ctx.db, q.communityId, start, end),
    repo.criticalTimes(ctx.db, q.communityId, start, end),
    repo.recognitionCounts(ctx.db, q.communityId, start, end),
    answeredByMember(ctx.db, q.communityId, start, end),
  ]);
  const sum = (k: 'ordered' | 'checked' | 'rejected' | 'reported' | 'remote_reports' | 'late' | 'critical', rows = members) => rows.reduce((a, m) => a + m[k], 0);
  const ack = ackShare(criticals.map((v) => ({ raisedAt: v.raised_at, deadlineAt: v.deadline_at, acknowledgedAt: v.acknowledged_at })), now);
  const used = recognitions.reduce((a, r) => a + r.used, 0);
  const repeated = recognitions.reduce((a, r) => a + r.repeated, 0);
  const units = new Map<string, { organizationId: string; organizationName: string; byModality: Partial<Record<Modality, number>>; rows: repo.MemberCounts[] }>();
  for (const m of members) {
    const u = units.get(m.organization_id) ?? { organizationId: m.organization_id, organizationName: m.organization_name, byModality: {}, rows: [] as repo.MemberCounts[] };
    u.byModality[m.modality] = m.ordered;
    u.rows.push(m);
    units.set(m.organization_id, u);
  }
  // A unit whose consultations were answered but which placed no order in the period is a member row too.
  for (const c of consultations) {
    if (!units.has(c.organization_id)) units.set(c.organization_id, { organizationId: c.organization_id, organizationName: c.organization_name, byModality: {}, rows: [] });
  }
  return {
    communityId: q.communityId, from: q.from, to: q.to,
    turnaround: turnaroundOf(tat),
    ordered: sum('ordered'),
    rejectionRate: ratio(sum('rejected'), sum('checked')),
    rejected: sum('rejected'),
    checked: sum('checked'),
    lateReports: sum('late'),
    remoteReports: sum('remote_reports'),
    consultations: consultations.reduce((a, c) => a + c.answered, 0),
    criticalAck: { total: ack.total, inTime: ack.inTime, share: ack.share },
    recognition: { used, repeated, rate: recognitionRate({ used, repeated }), avoidedFen: recognitions.reduce((a, r) => a + r.avoided_fen, 0) },
    members: [...units.values()].map((u) => {
      const crit = criticals.filter((v) => v.ordering_organization_id === u.organizationId);
      const rec = recognitions.find((r) => r.organization_id === u.organizationId);
      const a = ackShare(crit.map((v) => ({ raisedAt: v.raised_at, deadlineAt: v.deadline_at, acknowledgedAt: v.acknowledged_at })), now);
      return {
        organizationId: u.organizationId, organizationName: u.organizationName, byModality: u.byModality,
        ordered: sum('ordered', u.rows), remoteReports: sum('remote_reports', u.rows), rejected: sum('rejected', u.rows), rejectionRate: ratio(sum('rejected', u.rows), sum('checked', u.rows)),
        lateReports: sum('late', u.rows), consultations: consultations.find((c) => c.organization_id === u.organizationId)?.answered ?? 0, criticalValues: crit.length, criticalAckShare: a.share, recognitionUsed: rec?.used ?? 0, recognitionRepeated: rec?.repeated ?? 0,
      };
    }),
  };
}

/**
 * The dashboard's module indicators of the centres (docs/domain/indicators.md "Module
 * indicators") for the months of a period: remote readings, the rejection rate, critical values
 * acknowledged in time and the recognition rate, as numerator and denominator.
 */
export async function diagnosticsModuleCounts(ctx: AppContext, communityId: string, from: string, toExclusive: string): Promise<Record<'remote_diagnoses' | 'diagnostic_rejection_rate' | 'critical_ack_in_time_rate' | 'recognition_rate', [number, number]>> {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${toExclusive}T00:00:00+08:00`);
  const [members, criticals, recognitions, consultations] = await Promise.all([
    repo.memberCounts(ctx.db, communityId, start, end, ctx.clock.now()), repo.criticalTimes(ctx.db, communityId, start, end), repo.recognitionCounts(ctx.db, communityId, start, end),
    answeredByMember(ctx.db, communityId, start, end),
  ]);
  const ack = ackShare(criticals.map((v) => ({ raisedAt: v.raised_at, deadlineAt: v.deadline_at, acknowledgedAt: v.acknowledged_at })), ctx.clock.now());
  const used = recognitions.reduce((a, r) => a + r.used, 0);
  return {
    // 远程诊断服务量: remote readings and answered remote consultations.
    remote_diagnoses: [members.reduce((a, m) => a + m.remote_reports, 0) + consultations.reduce((a, c) => a + c.answered, 0), 1],
    diagnostic_rejection_rate: [members.reduce((a, m) => a + m.rejected, 0), members.reduce((a, m) => a + m.checked, 0)],
    critical_ack_in_time_rate: [ack.inTime, ack.total],
    recognition_rate: [used, used + recognitions.reduce((a, r) => a + r.repeated, 0)],
  };
}
