/**
 * The reason cxkit exists, end to end in real Chromium: a customer browses the demo
 * storefront, views products, fills the cart, hits the checkout's deliberate error and
 * opens chat; the agent accepts and the customer card already shows those pages, the
 * products, the cart and the error, highlighted, before anyone has typed a word.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startLegacyCrm, demoCrmApiKey, type RunningLegacyCrm } from '../../demo/crm/legacy-crm.js';
import { agentToken, signedIn } from '../../server/testing/harness.js';
import { launchChromium, watchForProblems } from './support/browser.js';
import { servePage } from './support/static-page.js';
import {
  makeDataDir,
  startHubProcess,
  writeDemoConfig,
  type HubProcess,
} from './support/hub-process.js';

let browser: Browser;
let hub: HubProcess;
let crm: RunningLegacyCrm;
const dataDir = makeDataDir();

before(async () => {
  browser = await launchChromium();
  crm = await startLegacyCrm({ port: 0, host: '127.0.0.1', apiKey: demoCrmApiKey });
  const demo = JSON.parse(readFileSync(new URL('../../cxkit.config.json', import.meta.url), 'utf8'))
    .sites[0];
  const config = writeDemoConfig(dataDir.path, {
    crm: { ...demo.crm, url: `${crm.url}/api/customers/{customerId}` },
  });
  hub = await startHubProcess(`${dataDir.path}/data`, 0, { CXKIT_CONFIG: config });
});

after(async () => {
  await browser?.close();
  await hub?.stop();
  await crm?.close();
  dataDir.remove();
});

/**
 * Everything the card's timeline holds. It renders only the rows in view, so the test
 * makes the view tall enough for all of them (a page can set that token too), then reads.
 * A string, not a function: tsx would wrap inner names in a helper the page lacks.
 */
function timelineText(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const card = document.querySelector('cx-customer-card');
    card.style.setProperty('--cx-card-timeline-height', '20000px');
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const rows = () => card.shadowRoot.querySelectorAll('[part~="event"]').length;
    let seen = -1;
    while (rows() !== seen) {
      seen = rows();
      await frame();
    }
    return card.shadowRoot.querySelector('[part~="timeline"]').textContent;
  })()`);
}

/**
 * A moment on the page, as a person takes: the page view is recorded at once, but the
 * products on the page are read when it is idle.
 */
async function dwell(page: Page) {
  await page.waitForFunction(() => customElements.get('cx-journey') !== undefined);
  await page.waitForTimeout(500);
}

/** Journey requests a page sends, so a test can wait for the recorder's batches. */
function journeyRequests(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/journey' && request.method() === 'POST') {
      bodies.push(request.postData() ?? '');
    }
  });
  return bodies;
}

test('the agent sees pages, products, cart and the error before anyone types', async () => {
  const customer = await (await browser.newContext()).newPage();
  const sent = journeyRequests(customer);

  await customer.goto(`${hub.url}/`);
  // The storefront's login: from now on the journey belongs to a verified customer.
  await customer.getByRole('button', { name: 'Sign in as Mina (demo)' }).click();
  await customer.getByRole('button', { name: 'Signed in as Mina Park' }).waitFor();
  await customer.getByRole('link', { name: 'Ridge 40 L backpack' }).click();
  await customer.getByRole('button', { name: 'Add to cart' }).click();
  await customer.getByRole('status').getByText('is in your cart').waitFor();
  await customer.goto(`${hub.url}/search.html?q=boots`);
  await dwell(customer);
  await customer.getByRole('link', { name: 'Trailhead boots' }).click();
  await customer.getByRole('heading', { name: 'Trailhead boots' }).waitFor();
  await dwell(customer);
  await customer.goto(`${hub.url}/help.html`);
  await customer.getByRole('heading', { name: 'Help and contact' }).waitFor();
  await dwell(customer);
  await customer.goto(`${hub.url}/cart.html`);
  await customer.getByRole('link', { name: 'Go to checkout' }).click();
  await customer.getByLabel('Full name').fill('Jamie Rivera');
  await customer.getByLabel('Email').fill('jamie@example.com');
  await customer.getByLabel('Card number').fill('4242 4242 4242 4242');
  await customer.getByRole('button', { name: 'Place order' }).click();
  await customer.getByRole('alert').getByText('could not take your payment').waitFor();

  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).fill('My payment failed');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await customer.getByRole('log').getByText('My payment failed').waitFor();

  const agent = await (await browser.newContext()).newPage();
  const agentProblems = watchForProblems(agent);
  await agent.goto(`${hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('button', { name: 'Accept' }).first().click();

  const card = agent.locator('cx-customer-card');
  // Who: verified, with the legacy CRM's data mapped in.
  await card.getByText('Mina Park').first().waitFor();
  await card.getByText('Gold').first().waitFor();
  await card.getByText('SO-49577').first().waitFor();
  // What they did: pages, products, the search, the cart.
  await card.locator('[part~="event"]').first().waitFor();
  // The last pages' batches may still be on their way (beacons, the recorder's timer):
  // the card shows them live, so wait for them rather than read once.
  const expected = ['Ridge 40 L backpack', 'Trailhead boots', 'boots', 'Checkout', 'Help'];
  let timeline = '';
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    timeline = await timelineText(agent);
    if (expected.every((seen) => timeline.includes(seen))) break;
    await agent.waitForTimeout(250);
  }
  for (const seen of expected) {
    assert.ok(timeline.includes(seen), `the timeline shows "${seen}": ${timeline.slice(0, 1000)}`);
  }
  await card.locator('[part~="cart"]').getByText('Ridge 40 L backpack').waitFor();
  // What went wrong, highlighted as struggles.
  const struggles = card.locator('[part~="struggle"]');
  await struggles.filter({ hasText: 'Payment service unavailable' }).first().waitFor();
  await struggles.filter({ hasText: 'POST /demo-api/payments failed with 503' }).first().waitFor();
  assert.equal(
    await agent.getByRole('textbox', { name: 'Message' }).inputValue(),
    '',
    'the agent has not typed anything',
  );
  assert.deepEqual(agentProblems, [], 'agent desk: no errors and no CSP violations');
  assert.ok(sent.length > 0, 'the recorder sent batches');
  assert.ok(
    sent.every((body) => !body.includes('4242') && !body.includes('jamie@example.com')),
    'typed values never leave the page',
  );
});

test("at a computer Mina signed out of, the next person's browsing is not on her card", async () => {
  const shared = await (await browser.newContext()).newPage();
  await shared.goto(`${hub.url}/`);
  await shared.getByRole('button', { name: 'Sign in as Mina (demo)' }).click();
  await shared.getByRole('button', { name: 'Signed in as Mina Park' }).waitFor();
  await shared.goto(`${hub.url}/help.html?mina-was-here`);
  await dwell(shared);
  // A storefront whose sign-out drops its own session only: the visitor token stays.
  await shared.evaluate(() => {
    sessionStorage.removeItem('cx-demo-identity');
    document.querySelector('cx-config')!.removeAttribute('identity-token');
  });
  await shared.goto(`${hub.url}/products/summit-jacket.html?stranger-was-here`);
  await shared.getByRole('button', { name: 'Sign in as Mina (demo)' }).waitFor();
  await dwell(shared);
  await shared.evaluate(() => document.querySelector('cx-journey')!.flush());

  const desk = await signedIn(hub, (await agentToken(hub)).token);
  // The next person asks, with the visitor token this browser kept.
  const visitorToken = await shared.evaluate(
    (key) => localStorage.getItem(key)!,
    `cxkit:visitor:${hub.url}|demo`,
  );
  const stranger = await signedIn(hub, visitorToken);
  try {
    const asked = await stranger.ok('chat.send', { text: 'Is the jacket in stock?' });
    const pagesOn = async (target: Record<string, unknown>) => {
      const { context } = await desk.ok('context.get', target);
      return context.visits
        .flatMap((visit: { events: Array<{ event: { url: string } }> }) => visit.events)
        .map((stored: { event: { url: string } }) => stored.event.url)
        .join(' ');
    };
    const minas = { customerId: 'demo-customer-1' };
    const strangers = { conversationId: asked.conversationId };
    // The batches may still be on their way (a beacon, the recorder's timer).
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      if ((await pagesOn(minas)).includes('mina-was-here')) break;
      await shared.waitForTimeout(200);
    }
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      if ((await pagesOn(strangers)).includes('stranger-was-here')) break;
      await shared.waitForTimeout(200);
    }
    const [her, theirs] = [await pagesOn(minas), await pagesOn(strangers)];
    assert.match(her, /mina-was-here/);
    assert.doesNotMatch(her, /stranger-was-here/);
    assert.match(theirs, /stranger-was-here/);
    assert.doesNotMatch(theirs, /mina-was-here/);
  } finally {
    desk.close();
    stranger.close();
  }
});

function recorderPage(hubUrl: string, journeyAttributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy</title>
<script type="module" src="${hubUrl}/dist/journey.js"></script></head>
<body><cx-config hub="${hubUrl}" site-key="demo"></cx-config><cx-journey ${journeyAttributes}></cx-journey>
<main><h1>Privacy</h1><form><label>Email <input name="email" type="email" required></label>
<button>Go</button></form></main></body></html>`;
}

/** Browses a little: an SPA navigation, a validation error and a thrown error, then leaves. */
async function browseAndLeave(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('cx-journey') !== undefined);
  await page.evaluate(() => history.pushState({}, '', '/next'));
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Go' }).click();
  await page.evaluate(() => setTimeout(() => Promise.reject(new Error('boom')), 0));
  await page.evaluate(() => document.querySelector('cx-journey')!.flush());
  await page.goto('about:blank');
}

test('no journey request leaves the page without consent, or with Global Privacy Control on', async () => {
  const required = await servePage(recorderPage(hub.url, 'consent="required"'));
  const plain = await servePage(recorderPage(hub.url, ''));
  try {
    const withoutConsent = await browser.newPage();
    const sentWithoutConsent = journeyRequests(withoutConsent);
    await browseAndLeave(withoutConsent, required.url);

    const gpcContext = await browser.newContext();
    // As a string: tsx would wrap a function's inner names in a helper the page lacks.
    await gpcContext.addInitScript({
      content: `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })`,
    });
    const withGpc = await gpcContext.newPage();
    const sentWithGpc = journeyRequests(withGpc);
    await browseAndLeave(withGpc, plain.url);

    // The same browsing with nothing to stop it does send: the two zeros above mean something.
    const allowed = await browser.newPage();
    const sentAllowed = journeyRequests(allowed);
    await browseAndLeave(allowed, plain.url);

    assert.deepEqual(sentWithoutConsent, [], 'nothing sent without consent');
    assert.deepEqual(sentWithGpc, [], 'nothing sent under Global Privacy Control');
    assert.ok(sentAllowed.length > 0, 'the recorder sends when allowed');
    assert.ok(
      sentAllowed.every((body) => !body.includes('not-an-email')),
      'typed values stay',
    );
  } finally {
    await required.close();
    await plain.close();
  }
});
