import type { Sql } from '../../platform/db/database.ts';
import { insertJsonRows } from '../../platform/db/insert-json-rows.ts';
import { rebuildMonthCounts } from './month-counts.repository.ts';

/**
 * Bulk writes of the demo's month of orders (src/seed/seed-diagnostics.ts): storage only, one
 * statement per table from a JSON array (a few hundred rows; the ECG samples as json).
 */
export interface DemoOrderRows {
  orders: Record<string, unknown>[];
  events: Record<string, unknown>[];
  observations: Record<string, unknown>[];
  waveforms: Record<string, unknown>[];
  files: { community_id: string; id: string; order_id: string; kind: string; media_type: string; name: string; sha256: string; tags: Record<string, string>; content: Uint8Array; recorded_at: Date }[];
  reports: Record<string, unknown>[];
  criticalValues: Record<string, unknown>[];
  recognitions: Record<string, unknown>[];
}

export async function insertDemoOrders(sql: Sql, r: DemoOrderRows): Promise<void> {
  await insertJsonRows(sql, 'diagnostic_order', `community_id, id, resident_id, item_code, modality, centre_id, performing_organization_id, priority, status, reason,
    ordering_organization_id, ordering_user_id, ordering_username, recognised_order_id, repeat_reason, reject_reason, cancel_reason, reader_user_id, reader_name,
    critical, report_version, report_conclusion, ordered_at, accepted_at, rejected_at, resulted_at, report_due_at, reported_at, acknowledged_at, cancelled_at, updated_at`,
  // Repeats point at earlier orders: the referenced ones first.
  [...r.orders].sort((a, b) => Number(a.recognised_order_id != null) - Number(b.recognised_order_id != null)));
  await insertJsonRows(sql, 'diagnostic_order_event', 'community_id, order_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment', r.events);
  await insertJsonRows(sql, 'diagnostic_observation', 'community_id, order_id, seq, code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag, recorded_at', r.observations);
  await insertJsonRows(sql, 'diagnostic_waveform', 'community_id, order_id, sampling_rate, leads, samples, heart_rate, recorded_at', r.waveforms, 20);
  for (const f of r.files) {
    await sql.query(
      `insert into diagnostic_file (community_id, id, order_id, kind, media_type, name, size, sha256, tags, content, recorded_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [f.community_id, f.id, f.order_id, f.kind, f.media_type, f.name, f.content.byteLength, f.sha256, JSON.stringify(f.tags), f.content, f.recorded_at],
    );
  }
  await insertJsonRows(sql, 'diagnostic_report', 'community_id, order_id, version, findings, conclusion, critical, signed_by, signed_by_name, signed_at, amend_reason', r.reports);
  await insertJsonRows(sql, 'critical_value', `community_id, id, order_id, resident_id, ordering_organization_id, ordering_user_id, source, summary, raised_at, deadline_at, stage,
    unit_head_at, medical_department_at, acknowledged_at, acknowledged_by, acknowledged_by_name, ack_note`, r.criticalValues);
  await insertJsonRows(sql, 'recognition_event', 'community_id, id, resident_id, item_code, recognised_order_id, organization_id, user_id, outcome, new_order_id, price_fen, at', r.recognitions);
  // Bulk rows bypass the per-write counts: the months are recounted (month-counts.repository.ts).
  for (const communityId of new Set(r.orders.map((o) => String(o.community_id)))) await rebuildMonthCounts(sql, communityId);
}

export interface DemoConsultationRows {
  consultations: Record<string, unknown>[];
  attachments: { community_id: string; id: string; consultation_id: string; name: string; media_type: string; sha256: string; content: Uint8Array }[];
  events: Record<string, unknown>[];
}

export async function insertDemoConsultations(sql: Sql, r: DemoConsultationRows): Promise<void> {
  await insertJsonRows(sql, 'consultation', `community_id, id, resident_id, requesting_organization_id, requester_user_id, requester_name, consultant_organization_id, consultant_department,
    urgency, question, status, scheduled_at, consultant_user_id, consultant_name, opinion, opinion_at, reason, closed_at, order_id, created_at, updated_at`, r.consultations);
  for (const a of r.attachments) {
    await sql.query('insert into consultation_attachment (community_id, id, consultation_id, name, media_type, size, sha256, content) values ($1,$2,$3,$4,$5,$6,$7,$8)',
      [a.community_id, a.id, a.consultation_id, a.name, a.media_type, a.content.byteLength, a.sha256, a.content]);
  }
  await insertJsonRows(sql, 'consultation_event', 'community_id, consultation_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment', r.events);
}
