import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { DomainError, type Actor, type Role } from '@yigong/domain';
import type { IngestResult } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { actorFromSession } from '../../platform/auth/session.repository.ts';
import { findAccountByUsername } from '../auth/auth.repository.ts';
import { organizationSubtree } from '../org/org.repository.ts';
import { csvLines, ndjsonLines } from './encounter-lines.ts';
import { fhirBundleLines } from './fhir-bundle.ts';
import { ingestEncounters } from './ingest.service.ts';
import { ingestCommunity } from './indicators.service.ts';

export type DropKind = 'ndjson' | 'csv' | 'fhir';

/** Who may own a drop folder: the senders of ENCOUNTERS.md (a unit's HIS, the insurance agency, the community office). */
const FOLDER_SENDERS: ReadonlySet<Role> = new Set<Role>(['integration', 'insurance_officer', 'manager']);

/** A FHIR Bundle is parsed whole, as over HTTP (encounters.routes.ts allows 100 MB). */
export const FHIR_MAX_BYTES = 100 * 1024 * 1024;

/**
 * The actor a drop folder acts as: the account named by the folder, built exactly as a session
 * of that account would be (the organisation subtree for a unit's account), so the permission,
 * scope and audit rules of `POST /encounters:ingest` apply unchanged. A folder whose account is
 * unknown, disabled or not a sender gets a refusal instead.
 */
export async function folderSender(ctx: AppContext, username: string): Promise<{ actor: Actor } | { refusal: string }> {
  const a = await findAccountByUsername(ctx.db, username);
  if (!a) return { refusal: '没有这个账号 no such account' };
  if (a.disabled) return { refusal: '账号已停用 account disabled' };
  if (!FOLDER_SENDERS.has(a.role)) return { refusal: `角色 ${a.role} 不能报送就诊数据 role may not send encounters` };
  const orgIds = a.scope_kind === 'organization' && a.community_id && a.organization_id ? await organizationSubtree(ctx.db, a.community_id, a.organization_id) : null;
  const actor = actorFromSession({
    user_id: a.id, username: a.username, display_name: a.display_name, role: a.role, scope_kind: a.scope_kind,
    community_id: a.community_id, organization_id: a.organization_id, region_code: a.region_code,
    resident_id: null, expires_at: ctx.clock.now(), org_ids: orgIds,
  });
  return { actor };
}

/** A leading UTF-8 byte-order mark (Windows HIS exports) would make the first NDJSON line invalid JSON. */
function withoutBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return done(null, chunk.subarray(3));
      }
      done(null, chunk);
    },
  });
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
  const file = createReadStream(path);
  const body: Readable = file.pipe(withoutBom());
  file.on('error', (e) => body.destroy(e));
  try {
    return { communityId, result: await ingestEncounters(ctx, actor, communityId, kind === 'csv' ? csvLines(body) : ndjsonLines(body)) };
  } finally {
    file.destroy();
    body.destroy();
  }
}
