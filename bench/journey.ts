/**
 * `npm run bench:journey`: what the journey costs.
 *  1. the recorder's cost per event on the page (median, p99), in Chromium;
 *  2. the hub's ingestion rate, loaded from this process over loopback;
 *  3. the customer card's first render with 10,000 timeline events.
 * It prints figures; it asserts nothing (a benchmark, not a timed test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser.js';
import { startHubProcess, writeDemoConfig } from '../test/e2e/support/hub-process.js';
import { servePage } from '../test/e2e/support/static-page.js';
import { measureCardRender } from './journey/card-render.js';
import { measureIngestion } from './journey/ingestion.js';
import { measureRecorder } from './journey/recorder-cost.js';

const scratch = mkdtempSync(join(tmpdir(), 'cxkit-bench-'));
// The per-visitor rate limit protects production hubs; the bench measures throughput.
const config = writeDemoConfig(scratch, { journey: { eventsPerMinute: 1_000_000 } });
const hub = await startHubProcess(join(scratch, 'data'), 0, { CXKIT_CONFIG: config });
const browser = await launchChromium();

try {
  const recorder = await measureRecorder(browser, hub.url, servePage);
  console.log(
    '\nrecorder cost per page action (Chromium, µs per action; with / without <cx-journey>)',
  );
  for (const [action, { with: on, without: off }] of Object.entries(recorder)) {
    console.log(
      `  ${action.padEnd(16)} median ${fmt(on.median)} / ${fmt(off.median)}   p99 ${fmt(on.p99)} / ${fmt(off.p99)}   (n=${on.n})`,
    );
  }

  const ingestion = await measureIngestion(hub.url);
  console.log('\nhub ingestion (PGlite, batches of 50 over HTTP from another process)');
  console.log(
    `  ${ingestion.events} events in ${ingestion.seconds.toFixed(2)} s: ${Math.round(ingestion.eventsPerSecond)} events/s; ` +
      `request p50 ${ingestion.p50.toFixed(1)} ms, p99 ${ingestion.p99.toFixed(1)} ms`,
  );

  const card = await measureCardRender(browser, hub.url, 10_000);
  console.log('\ncustomer card, first render with 10,000 timeline events');
  console.log(
    `  first timeline rows on screen ${card.renderMs.toFixed(0)} ms after the element connected (context.get included); ${card.rows} event rows in the DOM`,
  );
} finally {
  await browser.close();
  await hub.stop();
  rmSync(scratch, { recursive: true, force: true });
}

function fmt(microseconds: number): string {
  return `${microseconds.toFixed(1).padStart(7)}`;
}
