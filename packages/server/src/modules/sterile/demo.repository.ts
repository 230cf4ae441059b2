import type { Sql } from '../../platform/db/database.ts';
import { insertJsonRows } from '../../platform/db/insert-json-rows.ts';

/** The demo month of the centre (src/seed/demo-sterile.ts) as rows, one statement per table from a JSON array. */
export interface DemoSterileRows {
  batches: Record<string, unknown>[];
  packs: Record<string, unknown>[];
  events: Record<string, unknown>[];
  requests: Record<string, unknown>[];
}

export async function insertDemoSterile(sql: Sql, r: DemoSterileRows): Promise<void> {
  await insertJsonRows(sql, 'sterile_batch', `community_id, id, centre_id, sterilised_on, day_seq, sterilizer_code, cycle_no, method, steam_cycle_type, started_at, ended_at, temperature_c,
    exposure_minutes, pressure_kpa, chemical_pass, biological_pass, bowie_dick_pass, implants, status, hold_reasons, operator_name, released_at, recalled_at, recall_reason, recalled_by, created_at`, r.batches);
  await insertJsonRows(sql, 'sterile_request', 'community_id, id, centre_id, organization_id, requester_id, requester_name, status, needed_by, note, lines, created_at, updated_at, delivered_at, cancelled_at', r.requests);
  await insertJsonRows(sql, 'sterile_pack', 'community_id, barcode, pack_type, batch_id, centre_id, status, expires_on, organization_id, request_id, resident_id, used_at, updated_at', r.packs);
  await insertJsonRows(sql, 'sterile_pack_event', 'community_id, barcode, at, kind, batch_id, organization_id, resident_id, restocked, actor_id, username, comment', r.events);
}
