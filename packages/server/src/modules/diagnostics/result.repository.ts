import type { Sql } from '../../platform/db/database.ts';

/** Results and reports of one order: lab observations, the ECG, study files, report versions. */

export interface ObservationRow {
  seq: number;
  code: string;
  name: string | null;
  value_num: number | null;
  value_text: string | null;
  unit: string | null;
  low: number | null;
  high: number | null;
  critical_low: number | null;
  critical_high: number | null;
  flag: 'N' | 'L' | 'H' | 'LL' | 'HH' | null;
}

/** Replaces the order's lab observations (a corrected upload replaces the earlier one whole). */
export async function replaceObservations(sql: Sql, communityId: string, orderId: string, rows: Omit<ObservationRow, 'seq'>[], at: Date): Promise<void> {
  await sql.query('delete from diagnostic_observation where community_id = $1 and order_id = $2', [communityId, orderId]);
  if (rows.length === 0) return;
  await sql.query(
    `insert into diagnostic_observation (community_id, order_id, seq, code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag, recorded_at)
     select $1, $2, s, code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag, $3
       from unnest($4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[])
            with ordinality as t(code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag, s)`,
    [communityId, orderId, at, rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.value_num), rows.map((r) => r.value_text), rows.map((r) => r.unit),
      rows.map((r) => r.low), rows.map((r) => r.high), rows.map((r) => r.critical_low), rows.map((r) => r.critical_high), rows.map((r) => r.flag)],
  );
}

export async function listObservations(sql: Sql, communityId: string, orderId: string): Promise<ObservationRow[]> {
  return (await sql.query<ObservationRow>(
    `select seq, code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag
       from diagnostic_observation where community_id = $1 and order_id = $2 order by seq`,
    [communityId, orderId],
  )).rows;
}

export interface WaveformSummary {
  sampling_rate: number;
  lead_names: string[];
  samples: number;
  heart_rate: number | null;
}

export async function upsertWaveform(sql: Sql, communityId: string, orderId: string, w: { samplingRate: number; leads: Record<string, number[]>; samples: number; heartRate: number | null }, at: Date): Promise<void> {
  await sql.query(
    `insert into diagnostic_waveform (community_id, order_id, sampling_rate, leads, samples, heart_rate, recorded_at) values ($1,$2,$3,$4,$5,$6,$7)
     on conflict (community_id, order_id) do update set sampling_rate = excluded.sampling_rate, leads = excluded.leads, samples = excluded.samples,
       heart_rate = excluded.heart_rate, recorded_at = excluded.recorded_at`,
    [communityId, orderId, w.samplingRate, JSON.stringify(w.leads), w.samples, w.heartRate, at],
  );
}

export async function waveformSummary(sql: Sql, communityId: string, orderId: string): Promise<WaveformSummary | null> {
  return (await sql.query<WaveformSummary>(
    `select sampling_rate, array(select json_object_keys(leads)) as lead_names, samples, heart_rate
       from diagnostic_waveform where community_id = $1 and order_id = $2`,
    [communityId, orderId],
  )).rows[0] ?? null;
}

export async function waveform(sql: Sql, communityId: string, orderId: string): Promise<{ sampling_rate: number; leads: Record<string, number[]> } | null> {
  return (await sql.query<{ sampling_rate: number; leads: Record<string, number[]> }>(
    'select sampling_rate, leads from diagnostic_waveform where community_id = $1 and order_id = $2',
    [communityId, orderId],
  )).rows[0] ?? null;
}

export interface FileRow {
  id: string;
  kind: 'dicom' | 'image';
  name: string;
  media_type: string;
  size: number;
  tags: Record<string, string>;
}

/** Stores a file once per order (the same bytes sent again are the same file: idempotent). */
export async function insertFile(sql: Sql, f: { communityId: string; id: string; orderId: string; kind: 'dicom' | 'image'; mediaType: string; name: string; sha256: string; tags: Record<string, string>; content: Uint8Array; at: Date }): Promise<FileRow> {
  const inserted = await sql.query<FileRow>(
    `insert into diagnostic_file (community_id, id, order_id, kind, media_type, name, size, sha256, tags, content, recorded_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) on conflict (community_id, order_id, sha256) do nothing
     returning id, kind, name, media_type, size, tags`,
    [f.communityId, f.id, f.orderId, f.kind, f.mediaType, f.name, f.content.byteLength, f.sha256, JSON.stringify(f.tags), f.content, f.at],
  );
  if (inserted.rows[0]) return inserted.rows[0];
  return (await sql.query<FileRow>(
    'select id, kind, name, media_type, size, tags from diagnostic_file where community_id = $1 and order_id = $2 and sha256 = $3',
    [f.communityId, f.orderId, f.sha256],
  )).rows[0]!;
}

export async function listFiles(sql: Sql, communityId: string, orderId: string): Promise<FileRow[]> {
  return (await sql.query<FileRow>(
    'select id, kind, name, media_type, size, tags from diagnostic_file where community_id = $1 and order_id = $2 order by recorded_at, id',
    [communityId, orderId],
  )).rows;
}

export async function fileContent(sql: Sql, communityId: string, orderId: string, fileId: string): Promise<(FileRow & { content: Uint8Array }) | null> {
  return (await sql.query<FileRow & { content: Uint8Array }>(
    'select id, kind, name, media_type, size, tags, content from diagnostic_file where community_id = $1 and order_id = $2 and id = $3',
    [communityId, orderId, fileId],
  )).rows[0] ?? null;
}

export interface ReportRow {
  version: number;
  findings: string;
  conclusion: string;
  critical: boolean;
  signed_by_name: string;
  signed_at: Date;
  amend_reason: string | null;
}

export async function insertReport(sql: Sql, r: { communityId: string; orderId: string; version: number; findings: string; conclusion: string; critical: boolean; signedBy: string; signedByName: string; at: Date; amendReason: string | null }): Promise<void> {
  await sql.query(
    `insert into diagnostic_report (community_id, order_id, version, findings, conclusion, critical, signed_by, signed_by_name, signed_at, amend_reason)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [r.communityId, r.orderId, r.version, r.findings, r.conclusion, r.critical, r.signedBy, r.signedByName, r.at, r.amendReason],
  );
}

export async function listReports(sql: Sql, communityId: string, orderId: string): Promise<ReportRow[]> {
  return (await sql.query<ReportRow>(
    'select version, findings, conclusion, critical, signed_by_name, signed_at, amend_reason from diagnostic_report where community_id = $1 and order_id = $2 order by version',
    [communityId, orderId],
  )).rows;
}
