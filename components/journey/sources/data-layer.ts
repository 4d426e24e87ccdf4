import { guarded } from '../facts.js';

type Bag = Record<string, unknown>;

const wrapped = Symbol.for('cxkit.journey.data-layer');

/**
 * Hands `onEntry` the entries already in `window.dataLayer` and those pushed later. What
 * they mean (data-layer-facts.ts) is worked out later, off the page's eager path.
 */
export function watchDataLayer(onEntry: (entry: Bag) => void): void {
  const record = guarded(onEntry);
  const page = window as { dataLayer?: Bag[] & { [wrapped]?: true } };
  const layer = (page.dataLayer ??= []);
  if (layer[wrapped]) return;
  layer[wrapped] = true;
  layer.forEach(record);
  const push = layer.push;
  layer.push = function (this: Bag[], ...entries: Bag[]) {
    const length = push.apply(this, entries);
    entries.forEach(record);
    return length;
  };
}
