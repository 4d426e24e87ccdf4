import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHubProcess, type HubProcess } from '../../e2e/support/hub-process.js';

/**
 * The hub as a child process on one port and one data directory, killed with SIGKILL
 * (no graceful shutdown, as a crash or an OOM kill) and started again.
 */
export class KillableHub {
  restarts = 0;
  private process: HubProcess | null = null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<KillableHub> {
    const hub = new KillableHub(dataDir, await freePort());
    await hub.boot();
    return hub;
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  async killAndRestart(): Promise<void> {
    await this.kill();
    await this.boot();
    this.restarts++;
  }

  async stop(): Promise<void> {
    await this.process?.stop();
    this.process = null;
  }

  private async boot(): Promise<void> {
    this.process = await startHubProcess(this.dataDir, this.port);
  }

  /** The hub's pid is in its directory lock (`node --import tsx` runs in one process). */
  private async kill(): Promise<void> {
    const pid = Number(readFileSync(join(this.dataDir, 'hub.lock'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(10);
    this.process = null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A port free right now, so every restart of the hub listens on the same one. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
