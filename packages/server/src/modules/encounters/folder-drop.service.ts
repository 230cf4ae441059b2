import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { DomainError, type Actor, type Role } from '@yigong/domain';
import type { IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { accountActor } from '../auth/index.ts';
import { csvLines, ndjsonLines } from './encounter-lines.ts';
import { fhirBundleLines } from './fhir-bundle.ts';
import { ingestCommunity, ingestEncounters } from './ingest.service.ts';

export type DropKind = 'ndjson' | 'csv' | 'fhir';

/** Who may own a drop folder: the senders of ENCOUNTERS.md (a unit's HIS, the insurance agency, the community office). */
const FOLDER_SENDERS: ReadonlySet<Role> = new Set<Role>(['integration', 'insurance_officer', 'manager']);

/** A FHIR Bundle is parsed whole, as over HTTP (encounters.routes.ts allows 100 MB). */
export const FHIR_MAX_BYTES = 100 * 1024 * 1024;

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

async function* fromIterable<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}

/**
 * Ingests one dropped file as one batch, like the HTTP route does (NDJSON and CSV streamed line by
 * line; a FHIR Bundle parsed whole). A DomainError means the file as a whole is refused (bad FHIR
 * JSON, not authorised, no community) — the caller files it under `failed/`.
 */
export async function ingestDroppedFile(ctx: AppContext, actor: Actor, path: string, kind: DropKind): Promise<{ communityId: string; result: IngestResult }> {
  const communityId = ingestCommunity(actor, undefined);
  if (kind === 'fhir') {
    const { size } = await stat(path);
    if (size > FHIR_MAX_BYTES) throw new DomainError('VALIDATION_FAILED', `FHIR Bundle 超过 ${FHIR_MAX_BYTES / 1024 / 1024} MB，请改用 NDJSON 或拆分文件`, { bytes: size });
    const text = await readFile(path, 'utf8');
    let bundle: unknown;
    try {
      bundle = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'FHIR Bundle 不是合法的 JSON');
    }
    return { communityId, result: await ingestEncounters(ctx, actor, communityId, fromIterable(fhirBundleLines(bundle))) };
  }
  // The line readers drop a leading byte-order mark (Windows HIS exports), as over HTTP.
  const body = createReadStream(path);
  try {
    return { communityId, result: await ingestEncounters(ctx, actor, communityId, kind === 'csv' ? csvLines(body) : ndjsonLines(body)) };
  } finally {
    body.destroy();
  }
}
