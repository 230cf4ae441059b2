import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a PGlite data directory naming the process that has it open. Never backed up. */
export const LOCK_FILE = 'yigong.pid';

/** Is process `pid` alive (a signal-0 probe; EPERM means it lives under another user)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a PGlite data directory for this process. PGlite is one process's database: a second
 * opener (a backup while `npm start` runs, two servers on one folder) would read pages the first
 * is writing, or corrupt them. So every opener writes its PID here first, and refuses while a live
 * process holds it; a file left by a crash (dead PID) is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && alive(holder)) {
        throw new Error(`数据目录 ${dataDir} 正被进程 ${holder} 使用（服务在运行？请先停止）— the data directory is in use by process ${holder}; stop it first (if no Yigong process has it open, delete ${file})`, { cause: e });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${file}`);
}
