/**
 * A storefront on another origin embeds the widgets from the hub's /dist/, as a real
 * site would; an origin the site does not allow is turned away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchForProblems } from './support/browser.js';
import { useBrowserAndHub } from './support/browser-and-hub.js';
import { servePage } from './support/static-page.js';

const setup = useBrowserAndHub();

function storefrontHtml(hubUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other shop</title>
<script type="module" src="${hubUrl}/dist/chat.js"></script></head>
<body><main><h1>Another shop</h1></main>
<cx-config hub="${hubUrl}" site-key="demo"></cx-config><cx-chat></cx-chat></body></html>`;
}

test('a page on another loopback port embeds cx-chat and talks to the hub', async () => {
  const shop = await servePage(storefrontHtml(setup.hub.url));
  try {
    const page = await setup.browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('from another origin');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('log').getByText('from another origin').waitFor();

    const stored = await page.evaluate(async (hubUrl) => {
      const response = await fetch(`${hubUrl}/api/v1/visitors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      });
      return response.status;
    }, setup.hub.url);
    assert.equal(stored, 200, 'the allowed origin gets a visitor token');
    assert.deepEqual(problems, []);
  } finally {
    await shop.close();
  }
});

test('an origin the site does not allow is refused with origin.forbidden', async () => {
  // 127.0.0.2 is loopback too, but not one of the demo site's allowed origins.
  const shop = await servePage(storefrontHtml(setup.hub.url), '127.0.0.2');
  try {
    const page = await setup.browser.newPage();
    await page.goto(shop.url);
    const answer = await page.evaluate(async (hubUrl) => {
      const response = await fetch(`${hubUrl}/api/v1/visitors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      }).catch((error: Error) => ({ status: 0, error: error.message }));
      return 'error' in response ? response : { status: response.status };
    }, setup.hub.url);
    // The hub answers 403 without CORS headers, so the browser only sees a failed fetch.
    assert.equal(answer.status, 0, `the browser is refused, got ${JSON.stringify(answer)}`);
    const direct = await fetch(`${setup.hub.url}/api/v1/visitors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(shop.url).origin },
      body: JSON.stringify({ siteKey: 'demo' }),
    });
    assert.equal(direct.status, 403);
    assert.equal(((await direct.json()) as { code: string }).code, 'origin.forbidden');
  } finally {
    await shop.close();
  }
});
