import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { IngestResult } from '@yigong/contracts';
import { CONTENT_TYPES, type ContentType } from './ingest-args.ts';
import type { FileOutcome, ProgressState } from './ingest-format.ts';

/** An HTTP or network failure, with the server's `{error:{code,message}}` when it sent one. */
export class IngestClientError extends Error {
  constructor(readonly status: number | null, readonly code: string, message: string) {
    super(message);
  }
}

/** The server's error envelope, or a stand-in naming the status when the body is not one. */
function errorOf(status: number, text: string): { code: string; message: string } {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (e && typeof e.code === 'string') return { code: e.code, message: typeof e.message === 'string' ? e.message : '' };
  } catch {
    // not JSON: fall through
  }
  return { code: `HTTP_${status}`, message: text.slice(0, 300) || http.STATUS_CODES[status] || '' };
}

function unreachable(url: string, e: unknown): IngestClientError {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return new IngestClientError(null, 'NETWORK_ERROR', `无法连接 cannot reach ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
}

/** Logs in and returns the session token; throws IngestClientError with the server's message. */
export async function login(url: string, username: string, password: string): Promise<string> {
  let r: Response;
  try {
    r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  } catch (e) {
    throw unreachable(url, e);
  }
  const text = await r.text();
  if (!r.ok) {
    const e = errorOf(r.status, text);
    throw new IngestClientError(r.status, e.code, e.message);
  }
  return (JSON.parse(text) as { token: string }).token;
}

/** Ends the session (best effort: a CLI run should not leave a 12-hour session behind). */
export async function logout(url: string, token: string): Promise<void> {
  await fetch(`${url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}

export interface SendOptions {
  url: string;
  token: string;
  file: string;
  /** The name the outcome carries (default: `file`), e.g. the path as the user typed it. */
  displayName?: string;
  contentType: ContentType;
  communityId?: string | null;
  /** Called about every `progressEveryMs` while sending, and once at the end. */
  onProgress?: (s: ProgressState) => void;
  progressEveryMs?: number;
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Streams one file to `POST /api/v1/encounters:ingest` (chunked, backpressured: memory stays flat
 * whatever the file size) and returns what the server said. Never throws: an unreadable file, a
 * network error or an HTTP error come back as a failed outcome. When the server answers before
 * the upload ends (401, 403, 413), sending stops at once.
 */
export async function sendFile(o: SendOptions): Promise<FileOutcome> {
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  const name = o.displayName ?? o.file;
  const fail = (status: number | null, code: string, message: string): FileOutcome => ({ ok: false, file: name, status, code, message, seconds: seconds() });
  let total: number;
  try {
    const st = await stat(o.file);
    if (!st.isFile()) return fail(null, 'FILE_UNREADABLE', '不是文件 not a regular file');
    total = st.size;
  } catch (e) {
    return fail(null, 'FILE_UNREADABLE', (e as Error).message);
  }
  const target = new URL(`${o.url}/api/v1/encounters:ingest`);
  if (o.communityId) target.searchParams.set('communityId', o.communityId);
  const countRows = o.contentType !== CONTENT_TYPES.fhir;
  let sent = 0;
  let rows = 0;
  let uploaded = false;
  const state = (): ProgressState => ({ sent, total, rows: countRows ? rows : null, elapsedMs: performance.now() - t0, waiting: uploaded });

  return new Promise<FileOutcome>((resolve) => {
    let settled = false;
    let answered = false;
    const timer = setInterval(() => o.onProgress?.(state()), o.progressEveryMs ?? 200);
    const file = createReadStream(o.file, { highWaterMark: 256 * 1024 });
    const finish = (x: FileOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      o.onProgress?.(state());
      file.destroy();
      if (!uploaded) req.destroy();
      resolve(x);
    };
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(target, { method: 'POST', headers: { authorization: `Bearer ${o.token}`, 'content-type': o.contentType, accept: 'application/json' } });
    req.on('response', (res) => {
      answered = true;
      if (!uploaded) file.unpipe(req);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => finish(fail(res.statusCode ?? null, 'NETWORK_ERROR', e.message)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const e = errorOf(status, text);
          return finish(fail(status, e.code, e.message));
        }
        try {
          finish({ ok: true, file: name, result: JSON.parse(text) as IngestResult, seconds: seconds() });
        } catch {
          finish(fail(status, 'BAD_RESPONSE', text.slice(0, 300)));
        }
      });
    });
    // After the answer, a reset of the rest of the upload is expected, not a failure.
    req.on('error', (e) => {
      if (!answered) finish(fail(null, 'NETWORK_ERROR', `无法发送 cannot send to ${o.url}: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    });
    file.on('data', (c) => {
      const b = c as Buffer;
      sent += b.length;
      if (countRows) rows += countNewlines(b);
    });
    file.on('end', () => {
      uploaded = true;
    });
    file.on('error', (e) => finish(fail(null, 'FILE_UNREADABLE', e.message)));
    file.pipe(req);
  });
}
