import type { Fact } from '../facts.js';
import { amount, currencyCode, productRef } from './products.js';

type Bag = Record<string, unknown>;

const checkoutSteps = ['begin_checkout', 'add_shipping_info', 'add_payment_info'];
const itemEvents: Bag = {
  view_item: 'product_view',
  add_to_cart: 'cart_add',
  remove_from_cart: 'cart_remove',
};

/**
 * The facts in one dataLayer entry, pushed on `pageUrl`: a GTM-style object
 * (`{ event, ecommerce }`) or a gtag call (`['event', name, params]`).
 */
export function factsOf(entry: Bag, pageUrl: string): Fact[] {
  const gtag = entry[0] === 'event';
  const name = (gtag ? entry[1] : entry.event) as string;
  const params = ((gtag ? entry[2] : (entry.ecommerce ?? entry)) ?? {}) as Bag;
  const type = itemEvents[name] as 'cart_add';
  const query = params.search_term ?? entry.search_term;
  const total = { value: amount(params.value), currency: currencyCode(params.currency) };
  if (name === 'search' && query) {
    // A search the page URL carries is already recorded with the page view.
    const inUrl = [...new URL(pageUrl).searchParams.values()].includes(String(query));
    return inUrl ? [] : [{ type: 'search', query: String(query) }];
  }
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
