/** Loads `POST /api/v1/journey` with many visitors' batches at a fixed concurrency. */
import type { JourneyEvent } from '../../protocol/index.js';
import { percentile } from './stats.js';

const origin = 'http://localhost:5173';
// The token route allows 60 requests a minute per address, so few visitors, many batches.
const visitors = 40;
const batchesPerVisitor = 50;
const eventsPerBatch = 50;
const concurrency = 16;

export async function measureIngestion(hubUrl: string) {
  const tokens = await Promise.all(
    Array.from({ length: visitors }, () => post(hubUrl, '/api/v1/visitors', { siteKey: 'demo' })),
  ).then((answers) => answers.map((answer) => (answer as { token: string }).token));

  const jobs = tokens.flatMap((token, v) =>
    Array.from({ length: batchesPerVisitor }, (_, b) => ({ token, visitId: `bench-${v}`, b })),
  );
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const sentAt = performance.now();
        await post(hubUrl, '/api/v1/journey', {
          siteKey: 'demo',
          token: job.token,
          visitId: job.visitId,
          events: batch(job.b),
        });
        latencies.push(performance.now() - sentAt);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = jobs.length * eventsPerBatch;
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function batch(b: number): JourneyEvent[] {
  const at = new Date().toISOString();
  return Array.from({ length: eventsPerBatch }, (_, i): JourneyEvent => {
    const url = `https://shop.example/products/p-${(b * eventsPerBatch + i) % 40}`;
    return i % 5 === 0
      ? { type: 'page_view', at, url, title: `Product ${i}` }
      : {
          type: 'product_view',
          at,
          url,
          product: { sku: `SKU-${i % 40}`, name: `Product ${i}`, price: 10 + i },
        };
  });
}

async function post(hubUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    // The recorder's beacons are text/plain (no CORS preflight); the token route takes JSON.
    headers: {
      'content-type': path === '/api/v1/journey' ? 'text/plain' : 'application/json',
      origin,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
