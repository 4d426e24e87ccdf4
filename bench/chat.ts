/**
 * `npm run bench:chat`: chat throughput and latency of the hub (PGlite, every message
 * persisted) against a raw `ws` relay (no persistence), on the same workload: 1,000
 * conversations (2,000 sockets) driven from this process over loopback at rising
 * aggregate rates. Latency is end to end: one side sends, the other receives the event.
 * It prints figures; it asserts nothing (a benchmark, not a timed test).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHubProcess } from '../test/e2e/support/hub-process.js';
import { writeBenchConfig } from './chat/hub-config.js';
import { hubPeers, relayPeers, type Peers, type Sink } from './chat/peers.js';
import { LatencyRecorder, type StepResult } from './chat/workload.js';

const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const rates = [200, 500, 1000, 2000, 5000];
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const graceMs = 5000;
const targetP99 = 50;

const scratch = mkdtempSync(join(tmpdir(), 'cxkit-bench-chat-'));
const config = writeBenchConfig(scratch);

try {
  console.log(`chat bench: ${conversations} conversations, ${seconds} s per rate`);
  const relay = await measure('relay', (sink) => startRelay().then((r) => r.open(sink)));
  const hub = await measure('hub', async (sink) => {
    const process = await startHubProcess(join(scratch, 'data'), 0, { CXKIT_CONFIG: config.path });
    const peers = await hubPeers(process.url, config.tokenSecret, conversations, sink);
    return { peers, stop: () => process.stop().then(() => undefined) };
  });
  printTable(hub, relay);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Runs every rate on one system; stops early once it cannot keep up at all. */
async function measure(
  name: string,
  start: (sink: Sink) => Promise<{ peers: Peers; stop(): Promise<void> }>,
): Promise<StepResult[]> {
  const recorder = new LatencyRecorder();
  const setupStart = performance.now();
  const { peers, stop } = await start(recorder.sink);
  console.log(`  ${name}: ${peers.pairs.length} conversations ready in ${since(setupStart)} s`);
  const results: StepResult[] = [];
  try {
    for (const rate of rates) {
      const result = await recorder.run(peers.pairs, `${name}${rate}`, rate, seconds, graceMs);
      results.push(result);
      console.log(`  ${name} @ ${rate} msg/s: ${line(result)}, errors ${peers.errors()}`);
      if (result.delivered < result.sent / 2) break; // saturated: higher rates only pile up
    }
  } finally {
    peers.close();
    await stop();
  }
  return results;
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
    open: async (sink: Sink) => ({ peers: await relayPeers(port, conversations, sink), stop }),
  };
}

function printTable(hub: StepResult[], relay: StepResult[]): void {
  console.log(
    '\n  rate | hub msg/s | hub p50 / p99 ms | relay msg/s | relay p50 / p99 ms | hub/relay msg/s',
  );
  for (const rate of rates) {
    const h = hub.find((each) => each.rate === rate);
    const r = relay.find((each) => each.rate === rate);
    const ratio = h && r ? (h.perSecond / r.perSecond).toFixed(2) : '—';
    console.log(
      `  ${String(rate).padStart(4)} | ${cell(h?.perSecond)} | ${ms(h)} | ${cell(r?.perSecond)} | ${ms(r)} | ${ratio}`,
    );
  }
  const hubBest = bestRate(hub);
  const relayBest = bestRate(relay);
  console.log(
    `\n  highest rate with p99 < ${targetP99} ms: hub ${hubBest || 'none'} msg/s, relay ${relayBest || 'none'} msg/s`,
  );
  const meets = hubBest > 0 && hubBest >= relayBest / 2;
  console.log(
    `  target (hub p99 < ${targetP99} ms at no less than half the relay's rate, ${relayBest / 2} msg/s): ${meets ? 'met' : 'NOT met'}`,
  );
}

function bestRate(results: StepResult[]): number {
  return Math.max(0, ...results.filter((each) => each.p99 < targetP99).map((each) => each.rate));
}

function line(result: StepResult): string {
  return `sent ${result.sent}, delivered ${result.delivered} (${Math.round(result.perSecond)}/s), p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms`;
}

function ms(result: StepResult | undefined): string {
  return result ? `${fmt(result.p50)} / ${fmt(result.p99)}`.padStart(16) : '—'.padStart(16);
}

function cell(value: number | undefined): string {
  return (value === undefined ? '—' : String(Math.round(value))).padStart(9);
}

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : `>${graceMs}`;
}

function since(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
