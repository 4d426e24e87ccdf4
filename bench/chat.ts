/**
 * `npm run bench:chat`: chat throughput and latency of the hub (every message persisted)
 * against a raw `ws` relay (no persistence), on the same workload: 1,000 conversations
 * (2,000 sockets) driven from this process over loopback at rising aggregate rates.
 * Latency is end to end: one side sends, the other receives the event.
 *
 * The hub runs on PGlite by default; `-- --postgres` runs it on PostgreSQL instead (a fresh
 * schema in CXKIT_TEST_DATABASE_URL), `-- --pglite --postgres` runs both; `-- --no-relay`
 * skips the baseline (to profile the hub alone: no verdict then), `-- --relay-only` runs only
 * the baseline. BENCH_RATES
 * (comma list), BENCH_SECONDS and BENCH_CONVERSATIONS override the workload.
 * It prints figures and a verdict; it asserts nothing (a benchmark, not a timed test).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshPostgresSchema } from '../server/testing/postgres.js';
import { startHubProcess } from '../test/e2e/support/hub-process.js';
import { writeBenchConfig } from './chat/hub-config.js';
import { cpuMeter } from './chat/cpu.js';
import { hubPeers, relayPeers, type Peers, type Sink } from './chat/peers.js';
import { holds, line, printTable, printVerdicts, type SystemResults } from './chat/report.js';
import { LatencyRecorder, type StepResult } from './chat/workload.js';

const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const rates = (process.env.BENCH_RATES ?? '200,500,1000,2000,2500,3000,4000,5000,7500,10000')
  .split(',')
  .map(Number);
/**
 * Past the rates asked for, each system goes on rising until it misses the target: the hub's
 * target is half the highest rate the relay holds, not half the highest rate driven, and
 * the verdict names the highest rate the hub holds, not the highest one asked for.
 */
const beyond = [12500, 15000, 20000, 25000, 30000, 40000, 50000, 60000, 80000].filter(
  (rate) => rate > Math.max(...rates),
);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const graceMs = 5000;
/** Past this p99 a system is saturated: higher rates only pile up. */
const saturatedMs = 1000;

const args = process.argv.slice(2);
const drivers = args.includes('--relay-only')
  ? []
  : [
      ...(args.includes('--pglite') || !args.includes('--postgres') ? ['pglite' as const] : []),
      ...(args.includes('--postgres') ? ['postgres' as const] : []),
    ];
const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;
if (drivers.includes('postgres') && !databaseUrl) {
  console.error('bench:chat --postgres needs CXKIT_TEST_DATABASE_URL (a PostgreSQL database)');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'cxkit-bench-chat-'));
const config = writeBenchConfig(scratch);

try {
  console.log(
    `chat bench: ${conversations} conversations, ${seconds} s per rate, hub on ${drivers.join(' and ')}` +
      ' (driver, relay and hub share this machine: figures vary with its load)',
  );
  const relay = args.includes('--no-relay')
    ? { name: 'relay', results: [] }
    : await measure('relay', (sink) => startRelay().then((r) => r.open(sink)), beyond);
  const hubs: SystemResults[] = [];
  for (const driver of drivers) hubs.push(await measure(`hub-${driver}`, hubOn(driver), beyond));
  printTable(relay, hubs);
  if (relay.results.length) printVerdicts(relay, hubs);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Runs every rate on one system; stops early once it cannot keep up at all. Then rises
 * through `beyond` until a rate misses the target.
 */
async function measure(
  name: string,
  start: (sink: Sink) => Promise<{ peers: Peers; stop(): Promise<void>; pid?: number }>,
  beyond: number[],
): Promise<SystemResults> {
  const recorder = new LatencyRecorder();
  const setupStart = performance.now();
  const { peers, stop, pid } = await start(recorder.sink);
  console.log(`  ${name}: ${peers.pairs.length} conversations ready in ${since(setupStart)} s`);
  const results: StepResult[] = [];
  try {
    for (const rate of [...rates, ...beyond]) {
      if (results.length >= rates.length && !holds(results.at(-1)!)) break;
      // Each step its own name: a late message of an earlier step at the same rate is not counted.
      const step = `${name}${results.length}`;
      const cpuSpent = cpuMeter(pid);
      const result = await recorder.run(peers.pairs, step, rate, seconds, graceMs);
      result.cpu = cpuSpent();
      results.push(result);
      console.log(`  ${name} @ ${rate} msg/s: ${line(result)}, errors ${peers.errors()}`);
      if (result.delivered < result.sent / 2 || result.p99 > saturatedMs) break;
    }
  } finally {
    peers.close();
    await stop();
  }
  return { name, results };
}

/** A hub process on PGlite (a fresh data directory) or on a fresh PostgreSQL schema. */
function hubOn(driver: 'pglite' | 'postgres') {
  return async (sink: Sink) => {
    const schema = driver === 'postgres' ? await freshPostgresSchema(databaseUrl!) : null;
    const hub = await startHubProcess(join(scratch, `data-${driver}`), 0, {
      CXKIT_CONFIG: config.path,
      DATABASE_URL: schema?.url ?? '',
    });
    const peers = await hubPeers(hub.url, config.tokenSecret, conversations, sink);
    const stop = async () => {
      await hub.stop();
      await schema?.drop();
    };
    return { peers, stop, pid: hub.pid };
  };
}

/** The relay as a child process, like the hub, so both compete with this driver alike. */
async function startRelay() {
  const script = resolve(import.meta.dirname, 'chat/relay-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /relay ready (\d+)/.exec(chunk.toString());
      if (match) ready(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`relay exited with ${code}`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
  };
  return {
    open: async (sink: Sink) => ({
      peers: await relayPeers(port, conversations, sink),
      stop,
      pid: child.pid,
    }),
  };
}

function since(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
