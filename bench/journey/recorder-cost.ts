/**
 * The recorder's main-thread cost per page action, measured inside Chromium: the same
 * actions (a dataLayer push, an error, an SPA navigation) on a page with `<cx-journey>` and
 * on one without; the difference is the recorder's. Each action gets fresh pages.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { StaticPage } from '../../test/e2e/support/static-page.js';

type ServePage = (html: string) => Promise<StaticPage>;

export interface Figures {
  median: number;
  p99: number;
  n: number;
}

const pageScript = fileURLToPath(new URL('./recorder-cost.page.js', import.meta.url));
const workload = { samples: 100, perSample: 20, navigations: 8 };
const actions = ['dataLayer push', 'error event', 'SPA navigation'];

export async function measureRecorder(
  browser: Browser,
  hubUrl: string,
  servePage: ServePage,
): Promise<Record<string, { with: Figures; without: Figures }>> {
  const recorder = {
    head: `<script type="module" src="${hubUrl}/dist/journey.js"></script>`,
    body: `<cx-config hub="${hubUrl}" site-key="demo"></cx-config><cx-journey></cx-journey>`,
  };
  const figures: Record<string, { with: Figures; without: Figures }> = {};
  for (const action of actions) {
    figures[action] = {
      with: await measurePage(browser, servePage, action, recorder),
      without: await measurePage(browser, servePage, action, { head: '', body: '' }),
    };
  }
  return figures;
}

async function measurePage(
  browser: Browser,
  servePage: ServePage,
  action: string,
  { head, body }: { head: string; body: string },
): Promise<Figures> {
  const page = await servePage(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>${head}</head><body>${body}<main>bench</main></body></html>`,
  );
  const tab = await browser.newPage();
  try {
    await tab.goto(page.url);
    if (body) await tab.waitForFunction(() => customElements.get('cx-journey') !== undefined);
    await tab.addScriptTag({ path: pageScript });
    const call = `measurePageAction(${JSON.stringify(action)}, ${JSON.stringify(workload)})`;
    return (await tab.evaluate(call)) as Figures;
  } finally {
    await tab.close();
    await page.close();
  }
}
