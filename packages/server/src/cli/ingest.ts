import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { INGEST_USAGE, contentTypeFor, parseIngestArgs, type IngestArgs } from './ingest-args.ts';
import { IngestClientError, login, logout, sendFile } from './ingest-client.ts';
import { exitCodeFor, formatSummary, formatTotals, type FileOutcome, type ProgressState } from './ingest-format.ts';
import { progressReporter } from './ingest-progress.ts';

/**
 * `npm run ingest -- FILE [...] --user his.town`: sends encounter files to a running server
 * (docs/domain/encounters.md transport), one batch per file, streaming each with a progress bar on stderr,
 * then prints the summary. The password comes from YIGONG_PASSWORD or a prompt without echo —
 * never from the command line, where `ps` and shell history would show it.
 */
export async function runIngestCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: IngestArgs;
  try {
    args = parseIngestArgs(argv, env);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${INGEST_USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(INGEST_USAGE);
    return 0;
  }
  const typed: { file: string; type: ReturnType<typeof contentTypeFor> }[] = [];
  for (const file of args.files) {
    try {
      typed.push({ file, type: contentTypeFor(file, args.type) });
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
  }
  let token: string;
  try {
    const password = env.YIGONG_PASSWORD ?? (await askPassword(`${args.user} 的密码 password: `));
    token = await login(args.url, args.user, password);
  } catch (e) {
    const err = e instanceof IngestClientError ? `登录失败 login failed: ${e.status ? `HTTP ${e.status} ` : ''}${e.code}: ${e.message}` : (e as Error).message;
    console.error(err);
    return 1;
  }
  const outcomes: FileOutcome[] = [];
  try {
    for (const { file, type } of typed) {
      const bar = progressReporter(process.stderr, basename(file));
      let last: ProgressState | null = null;
      // `npm run` starts in the repository root; the user's paths are relative to where they typed.
      const path = resolve(env.INIT_CWD ?? process.cwd(), file);
      const outcome = await sendFile({ url: args.url, token, file: path, displayName: file, contentType: type, communityId: args.communityId, onProgress: (s) => bar.update((last = s)) });
      if (last) bar.done(last);
      outcomes.push(outcome);
      for (const line of formatSummary(outcome)) console.log(line);
    }
  } finally {
    await logout(args.url, token);
  }
  for (const line of formatTotals(outcomes)) console.log(line);
  return exitCodeFor(outcomes);
}

/** Reads a password: raw mode without echo on a terminal, else the first line of stdin. */
async function askPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error('no password: set YIGONG_PASSWORD or type it on a terminal');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let pw = '';
    const end = (f: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      f();
    };
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return end(() => resolve(pw));
        if (ch === '\u0003') return end(() => reject(new Error('已取消 cancelled')));
        if (ch === '\u007f' || ch === '\b') pw = pw.slice(0, -1);
        else if (ch >= ' ') pw += ch;
      }
    };
    stdin.on('data', onData);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runIngestCli(process.argv.slice(2));
}
