import { guarded, type Emit, type Fact } from '../facts.js';
import { amount, currencyCode, productRef } from './products.js';

type Bag = Record<string, unknown>;

const wrapped = Symbol.for('cxkit.journey.data-layer');
const checkoutSteps = ['begin_checkout', 'add_shipping_info', 'add_payment_info'];
const itemEvents: Bag = {
  view_item: 'product_view',
  add_to_cart: 'cart_add',
  remove_from_cart: 'cart_remove',
};

/**
 * The facts in one dataLayer entry: a GTM-style object (`{ event, ecommerce }`) or a
 * gtag call (`['event', name, params]`).
 */
function factsOf(entry: Bag): Fact[] {
  const gtag = entry[0] === 'event';
  const name = (gtag ? entry[1] : entry.event) as string;
  const params = ((gtag ? entry[2] : (entry.ecommerce ?? entry)) ?? {}) as Bag;
  const type = itemEvents[name] as 'cart_add';
  const query = params.search_term ?? entry.search_term;
  const total = { value: amount(params.value), currency: currencyCode(params.currency) };
  if (name === 'search' && query) return [{ type: 'search', query: String(query) }];
  if (type) {
    return ((params.items ?? []) as Bag[]).flatMap((item) => {
      const product = productRef({
        sku: item.item_id,
        name: item.item_name,
        price: item.price,
        currency: item.currency ?? params.currency,
        category: item.item_category,
        quantity: item.quantity,
      });
      return product ? [{ type, product }] : [];
    });
  }
  if (checkoutSteps.includes(name)) return [{ type: 'checkout_step', step: name, ...total }];
  const orderId = params.transaction_id;
  return name === 'purchase'
    ? [{ type: 'purchase', ...total, ...(orderId != null && { orderId: String(orderId) }) }]
    : [];
}

/** Reads ecommerce events already in `window.dataLayer` and those pushed later. */
export function watchDataLayer(emit: Emit): void {
  const record = guarded((entry: Bag) => factsOf(entry).forEach(emit));
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
