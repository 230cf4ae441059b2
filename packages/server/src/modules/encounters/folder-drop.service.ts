import { createReadStream } from 'node:fs';
import type { Actor, Role } from '@yigong/domain';
import type { IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { accountActor } from '../auth/index.ts';
import { feedLines, type FeedType } from './feed-lines.ts';
import { ingestCommunity, ingestEncounters } from './ingest.service.ts';

export type DropKind = 'ndjson' | 'csv' | 'fhir';

/** Who may own a drop folder: the senders of docs/domain/encounters.md (a unit's HIS, the insurance agency, the community office). */
const FOLDER_SENDERS: ReadonlySet<Role> = new Set<Role>(['integration', 'insurance_officer', 'manager']);

const FEED_TYPES: Record<DropKind, FeedType> = { ndjson: 'application/x-ndjson', csv: 'text/csv', fhir: 'application/fhir+json' };

/**
 * The actor a drop folder acts as: the account named by the folder (`accountActor`, as a session
 * of that account would be), so the rules of `POST /encounters:ingest` apply unchanged. A folder
 * whose account is unknown, disabled or not a sender gets a refusal instead.
 */
export async function folderSender(ctx: AppContext, username: string): Promise<{ actor: Actor } | { refusal: string }> {
  const a = await accountActor(ctx, username);
  if (!a) return { refusal: '没有这个账号 no such account' };
  if (a.disabled) return { refusal: '账号已停用 account disabled' };
  if (!FOLDER_SENDERS.has(a.actor.role)) return { refusal: `角色 ${a.actor.role} 不能报送就诊数据 role may not send encounters` };
  return { actor: a.actor };
}

/**
 * Ingests one dropped file as one batch, like the HTTP route does (streamed: NDJSON and CSV line by
 * line, a FHIR Bundle entry by entry). A DomainError means the file as a whole is refused (bad FHIR
 * JSON, not authorised, no community) — the caller files it under `failed/`.
 */
export async function ingestDroppedFile(ctx: AppContext, actor: Actor, path: string, kind: DropKind): Promise<{ communityId: string; result: IngestResult }> {
  const communityId = ingestCommunity(actor, undefined);
  // The readers drop a leading byte-order mark (Windows HIS exports), as over HTTP.
  const body = createReadStream(path);
  try {
    return { communityId, result: await ingestEncounters(ctx, actor, communityId, feedLines(FEED_TYPES[kind], body)) };
  } finally {
    body.destroy();
  }
}
