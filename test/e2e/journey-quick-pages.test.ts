/**
 * A customer who clicks through pages faster than a person reads: the page they left at
 * once still counts, and it reaches the hub (carried over to the next page, or beaconed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoOrigin, postJson, WsClient } from '../../server/testing/harness.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const setup = useBrowserAndHub();

/** The page paths of the visitor's journey as the agent's customer card reads it. */
async function pagesTheHubHas(visitorId: string): Promise<string[]> {
  const { body } = await postJson(`${setup.hub.url}/api/v1/demo/agent-token`, { siteKey: 'demo' });
  const agent = await WsClient.connect(setup.hub.url, 'demo', demoOrigin);
  try {
    await agent.ok('hello', { token: body.token });
    const { context } = await agent.ok('context.get', { visitorId });
    const events = context.visits.flatMap(
      (visit: { events: { event: { type: string; url: string } }[] }) =>
        visit.events.map((stored) => stored.event),
    );
    return events
      .filter((event: { type: string }) => event.type === 'page_view')
      .map((event: { url: string }) => new URL(event.url).pathname);
  } finally {
    agent.close();
  }
}

test('a page left as soon as it loaded is recorded and reaches the hub', async () => {
  const page = await (await setup.browser.newContext()).newPage();
  // Gone the moment the page's scripts have run: no dwell at all.
  await page.goto(`${setup.hub.url}/search.html?q=boots`, { waitUntil: 'domcontentloaded' });
  await page.goto(`${setup.hub.url}/cart.html`, { waitUntil: 'domcontentloaded' });

  // The visitor token both pages share names the visitor (its payload's `sub`).
  const token = await page.waitForFunction(
    () => Object.entries(localStorage).find(([key]) => key.startsWith('cxkit:visitor:'))?.[1],
  );
  const payload = (await token.jsonValue()) as string;
  const visitorId = JSON.parse(Buffer.from(payload.split('.')[0]!, 'base64url').toString()).sub;

  let pages: string[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    pages = await pagesTheHubHas(visitorId);
    if (pages.includes('/search.html')) break;
    await page.waitForTimeout(250);
  }
  assert.ok(pages.includes('/search.html'), `pages the hub has: ${pages.join(', ') || 'none'}`);
});
