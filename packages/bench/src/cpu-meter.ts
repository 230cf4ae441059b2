import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** CPU of this process, its event loop's busy share, and the CPU of every `postgres` process on this machine (Linux /proc). */
export interface CpuUse {
  wallMs: number;
  nodeCpuMs: number;
  eventLoopBusy: number;
  postgresCpuMs: number | null;
}

const TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on Linux

function postgresTicks(): number | null {
  let total = 0;
  let seen = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
      seen = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return seen ? total : null;
}

/**
 * Measures `fn`. PostgreSQL backends that start and end inside `fn` are not counted (their ticks
 * vanish with them), so measure work on connections opened before.
 */
export async function measureCpu<T>(fn: () => Promise<T>): Promise<[T, CpuUse]> {
  const pg0 = postgresTicks();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const result = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  const pg1 = postgresTicks();
  return [result, {
    wallMs,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    eventLoopBusy: elu.utilization,
    postgresCpuMs: pg0 === null || pg1 === null ? null : (pg1 - pg0) / TICKS_PER_MS,
  }];
}

export function formatCpu(u: CpuUse): string {
  const pg = u.postgresCpuMs === null ? 'n/a' : `${(u.postgresCpuMs / u.wallMs * 100).toFixed(0)} %`;
  return `Node CPU ${(u.nodeCpuMs / u.wallMs * 100).toFixed(0)} % of wall, event loop busy ${(u.eventLoopBusy * 100).toFixed(0)} %, PostgreSQL CPU ${pg}`;
}
