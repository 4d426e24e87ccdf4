import { cpuLine } from './cpu.js';
import type { StepResult } from './workload.js';

/** The target: p99 under this many ms end to end. */
export const targetP99 = 50;

export interface SystemResults {
  name: string;
  results: StepResult[];
}

/**
 * One row per step, in the order driven (the relay may go on past the hubs' rates):
 * delivered msg/s and p50/p99 of every system, and each hub's ratio to the relay.
 */
export function printTable(relay: SystemResults, hubs: SystemResults[]): void {
  const systems = [relay, ...hubs];
  const columns = [
    ...systems.flatMap((system) => [`${system.name} msg/s`, `${system.name} p50 / p99 ms`]),
    ...hubs.map((hub) => `${hub.name}/relay`),
  ];
  console.log(`\n   rate | ${columns.join(' | ')}`);
  const steps = Math.max(...systems.map((system) => system.results.length));
  for (let step = 0; step < steps; step++) {
    const at = (system: SystemResults) => system.results[step];
    const rate = systems.map(at).find((result) => result)!.rate;
    const cells = [
      ...systems.flatMap((system) => [perSecond(at(system)), latency(at(system))]),
      ...hubs.map((hub) => {
        const h = at(hub);
        const r = at(relay);
        return h && r ? (h.perSecond / r.perSecond).toFixed(2) : '—';
      }),
    ];
    const padded = cells.map((cell, i) => cell.padStart(columns[i]!.length));
    console.log(`  ${String(rate).padStart(5)} | ${padded.join(' | ')}`);
  }
}

/**
 * The verdict per hub: met when the highest rate at which it holds p99 < 50 ms is at least
 * half the highest rate at which the relay holds it. A system holds a rate when it held it
 * and every lower rate before it: one lucky step past a miss does not count. Returns
 * whether every hub met it.
 */
export function printVerdicts(relay: SystemResults, hubs: SystemResults[]) {
  const relayBest = best(relay.results);
  const relayNote = relayBest === relay.results.at(-1) ? ' (the highest rate driven)' : '';
  console.log(`\n  relay holds p99 < ${targetP99} ms up to ${describe(relayBest)}${relayNote}`);
  let allMet = true;
  for (const hub of hubs) {
    const hubBest = best(hub.results);
    const needed = (relayBest?.rate ?? 0) / 2;
    const met = !!hubBest && hubBest.rate >= needed;
    allMet &&= met;
    console.log(
      `  verdict ${hub.name}: target ${met ? 'MET' : 'NOT met'} — holds p99 < ${targetP99} ms up to ${describe(hubBest)}; needed ${needed} msg/s (half the relay's ${relayBest?.rate ?? 0})`,
    );
  }
  return allMet;
}

/** Within the target, every message delivered. */
export function holds(result: StepResult): boolean {
  return result.p99 < targetP99 && result.delivered === result.sent;
}

/** The last step of the rising run before the first it did not hold. */
function best(results: StepResult[]): StepResult | undefined {
  const missed = results.findIndex((result) => !holds(result));
  return results.slice(0, missed === -1 ? results.length : missed).at(-1);
}

function describe(result: StepResult | undefined): string {
  if (!result) return 'no rate driven';
  return `${result.rate} msg/s (delivered ${Math.round(result.perSecond)}/s, p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms)`;
}

export function line(result: StepResult): string {
  return `sent ${result.sent}, delivered ${result.delivered} (${Math.round(result.perSecond)}/s), p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms${cpuLine(result.cpu)}`;
}

function latency(result: StepResult | undefined): string {
  return result ? `${fmt(result.p50)} / ${fmt(result.p99)}` : '—';
}

function perSecond(result: StepResult | undefined): string {
  return result ? String(Math.round(result.perSecond)) : '—';
}

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'lost';
}
