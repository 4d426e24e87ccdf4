import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Held while a hub uses a PGlite directory: two processes on one directory silently lose rows. */
export interface DirLock {
  release(): void;
}

export class DirLockedError extends Error {
  constructor(pid: number, dir: string) {
    super(`another hub (pid ${pid}) is using data directory ${dir}`);
    this.name = 'DirLockedError';
  }
}

/** Takes `dir/hub.lock` exclusively; a lock left by a dead process is taken over. */
export function lockDataDir(dir: string): DirLock {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const file = join(absolute, 'hub.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return releaseOnce(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder !== null && isAlive(holder)) throw new DirLockedError(holder, absolute);
    // Stale (dead pid) or half-written: remove and race for it again.
    rmSync(file, { force: true });
  }
  throw new Error(`could not lock data directory ${absolute}`);
}

function releaseOnce(file: string): DirLock {
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
