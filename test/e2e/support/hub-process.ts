/**
 * Runs the real hub as a child process, the way `npm start` does, so end-to-end tests
 * can stop and restart it like an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** Node's flags as `npm run hub` gives them (the heap's sizes: see the README), read from there. */
const hubNodeFlags: string[] = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.hub as string
)
  .split(' ')
  .filter((word) => /^--(max|initial)-/.test(word));

export interface HubProcess {
  url: string;
  port: number;
  dataDir: string;
  /** The hub process's id (the bench reads its CPU time). */
  pid: number;
  /** Stops the hub with SIGTERM and resolves with its exit code. */
  stop(): Promise<number | null>;
}

export function makeDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'cxkit-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts `server/main.ts` and resolves once it prints its ready line. */
export async function startHubProcess(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
): Promise<HubProcess> {
  const child = spawn(process.execPath, [...hubNodeFlags, '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), CXKIT_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolvePort, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\/agent\//.exec(output);
      if (match) resolvePort(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`hub exited with ${code} before ready:\n${output}`)),
    );
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const boundPort = await ready.finally(() => clearTimeout(timeout));
  return {
    url: `http://localhost:${boundPort}`,
    port: boundPort,
    dataDir,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

/** Writes a config file for a test hub: the repo's demo site with `changes` merged in. */
export function writeDemoConfig(dir: string, changes: Record<string, unknown>): string {
  const config = JSON.parse(readFileSync(join(repoRoot, 'cxkit.config.json'), 'utf8'));
  config.sites[0] = { ...config.sites[0], ...changes };
  const path = join(dir, 'cxkit.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}
