/**
 * A customer who clicks through pages faster than a person reads: the page they left at
 * once still counts, and it reaches the hub from the next page without waiting for the
 * recorder's usual batch timer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { makeDataDir, startHubProcess, type HubProcess } from './support/hub-process.js';

let browser: Browser;
let hub: HubProcess;
const dataDir = makeDataDir();

before(async () => {
  browser = await launchChromium();
  hub = await startHubProcess(`${dataDir.path}/data`);
});

after(async () => {
  await browser?.close();
  await hub?.stop();
  dataDir.remove();
});

test('a page left as soon as it loaded is recorded and sent from the next page', async () => {
  const page = await (await browser.newContext()).newPage();
  const viewed: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/v1/journey' || request.method() !== 'POST')
      return;
    const batch = JSON.parse(request.postData() ?? '{}') as {
      events?: { type: string; url: string }[];
    };
    for (const event of batch.events ?? [])
      if (event.type === 'page_view') viewed.push(new URL(event.url).pathname);
  });

  // Gone the moment the page's scripts have run: no dwell at all.
  await page.goto(`${hub.url}/search.html?q=boots`, { waitUntil: 'domcontentloaded' });
  await page.goto(`${hub.url}/cart.html`, { waitUntil: 'domcontentloaded' });

  // The batch timer is 5 s; the carried-over page goes at the next page's first idle moment.
  const deadline = Date.now() + 15_000;
  while (!viewed.includes('/search.html') && Date.now() < deadline) await page.waitForTimeout(100);
  assert.ok(viewed.includes('/search.html'), `page views sent: ${viewed.join(', ') || 'none'}`);
});
