import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLegacyCrm, demoCrmApiKey, type RunningLegacyCrm } from '../../demo/crm/legacy-crm.js';
import { loadConfig } from '../config/index.js';
import type { SiteConfig } from '../config/types.js';
import { createCrmLookup } from './lookup.js';

/** The demo site as cxkit.config.json defines it, pointed at a legacy CRM on a free port. */
function demoSite(legacy: RunningLegacyCrm): SiteConfig {
  const site = loadConfig('cxkit.config.json').sites.find((s) => s.key === 'demo')!;
  const url = site.crm!.url.replace(/^http:\/\/[^/]+/, legacy.url);
  return { ...site, crm: { ...site.crm!, url } };
}

describe('the demo legacy CRM with the demo site mapping', () => {
  let legacy: RunningLegacyCrm;
  before(async () => {
    legacy = await startLegacyCrm({ apiKey: demoCrmApiKey });
  });
  after(() => legacy.close());

  it('points the demo config at 127.0.0.1:8081, where the demo starts it', () => {
    const crm = loadConfig('cxkit.config.json').sites.find((s) => s.key === 'demo')!.crm!;
    assert.equal(crm.url, 'http://127.0.0.1:8081/api/customers/{customerId}');
    assert.equal(crm.headers?.['x-api-key'], demoCrmApiKey);
  });

  it('maps the demo customers the storefront signs in as', async () => {
    const lookup = createCrmLookup({ now: () => Date.parse('2026-11-22T10:00:00Z') });
    assert.deepEqual(await lookup(demoSite(legacy), 'demo-customer-1'), {
      status: 'ok',
      name: 'Mina Park',
      email: 'mina.park@example.com',
      tier: 'Gold',
      lifetimeValue: 1840.5,
      currency: 'EUR',
      orders: [
        {
          id: 'SO-49577',
          date: '2026-11-02',
          total: 249,
          currency: 'EUR',
          status: 'shipped',
          items: ['Summit down jacket', 'Merino beanie'],
        },
        {
          id: 'SO-48213',
          date: '2026-09-14',
          total: 89.9,
          currency: 'EUR',
          status: 'delivered',
          items: ['Trailhead boots'],
        },
        {
          id: 'SO-47001',
          date: '2026-06-30',
          total: 34,
          currency: 'EUR',
          status: 'returned',
          items: ['Trail socks (3 pack)'],
        },
      ],
      openTickets: 1,
      fetchedAt: '2026-11-22T10:00:00.000Z',
    });
    const second = await lookup(demoSite(legacy), 'demo-customer-2');
    assert.equal(second.status === 'ok' && second.orders[0]!.id, '50122');
    assert.equal(second.status === 'ok' && second.openTickets, 0);
  });

  it('shows the newest ten of many orders, and a bare record without invented fields', async () => {
    const lookup = createCrmLookup();
    const many = await lookup(demoSite(legacy), 'C-1001');
    assert.ok(many.status === 'ok');
    assert.equal(many.orders.length, 10);
    assert.equal(many.orders[0]!.date, '2026-12-05');
    const bare = await lookup(demoSite(legacy), 'C-1002');
    assert.ok(bare.status === 'ok');
    assert.deepEqual(
      { name: bare.name, email: bare.email, tier: bare.tier, orders: bare.orders },
      { name: 'Lee Seo-yeon', email: undefined, tier: undefined, orders: [] },
    );
  });

  it('answers 404 for unknown customers and 401 without the API key', async () => {
    assert.deepEqual(await createCrmLookup()(demoSite(legacy), 'nobody'), { status: 'not_found' });
    const site = demoSite(legacy);
    const noKey = { ...site, crm: { ...site.crm!, headers: {} } };
    assert.deepEqual(await createCrmLookup()(noKey, 'demo-customer-1'), {
      status: 'unavailable',
      reason: 'HTTP 401',
    });
  });

  it('can be made slow or failing for demos', async () => {
    const site = demoSite(legacy);
    legacy.setBehaviour({ fail: true });
    assert.deepEqual(await createCrmLookup()(site, 'demo-customer-1'), {
      status: 'unavailable',
      reason: 'HTTP 503',
    });
    legacy.setBehaviour({ delayMs: 1000 });
    const slow = { ...site, crm: { ...site.crm!, timeoutMs: 200 } };
    assert.deepEqual(await createCrmLookup()(slow, 'demo-customer-1'), {
      status: 'unavailable',
      reason: 'timeout after 200 ms',
    });
    legacy.setBehaviour({});
    const perRequest = { ...site, crm: { ...site.crm!, url: `${site.crm!.url}?fail=1` } };
    assert.equal((await createCrmLookup()(perRequest, 'demo-customer-1')).status, 'unavailable');
  });
});
