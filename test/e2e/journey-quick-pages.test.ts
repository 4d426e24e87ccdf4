/**
 * A customer who clicks through pages faster than a person reads: the page they left at
 * once still counts, and it reaches the hub from the next page without waiting for the
 * recorder's usual batch timer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const setup = useBrowserAndHub();

test('a page left as soon as it loaded is recorded and sent from the next page', async () => {
  const page = await (await setup.browser.newContext()).newPage();
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
  await page.goto(`${setup.hub.url}/search.html?q=boots`, { waitUntil: 'domcontentloaded' });
  await page.goto(`${setup.hub.url}/cart.html`, { waitUntil: 'domcontentloaded' });

  // The batch timer is 5 s; the carried-over page goes at the next page's first idle moment.
  const deadline = Date.now() + 15_000;
  while (!viewed.includes('/search.html') && Date.now() < deadline) await page.waitForTimeout(100);
  assert.ok(viewed.includes('/search.html'), `page views sent: ${viewed.join(', ') || 'none'}`);
});
