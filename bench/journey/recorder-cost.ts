/**
 * The recorder's main-thread cost per event, measured inside Chromium around the page
 * actions that produce events: a dataLayer push, an SPA navigation and a thrown error.
 */
import type { Browser } from 'playwright-core';
import type { StaticPage } from '../../test/e2e/support/static-page.js';

type ServePage = (html: string) => Promise<StaticPage>;

export interface Figures {
  median: number;
  p99: number;
  n: number;
}

const samples = 2000;

export async function measureRecorder(
  browser: Browser,
  hubUrl: string,
  servePage: ServePage,
): Promise<Record<string, Figures>> {
  const page =
    await servePage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<script type="module" src="${hubUrl}/dist/journey.js"></script></head>
<body><cx-config hub="${hubUrl}" site-key="demo"></cx-config><cx-journey></cx-journey><main>bench</main></body></html>`);
  const tab = await browser.newPage();
  try {
    await tab.goto(page.url);
    await tab.waitForFunction(() => customElements.get('cx-journey') !== undefined);
    return await tab.evaluate(async (count) => {
      const quantiles = (values: number[]) => {
        const sorted = values.map((ms) => ms * 1000).sort((a, b) => a - b);
        const at = (p: number) =>
          sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
        return { median: at(0.5), p99: at(0.99), n: sorted.length };
      };
      const time = (action: (i: number) => void) => {
        const durations: number[] = [];
        for (let i = 0; i < count; i++) {
          const start = performance.now();
          action(i);
          durations.push(performance.now() - start);
        }
        return durations;
      };
      const layer = ((window as unknown as { dataLayer: object[] }).dataLayer ??= []);
      const baselinePush = time((i) => Array.prototype.push.call([], { i }));
      const cart = time((i) =>
        layer.push({
          event: 'add_to_cart',
          ecommerce: {
            currency: 'EUR',
            items: [{ item_id: `SKU-${i}`, item_name: 'Boots', price: 159, quantity: 1 }],
          },
        }),
      );
      const navigation = time((i) => history.pushState({}, '', `/bench/page-${i}`));
      const error = time((i) =>
        window.dispatchEvent(
          new ErrorEvent('error', { message: `bench error ${i}`, error: new Error('x') }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        'dataLayer push': quantiles(cart),
        'SPA navigation': quantiles(navigation),
        'error event': quantiles(error),
        '(bare array push)': quantiles(baselinePush),
      };
    }, samples);
  } finally {
    await tab.close();
    await page.close();
  }
}
