import type { CrmSourceConfig } from '../config/types.js';

export const defaultTimeoutMs = 1500;
export const defaultCacheSeconds = 60;

/** The placeholder a CRM URL template must contain. */
export const customerIdPlaceholder = '{customerId}';

/**
 * Checks what the JSON schema cannot phrase well: the URL template's form.
 * Returns a message naming the field (`sites[0].crm.url must ...`), or undefined when fine.
 */
export function crmConfigProblem(crm: CrmSourceConfig, field: string): string | undefined {
  const got = JSON.stringify(crm.url);
  let url: URL;
  try {
    url = new URL(crm.url.replaceAll(customerIdPlaceholder, 'x'));
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${field}.url must be an http(s) URL like https://crm.example/api/customers/{customerId} (got ${got})`;
  }
  if (!crm.url.includes(customerIdPlaceholder)) {
    return `${field}.url must contain ${customerIdPlaceholder} where the customer id goes (got ${got})`;
  }
  return undefined;
}

/** The request URL for one customer: the id is URL-encoded, so it cannot change the path. */
export function customerUrl(crm: CrmSourceConfig, customerId: string): string {
  return crm.url.replaceAll(customerIdPlaceholder, encodeURIComponent(customerId));
}
