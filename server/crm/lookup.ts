import type { CrmData } from '../../protocol/context.js';
import type { SiteConfig } from '../config/types.js';
import { LruCache } from './cache.js';
import { defaultCacheSeconds } from './config.js';
import { fetchCustomer } from './fetch.js';
import { mapCustomer } from './mapping.js';

type Answer = Extract<CrmData, { status: 'ok' } | { status: 'not_found' }>;

interface Cached {
  answer: Answer;
  expiresAt: number;
}

export interface CrmLookupOptions {
  /** Customers remembered across all sites (default 1,000). */
  maxEntries?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export type LookupCustomer = (site: SiteConfig, customerId: string) => Promise<CrmData>;

/**
 * A CRM lookup with its own cache. Answers (a record, or "not found") are kept for the site's
 * `cacheSeconds`; after that a failed refresh serves the last record marked `stale`. Lookups
 * of one customer while a request is out share that request.
 */
export function createCrmLookup(options: CrmLookupOptions = {}): LookupCustomer {
  const now = options.now ?? Date.now;
  const cache = new LruCache<Cached>(options.maxEntries ?? 1000);
  const inFlight = new Map<string, Promise<CrmData>>();

  async function refresh(site: SiteConfig, customerId: string, key: string): Promise<CrmData> {
    const crm = site.crm!;
    const response = await fetchCustomer(crm, customerId);
    if (response.kind === 'failed') {
      const last = cache.get(key)?.answer;
      return last?.status === 'ok'
        ? { ...last, stale: true }
        : { status: 'unavailable', reason: response.reason };
    }
    const answer: Answer =
      response.kind === 'not_found'
        ? { status: 'not_found' }
        : {
            status: 'ok',
            ...mapCustomer(response.json, crm.mapping),
            fetchedAt: new Date(now()).toISOString(),
          };
    cache.set(key, { answer, expiresAt: now() + (crm.cacheSeconds ?? defaultCacheSeconds) * 1000 });
    return answer;
  }

  return async function lookupCustomer(site, customerId) {
    try {
      if (!site.crm) return { status: 'none' };
      // The URL is part of the key so a changed config never serves another CRM's answer.
      const key = JSON.stringify([site.key, site.crm.url, customerId]);
      const cached = cache.get(key);
      if (cached && cached.expiresAt > now()) return cached.answer;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = refresh(site, customerId, key).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return await pending;
    } catch (error) {
      // Only a bug gets here; the card must still render without CRM data.
      return { status: 'unavailable', reason: `lookup failed: ${(error as Error).message}` };
    }
  };
}
