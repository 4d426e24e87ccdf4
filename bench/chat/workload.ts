import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../journey/stats.js';
import type { CpuShare } from './cpu.js';
import type { Pair } from './peers.js';

export interface StepResult {
  rate: number;
  sent: number;
  delivered: number;
  /** Delivered messages per second, over the time from the first send to the last delivery. */
  perSecond: number;
  p50: number;
  p99: number;
  /** Where the step's CPU went, where it can be read (Linux). */
  cpu?: CpuShare | null;
}

/**
 * Receives delivered texts (`<step>:<sent at, ms>`) and keeps the latencies of the current
 * step; a late message of an earlier step is not counted.
 */
export class LatencyRecorder {
  private step = '';
  private latencies: number[] = [];
  private lastDelivery = 0;

  readonly sink = (text: string): void => {
    const [step, sentAt] = text.split(':');
    if (step !== this.step) return;
    this.lastDelivery = performance.now();
    this.latencies.push(this.lastDelivery - Number(sentAt));
  };

  /**
   * Sends `rate` messages a second for `seconds`, round robin over the pairs, both
   * directions alternating, then waits up to `graceMs` for the last deliveries.
   */
  async run(
    pairs: Pair[],
    step: string,
    rate: number,
    seconds: number,
    graceMs: number,
  ): Promise<StepResult> {
    this.step = step;
    this.latencies = [];
    const start = performance.now();
    let sent = 0;
    while (performance.now() - start < seconds * 1000) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      for (; sent < due; sent++) {
        const pair = pairs[Math.floor(sent / 2) % pairs.length]!;
        pair.send(sent % 2 === 0 ? 'toAgent' : 'toCustomer', `${step}:${performance.now()}`);
      }
      await sleep(2);
    }
    const deadline = performance.now() + graceMs;
    while (this.latencies.length < sent && performance.now() < deadline) await sleep(20);
    const delivered = this.latencies.length;
    // Not delivered within the grace period: slower than anything measured.
    const latencies = [...this.latencies, ...Array<number>(sent - delivered).fill(Infinity)];
    const elapsed = Math.max(seconds * 1000, this.lastDelivery - start) / 1000;
    return {
      rate,
      sent,
      delivered,
      perSecond: delivered / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  }
}
