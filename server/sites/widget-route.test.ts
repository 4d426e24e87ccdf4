import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { shopOrigin, startTestHub, stopTestHub, type TestHub } from '../testing/harness.js';

describe('widget settings route', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub()));
  after(() => stopTestHub(hub));

  const get = (siteKey: string, origin?: string) =>
    fetch(`${hub.url}/api/v1/sites/${siteKey}/widget`, {
      headers: origin ? { origin } : {},
    });

  it("answers an allowed origin with the site's public settings, cacheable briefly", async () => {
    const response = await get('shop', shopOrigin);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).siteKey, 'shop');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=60/);
  });

  it('refuses unknown sites and foreign origins with a stable code', async () => {
    const unknown = await get('nope', shopOrigin);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).code, 'site.unknown');
    const foreign = await get('shop', 'https://evil.example');
    assert.equal(foreign.status, 403);
    assert.equal((await foreign.json()).code, 'origin.forbidden');
  });
});
