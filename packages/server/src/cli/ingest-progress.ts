import { formatProgress, type ProgressState } from './ingest-format.ts';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** The longest prefix of `s` that fits in `width` columns. */
export function fitWidth(s: string, width: number): string {
  let w = 0;
  let out = '';
  for (const ch of s) {
    w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
    if (w > width) break;
    out += ch;
  }
  return out;
}

/** The part of a stderr stream the reporter needs (a fake one in tests). */
export interface ProgressOutput {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  update(s: ProgressState): void;
  /** Draws the final state and leaves the cursor on a fresh line. */
  done(s: ProgressState): void;
}

/**
 * Progress on stderr: on a terminal one line redrawn in place (at most every `ttyEveryMs`); in a
 * log (not a TTY) a plain line every `plainEveryMs`, so CI logs and cron mails stay readable.
 */
export function progressReporter(out: ProgressOutput, label: string, opts: { now?: () => number; ttyEveryMs?: number; plainEveryMs?: number } = {}): ProgressReporter {
  const now = opts.now ?? (() => performance.now());
  const tty = out.isTTY === true;
  const every = tty ? (opts.ttyEveryMs ?? 100) : (opts.plainEveryMs ?? 5_000);
  let last = -Infinity;
  let drawn = false;
  const draw = (s: ProgressState) => {
    if (tty) {
      const width = out.columns ?? 100;
      const bar = width >= 110 ? 24 : width >= 90 ? 12 : 0;
      const line = `${label} ${formatProgress(s, bar)}`;
      out.write(`\r${fitWidth(line, width - 1)}\x1b[K`);
    } else {
      out.write(`${label}: ${formatProgress(s, 0)}\n`);
    }
    drawn = true;
  };
  return {
    update(s) {
      const t = now();
      if (t - last < every) return;
      last = t;
      draw(s);
    },
    done(s) {
      draw({ ...s, waiting: false, finished: true });
      if (tty && drawn) out.write('\n');
    },
  };
}
