import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DomainError } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import { folderSender, ingestDroppedFile, type DropKind } from './folder-drop.service.ts';

/** A file younger than this may still be being written (a HIS without write-then-rename). */
export const QUIET_MS = 5_000;
/** Unexpected failures (I/O, database) of one unchanged file before it is given up to `failed/`. */
export const MAX_ATTEMPTS = 3;

const KINDS: Record<string, DropKind> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv', '.json': 'fhir' };

/**
 * What a file name in a drop folder means: its feed format, or null for files to leave alone —
 * dotfiles and the `*.part` / `*.tmp` a HIS writes before renaming (their extension is not a feed's).
 */
export function dropKind(name: string): DropKind | null {
  if (name.startsWith('.')) return null;
  return KINDS[extname(name).toLowerCase()] ?? null;
}

/** `name`, or `stem.<stamp>.ext` when `name` (or its result) is taken in `dir` — a re-dropped file keeps its history. */
export function uniqueName(name: string, stamp: string, taken: (n: string) => boolean): string {
  const free = (n: string) => !taken(n) && !taken(`${n}.result.json`);
  if (free(name)) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const n = `${stem}.${stamp}${i > 1 ? `-${i}` : ''}${ext}`;
    if (free(n)) return n;
  }
}

export interface DropOutcome {
  account: string;
  file: string;
  status: 'done' | 'failed' | 'retry';
  /** Where the file went (done/ or failed/), null when it stays for another attempt. */
  movedTo: string | null;
  record: Record<string, unknown>;
}

type Log = (msg: string, err?: unknown) => void;
type ReadyFile = { name: string; kind: DropKind; size: number; mtime: Date };

/**
 * The folder drop (docs/domain/encounters.md transport, for a HIS that can only write files): `<dir>/<username>/`
 * per sending account; each complete feed file is ingested as that account, one file at a time,
 * then moved to `done/` (or `failed/` when refused as a whole) with `<name>.result.json` beside it.
 * The ingest commits before the move, so a crash in between leaves the file in place and it is
 * sent again whole next time — idempotent by (source, id), it then counts as duplicates.
 */
export class FolderDrop {
  /** Folders already reported as skipped, with the reason, so a poll every 10 s does not repeat it. */
  private readonly reported = new Map<string, string>();
  private readonly attempts = new Map<string, number>();
  private stopped = false;

  constructor(private readonly ctx: AppContext, private readonly dir: string, private readonly log: Log, private readonly quietMs = QUIET_MS) {}

  stop(): void {
    this.stopped = true;
  }

  /** One pass over every account folder; returns what happened to each file it took up. */
  async scan(): Promise<DropOutcome[]> {
    const out: DropOutcome[] = [];
    const folders = (await readdir(this.dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
    for (const account of folders) {
      if (this.stopped) break;
      const files = await this.readyFiles(join(this.dir, account));
      if (!files.length) continue;
      const sender = await folderSender(this.ctx, account);
      if ('refusal' in sender) {
        if (this.reported.get(account) !== sender.refusal) this.log(`folder-drop: skipping folder ${account}/ (${files.length} files): ${sender.refusal}`);
        this.reported.set(account, sender.refusal);
        continue;
      }
      this.reported.delete(account);
      for (const f of files) {
        if (this.stopped) break;
        out.push(await this.process(account, sender.actor, f));
      }
    }
    return out;
  }

  /** Feed files at the top of a folder, written at least `quietMs` ago, oldest first. */
  private async readyFiles(folder: string): Promise<ReadyFile[]> {
    const now = Date.now();
    const ready: ReadyFile[] = [];
    for (const d of await readdir(folder, { withFileTypes: true })) {
      const kind = d.isFile() ? dropKind(d.name) : null;
      if (!kind) continue;
      const st = await stat(join(folder, d.name)).catch(() => null);
      if (st && now - st.mtimeMs >= this.quietMs) ready.push({ name: d.name, kind, size: st.size, mtime: st.mtime });
    }
    return ready.sort((a, b) => a.mtime.getTime() - b.mtime.getTime() || a.name.localeCompare(b.name));
  }

  private async process(account: string, actor: Parameters<typeof ingestDroppedFile>[1], f: ReadyFile): Promise<DropOutcome> {
    const folder = join(this.dir, account);
    const t0 = performance.now();
    const base = { file: f.name, account, kind: f.kind, bytes: f.size, modifiedAt: f.mtime.toISOString(), startedAt: this.ctx.clock.now().toISOString() };
    const timing = () => ({ finishedAt: this.ctx.clock.now().toISOString(), durationMs: Math.round(performance.now() - t0) });
    let record: Record<string, unknown>;
    let summary: string;
    try {
      const { communityId, result } = await ingestDroppedFile(this.ctx, actor, join(folder, f.name), f.kind);
      record = { ...base, ...timing(), status: 'done', communityId, result };
      summary = `accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejected} (${f.size} bytes, ${record.durationMs} ms)`;
    } catch (e) {
      const key = `${account}/${f.name}\u0000${f.size}\u0000${f.mtime.getTime()}`;
      const tries = (this.attempts.get(key) ?? 0) + 1;
      // Bad input or no right: the file itself is refused. Anything else may pass next time (database down).
      if (!(e instanceof DomainError) && tries < MAX_ATTEMPTS) {
        this.attempts.set(key, tries);
        this.log(`folder-drop: ${account}/${f.name} failed (attempt ${tries} of ${MAX_ATTEMPTS}), will retry`, e);
        return { account, file: f.name, status: 'retry', movedTo: null, record: { ...base, ...timing(), status: 'retry' } };
      }
      this.attempts.delete(key);
      const error = e instanceof DomainError ? { code: e.code, message: e.message, details: e.details ?? null } : { code: 'INTERNAL', message: (e as Error).message, details: { attempts: tries } };
      record = { ...base, ...timing(), status: 'failed', error };
      summary = `${error.code}: ${error.message}`;
    }
    const status = record.status as 'done' | 'failed';
    try {
      const movedTo = await this.file(folder, status, f.name, record);
      this.log(`folder-drop: ${account}/${f.name} → ${status}: ${summary}`);
      return { account, file: f.name, status, movedTo, record };
    } catch (e) {
      // Left in place, the file is taken up again next pass (a done one then counts as duplicates).
      this.log(`folder-drop: ${account}/${f.name} ${status} (${summary}) but could not be moved to ${status}/`, e);
      return { account, file: f.name, status, movedTo: null, record };
    }
  }

  /** Writes `<name>.result.json` into `sub/` (atomically, via a dotfile), then moves the file beside it. */
  private async file(folder: string, sub: 'done' | 'failed', name: string, record: Record<string, unknown>): Promise<string> {
    const target = join(folder, sub);
    await mkdir(target, { recursive: true });
    const stamp = this.ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const final = uniqueName(name, stamp, (n) => existsSync(join(target, n)));
    const tmp = join(target, `.${final}.result.json.tmp`);
    await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
    await rename(tmp, join(target, `${final}.result.json`));
    await rename(join(folder, name), join(target, final));
    return join(target, final);
  }
}

/**
 * Starts polling `dir` every `config.ingestPollSeconds` (off when YIGONG_INGEST_DIR is unset; the
 * caller checks). One pass at a time: a pass still busy with a large file skips the next tick.
 */
export function startFolderDrop(ctx: AppContext, dir: string, log: Log): () => void {
  const drop = new FolderDrop(ctx, dir, log);
  let running = false;
  let missing = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await mkdir(dir, { recursive: true });
      missing = false;
      await drop.scan();
    } catch (e) {
      if (!missing) log(`folder-drop: cannot scan ${dir}`, e);
      missing = (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES';
    } finally {
      running = false;
    }
  };
  log(`folder-drop: watching ${dir} every ${ctx.config.ingestPollSeconds} s`);
  void tick();
  const timer = setInterval(() => void tick(), ctx.config.ingestPollSeconds * 1000);
  timer.unref();
  return () => {
    drop.stop();
    clearInterval(timer);
  };
}
