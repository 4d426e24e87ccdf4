/** The CRM source of the customer context: a site's own CRM, fetched, mapped and cached. */
import { createCrmLookup } from './lookup.js';

export { createCrmLookup, type CrmLookupOptions, type LookupCustomer } from './lookup.js';
export { crmConfigProblem } from './config.js';

/**
 * The site's CRM record for a verified customer. Never throws: `none` without a CRM source,
 * `not_found` for a customer the CRM does not know, `unavailable` with a reason when it fails.
 */
export const lookupCustomer = createCrmLookup();
