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
import { launchChromium } from './support/browser.js';
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
  await customer.getByRole('link', { name: 'Ridge 40 L backpack' }).click();
  await customer.getByRole('button', { name: 'Add to cart' }).click();
  await customer.getByRole('status').getByText('is in your cart').waitFor();
  await customer.goto(`${hub.url}/search.html?q=boots`);
  await customer.getByRole('link', { name: 'Trailhead boots' }).click();
  await customer.getByRole('heading', { name: 'Trailhead boots' }).waitFor();
  await customer.goto(`${hub.url}/cart.html`);
  await customer.getByRole('link', { name: 'Go to checkout' }).click();
  await customer.getByLabel('Full name').fill('Jamie Rivera');
  await customer.getByLabel('Email').fill('jamie@example.com');
  await customer.getByLabel('Card number').fill('4242 4242 4242 4242');
  await customer.getByRole('button', { name: 'Place order' }).click();
  await customer.getByRole('alert').getByText('could not take your payment').waitFor();

  await customer.getByRole('button', { name: 'Open chat' }).click();
  await customer.getByRole('textbox', { name: 'Message' }).fill('My payment failed');
  await customer.getByRole('button', { name: 'Send' }).click();
  await customer.getByRole('log').getByText('My payment failed').waitFor();

  const agent = await (await browser.newContext()).newPage();
  await agent.goto(`${hub.url}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as demo agent' }).click();
  await agent.getByRole('button', { name: 'Accept' }).first().click();

  const card = agent.locator('cx-customer-card');
  await card.getByText('Ridge 40 L backpack').first().waitFor();
  await card.getByText('Trailhead boots').first().waitFor();
  await card.getByText('boots', { exact: false }).first().waitFor();
  await card
    .getByText(/Payment service unavailable/)
    .first()
    .waitFor();
  await card.getByText('/demo-api/payments', { exact: false }).first().waitFor();
  assert.ok(sent.length > 0, 'the recorder sent batches');
  assert.ok(
    sent.every((body) => !body.includes('4242') && !body.includes('jamie@example.com')),
    'typed values never leave the page',
  );
});
