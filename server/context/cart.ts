import type { JourneyEvent, ProductRef } from '../../protocol/index.js';

/** The cart as the events leave it: adds and removes by SKU, emptied by a purchase. */
export function currentCart(events: JourneyEvent[]): ProductRef[] {
  const cart = new Map<string, ProductRef>();
  for (const event of events) {
    if (event.type === 'purchase') cart.clear();
    if (event.type !== 'cart_add' && event.type !== 'cart_remove') continue;
    const { sku } = event.product;
    const held = cart.get(sku)?.quantity ?? 0;
    const change = event.product.quantity ?? 1;
    const quantity = event.type === 'cart_add' ? held + change : held - change;
    if (quantity > 0) cart.set(sku, { ...cart.get(sku), ...event.product, quantity });
    else cart.delete(sku);
  }
  return [...cart.values()];
}
