/**
 * A customer who clicks through pages faster than a person reads: the page they left at
 * once still counts, and it reaches the hub (carried over to the next page, or beaconed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentToken, signedIn } from '../../server/testing/harness.js';
import type { Page } from 'playwright-core';
import { useBrowserAndHub } from './support/browser-and-hub.js';

const setup = useBrowserAndHub();

interface Context {
  visits: { events: { event: { type: string; url: string } }[] }[];
  cart: { sku: string }[];
}

/** The visitor's context as the agent's customer card reads it. */
async function contextTheHubHas(visitorId: string): Promise<Context> {
  const agent = await signedIn(setup.hub, (await agentToken(setup.hub)).token);
  try {
    return (await agent.ok('context.get', { visitorId })).context;
  } finally {
    agent.close();
  }
}

/** The page paths of the visitor's journey. */
async function pagesTheHubHas(visitorId: string): Promise<string[]> {
  const { visits } = await contextTheHubHas(visitorId);
  return visits
    .flatMap((visit) => visit.events.map((stored) => stored.event))
    .filter((event) => event.type === 'page_view')
    .map((event) => new URL(event.url).pathname);
}

/** The visitor id in the token the pages of this browser share (its payload's `sub`). */
async function visitorOf(page: Page): Promise<string> {
  const token = await page.waitForFunction(
    () => Object.entries(localStorage).find(([key]) => key.startsWith('cxkit:visitor:'))?.[1],
  );
  const payload = (await token.jsonValue()) as string;
  return JSON.parse(Buffer.from(payload.split('.')[0]!, 'base64url').toString()).sub;
}

test('a page left as soon as it loaded is recorded and reaches the hub', async () => {
  const page = await (await setup.browser.newContext()).newPage();
  // Gone the moment the page's scripts have run: no dwell at all.
  await page.goto(`${setup.hub.url}/search.html?q=boots`, { waitUntil: 'domcontentloaded' });
  await page.goto(`${setup.hub.url}/cart.html`, { waitUntil: 'domcontentloaded' });

  const visitorId = await visitorOf(page);

  let pages: string[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    pages = await pagesTheHubHas(visitorId);
    if (pages.includes('/search.html')) break;
    await page.waitForTimeout(250);
  }
  assert.ok(pages.includes('/search.html'), `pages the hub has: ${pages.join(', ') || 'none'}`);
});

test('a cart add clicked just before leaving the page reaches the hub', async () => {
  const page = await (await setup.browser.newContext()).newPage();
  await page.goto(`${setup.hub.url}/products/ridge-backpack.html`);
  await page.getByRole('button', { name: 'Add to cart' }).waitFor();
  await page.waitForFunction(
    () => !document.querySelector('button[data-demo-add-to-cart]:disabled'),
  );
  // The click and the navigation in one task: the page is gone before it can read the
  // dataLayer entry (the reader loads on first need), so the next page must.
  await page.evaluate(() => {
    document.querySelector<HTMLButtonElement>('[data-demo-add-to-cart]')!.click();
    location.href = '/cart.html';
  });
  await page.waitForURL('**/cart.html');
  const visitorId = await visitorOf(page);

  let cart: string[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    cart = (await contextTheHubHas(visitorId)).cart.map((product) => product.sku);
    if (cart.length) break;
    await page.waitForTimeout(250);
  }
  assert.deepEqual(cart, ['NW-BP-40'], 'the cart the agent sees');
});

test('a product page left before its products were read still shows the product', async () => {
  const context = await setup.browser.newContext();
  const page = await context.newPage();
  // A slow network: the module that reads a page's products cannot arrive in time.
  let held = true;
  await context.route('**/chunks/products-*.js', async (route) => {
    while (held) await new Promise((resolve) => setTimeout(resolve, 50));
    // The page that asked may be gone by now.
    await route.continue().catch(() => undefined);
  });
  await page.goto(`${setup.hub.url}/products/trailhead-boots.html`);
  await page.goto(`${setup.hub.url}/cart.html`, { waitUntil: 'commit' });
  held = false;
  await page.waitForLoadState();
  const visitorId = await visitorOf(page);

  let viewed: string[] = [];
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const { visits } = await contextTheHubHas(visitorId);
    viewed = visits
      .flatMap((visit) => visit.events.map((stored) => stored.event))
      .filter((event) => event.type === 'product_view')
      .map(
        (event) =>
          `${(event as { product?: { sku: string } }).product?.sku} on ${new URL(event.url).pathname}`,
      );
    if (viewed.length) break;
    await page.waitForTimeout(250);
  }
  assert.deepEqual(
    viewed,
    ['NW-BT-TH on /products/trailhead-boots.html'],
    'the products the agent sees',
  );
});
