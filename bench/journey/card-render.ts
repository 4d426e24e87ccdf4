/**
 * First render of `<cx-customer-card>` for a visitor with a long journey: the events go
 * in through the real ingestion route, the card loads them with `context.get` over the
 * hub's WebSocket, and the page times how long until the first timeline rows show.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { JourneyEvent } from '../../protocol/index.js';
import { servePage } from '../../test/e2e/support/static-page.js';

const origin = 'http://localhost:5173';
const pageScript = fileURLToPath(new URL('./card-render.page.js', import.meta.url));
const batchSize = 100;

export async function measureCardRender(browser: Browser, hubUrl: string, events: number) {
  const visitor = (await post(hubUrl, '/api/v1/visitors', { siteKey: 'demo' })) as {
    visitorId: string;
    token: string;
  };
  const agent = (await post(hubUrl, '/api/v1/demo/agent-token', { siteKey: 'demo' })) as {
    token: string;
  };
  for (let sent = 0; sent < events; sent += batchSize) {
    const visitId = `visit-${Math.floor(sent / 500)}`;
    await post(hubUrl, '/api/v1/journey', {
      siteKey: 'demo',
      token: visitor.token,
      visitId,
      events: Array.from({ length: Math.min(batchSize, events - sent) }, (_, i) =>
        sampleEvent(sent + i),
      ),
    });
  }

  const page =
    await servePage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card bench</title>
<script type="module" src="${hubUrl}/dist/customer-card.js"></script></head>
<body><cx-config hub="${hubUrl}" site-key="demo" agent-token="${agent.token}"></cx-config><main></main></body></html>`);
  const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  try {
    await tab.goto(page.url);
    await tab.waitForFunction(() => customElements.get('cx-customer-card') !== undefined);
    await tab.addScriptTag({ path: pageScript });
    return (await tab.evaluate(`measureCardRender(${JSON.stringify(visitor.visitorId)})`)) as {
      renderMs: number;
      rows: number;
    };
  } finally {
    await tab.close();
    await page.close();
  }
}

function sampleEvent(i: number): JourneyEvent {
  const at = new Date(Date.now() - (10_000 - i) * 1000).toISOString();
  const url = `https://shop.example/products/p-${i % 30}`;
  if (i % 10 === 0) return { type: 'page_view', at, url, title: `Ridge 40 L backpack ${i}` };
  if (i % 97 === 0) return { type: 'js_error', at, url, message: `TypeError ${i}` };
  return {
    type: 'product_view',
    at,
    url,
    product: { sku: `SKU-${i % 30}`, name: `Ridge ${i % 30}`, price: 129 },
  };
}

async function post(hubUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
