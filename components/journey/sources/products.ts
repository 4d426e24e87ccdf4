import type { ProductRef } from '../../../protocol/index.js';
import type { ProductSources } from './product-sources.js';

type Bag = Record<string, unknown>;

/** A price or value the hub accepts, from a number or a numeric string. */
export const amount = (value: unknown) => {
  const number = parseFloat(value as string);
  return number >= 0 && number <= 1e12 ? number : undefined;
};

/** An ISO 4217 code, or undefined. */
export const currencyCode = (value: unknown) =>
  /^[A-Za-z]{3}$/.test(value as string) ? (value as string) : undefined;

const text = (value: unknown) => (value == null ? undefined : String(value));

/** A ProductRef the hub accepts (only known fields, valid values), or undefined without a SKU. */
export function productRef(fields: Bag): ProductRef | undefined {
  const sku = fields.sku ?? fields.name;
  const quantity = Number(fields.quantity);
  const product = {
    sku: String(sku),
    name: text(fields.name),
    price: amount(fields.price),
    currency: currencyCode(fields.currency),
    // "https://schema.org/InStock" reads better on the agent's card as "InStock".
    availability: text(fields.availability)?.split('/').pop(),
    category: text(fields.category),
    quantity: Number.isInteger(quantity) && quantity > 0 ? quantity : undefined,
  };
  // Without the missing fields: the hub refuses a field that is present but undefined.
  return sku == null || sku === '' ? undefined : JSON.parse(JSON.stringify(product));
}

/** schema.org `Product` nodes anywhere in a JSON-LD value (lists, `@graph`). */
function ldProducts(node: unknown, found: ProductRef[]): void {
  if (Array.isArray(node)) return node.forEach((item) => ldProducts(item, found));
  if (!node || typeof node !== 'object') return;
  const bag = node as Bag;
  ldProducts(bag['@graph'], found);
  if (![bag['@type']].flat().includes('Product')) return;
  const offer = ([bag.offers].flat()[0] ?? {}) as Bag;
  const category = bag.category as Bag | string | undefined;
  const product = productRef({
    sku: bag.sku ?? bag.productID ?? bag.mpn,
    name: bag.name,
    price: offer.price ?? offer.lowPrice,
    currency: offer.priceCurrency,
    availability: offer.availability,
    category: (category as Bag)?.name ?? category,
  });
  if (product) found.push(product);
}

/** The products the markup of a page shows: schema.org JSON-LD, then `data-cx-product` elements. */
export function productsIn({ ld, tagged }: ProductSources): ProductRef[] {
  const found: ProductRef[] = [];
  for (const text of ld) {
    try {
      ldProducts(JSON.parse(text), found);
    } catch {
      // A page's broken JSON-LD is not ours to report.
    }
  }
  for (const data of tagged) {
    const product = productRef({
      sku: data.cxSku,
      name: data.cxName,
      price: data.cxPrice,
      currency: data.cxCurrency,
      availability: data.cxAvailability,
      category: data.cxCategory,
    });
    if (product) found.push(product);
  }
  return found;
}
