import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  postJson,
  shopOrigin,
  startTestHub,
  stopTestHub,
  testConfig,
  type TestHub,
} from '../testing/harness.js';
import { verifyIdentityToken } from './verify.js';

describe('demo identity tokens', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub()));
  after(() => stopTestHub(hub));

  it('signs a demo customer in on a demo site, as a storefront backend would', async () => {
    const { status, body } = await postJson(`${hub.url}/api/v1/demo/identity-token`, {
      siteKey: 'demo',
      customerId: 'demo-customer-1',
    });
    assert.equal(status, 200);
    assert.equal(body.name, 'Mina Park');
    const demoSite = testConfig.sites.find((site) => site.key === 'demo')!;
    assert.deepEqual(verifyIdentityToken(demoSite, body.token), {
      customerId: 'demo-customer-1',
      name: 'Mina Park',
      email: 'mina.park@example.com',
    });
  });

  it('refuses other sites and unknown customers', async () => {
    const otherSite = await postJson(
      `${hub.url}/api/v1/demo/identity-token`,
      { siteKey: 'shop', customerId: 'demo-customer-1' },
      shopOrigin,
    );
    assert.equal(otherSite.status, 404);
    assert.equal(otherSite.body.code, 'site.unknown');
    const stranger = await postJson(`${hub.url}/api/v1/demo/identity-token`, {
      siteKey: 'demo',
      customerId: 'someone-else',
    });
    assert.equal(stranger.status, 404);
  });
});
