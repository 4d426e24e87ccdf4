/**
 * The page behind an answer email's "Stop these emails" link, in real Chromium against a
 * real hub process: axe finds nothing in any of its states, in English and Korean, and a
 * keyboard alone stops the emails.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { unsubscribeUrl } from '../../server/email/unsubscribe/index.js';
import { launchChromium } from './support/browser.js';
import { makeDataDir, startHubProcess, type HubProcess } from './support/hub-process.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
let hub: HubProcess;
const dataDir = makeDataDir();
/** The hub's secret, known here so the test can make the link an answer email carries. */
const tokenSecret = randomBytes(32).toString('hex');

before(async () => {
  browser = await launchChromium();
  const config = JSON.parse(
    readFileSync(new URL('../../cxkit.config.json', import.meta.url), 'utf8'),
  );
  const path = join(dataDir.path, 'cxkit.config.json');
  writeFileSync(path, JSON.stringify({ ...config, tokenSecret }));
  hub = await startHubProcess(join(dataDir.path, 'data'), 0, { CXKIT_CONFIG: path });
});

after(async () => {
  await browser?.close();
  await hub?.stop();
  dataDir.remove();
});

/** axe's violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // The page allows no script (its CSP); the test's context bypasses that to run axe.
  await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate('axe.run().then((r) => r.violations)')) as Array<{
    id: string;
    nodes: Array<{ target: string[] }>;
  }>;
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

for (const [locale, button, done] of [
  ['en-US', 'Stop these emails', 'gets no more emails'],
  ['ko-KR', '메일 받지 않기', ''],
] as const) {
  test(`the stop page is accessible while it asks and once it stopped the emails (${locale})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, locale });
    const page = await context.newPage();
    const email = `reader-${locale}@example.com`;
    const link = unsubscribeUrl(hub.url, tokenSecret, { siteKey: 'demo', email });
    await page.goto(link);
    assert.equal(await page.getAttribute('html', 'lang'), locale.slice(0, 2));
    assert.deepEqual(await axeViolations(page), [], 'asking');

    // A keyboard alone: the button is reachable and presses with Enter.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, button);
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await status.waitFor();
    if (done) assert.match((await status.textContent()) ?? '', new RegExp(done));
    assert.match((await status.textContent()) ?? '', new RegExp(email));
    assert.deepEqual(await axeViolations(page), [], 'done');

    // A link the hub did not make says so, accessibly too.
    await page.goto(link.replace(/\.[\w-]+$/, `.${'A'.repeat(43)}`));
    await page.getByRole('status').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'invalid');
    await context.close();
  });
}
