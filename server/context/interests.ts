import type { InterestSignal, JourneyEvent } from '../../protocol/index.js';
import type { InterestRule } from '../config/types.js';

/** Product views that make a product an interest signal (unless a site rule asks for fewer). */
const productViewsThreshold = 2;
/** Product views within one category that make the category an interest signal. */
const categoryViewsThreshold = 3;

const kindOrder = { product: 0, category: 1 } as const;

/** Products and categories viewed repeatedly, most viewed first, with site rules' suggestions. */
export function interestSignals(
  events: JourneyEvent[],
  rules: readonly InterestRule[],
): InterestSignal[] {
  const products = new Map<string, { label: string; views: number }>();
  const categories = new Map<string, number>();
  for (const event of events) {
    if (event.type !== 'product_view') continue;
    const { sku, name, category } = event.product;
    const seen = products.get(sku);
    products.set(sku, { label: name ?? seen?.label ?? sku, views: (seen?.views ?? 0) + 1 });
    if (category) categories.set(category, (categories.get(category) ?? 0) + 1);
  }

  const signals: InterestSignal[] = [];
  const consider = (
    kind: InterestSignal['kind'],
    key: string,
    label: string,
    views: number,
    threshold: number,
  ) => {
    const rule = rules.find(
      (candidate) =>
        (kind === 'product' ? candidate.sku : candidate.category) === key &&
        views >= candidate.views,
    );
    if (views < threshold && !rule) return;
    signals.push({ kind, key, label, views, ...(rule ? { suggestion: rule.suggest } : {}) });
  };
  for (const [sku, { label, views }] of products)
    consider('product', sku, label, views, productViewsThreshold);
  for (const [category, views] of categories)
    consider('category', category, category, views, categoryViewsThreshold);
  return signals.sort(
    // On a tie the product comes first: it is the more specific signal.
    (a, b) =>
      b.views - a.views || kindOrder[a.kind] - kindOrder[b.kind] || a.key.localeCompare(b.key),
  );
}
