import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second (`getconf CLK_TCK`), in which /proc counts CPU time. */
const ticksPerSecond = 100;

/** CPU time of a process's threads, by thread id, in seconds; empty where /proc is not. */
function threadSeconds(pid: number): Map<number, number> {
  const times = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // Fields after the command name (which may hold spaces): utime and stime are 12 and 13.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / ticksPerSecond);
    }
  } catch {
    // Not Linux, or the process is gone: no figure rather than a wrong one.
  }
  return times;
}

/** Where a step's CPU went: this driver, the server, and the server's busiest threads. */
export interface CpuShare {
  driver: number;
  server: number;
  /** The server's main thread, then its other threads, busiest first (the PGlite worker). */
  threads: number[];
}

/**
 * Measures a step's CPU as shares of one core (1 = one core busy the whole step): the
 * bench shares the machine with the server, so these say which of them ran out first.
 */
export function cpuMeter(serverPid: number | undefined): () => CpuShare | null {
  const started = performance.now();
  const driverBefore = process.cpuUsage();
  const before = serverPid ? threadSeconds(serverPid) : new Map<number, number>();
  return () => {
    if (!serverPid || before.size === 0) return null;
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(driverBefore);
    const after = threadSeconds(serverPid);
    const spent = [...after].map(([tid, total]) => ({
      main: tid === serverPid,
      share: (total - (before.get(tid) ?? 0)) / seconds,
    }));
    const main = spent.find((thread) => thread.main)?.share ?? 0;
    const others = spent.filter((thread) => !thread.main).map((thread) => thread.share);
    return {
      driver: (used.user + used.system) / 1e6 / seconds,
      server: spent.reduce((sum, thread) => sum + thread.share, 0),
      threads: [main, ...others.sort((a, b) => b - a).slice(0, 2)],
    };
  };
}

/** "cpu: driver 45%, server 131% (main 55%, threads 61% 4%)". */
export function cpuLine(share: CpuShare | null | undefined): string {
  if (!share) return '';
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const [main = 0, ...others] = share.threads;
  return `, cpu: driver ${percent(share.driver)}, server ${percent(share.server)} (main ${percent(main)}, threads ${others.map(percent).join(' ')})`;
}
