import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  demoOrigin,
  postJson,
  shopOrigin,
  startTestHub,
  stopTestHub,
  testTokenSecret,
  type TestHub,
} from '../testing/harness.js';
import { verifyToken } from './tokens.js';

describe('token routes over HTTP', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub()));
  after(() => stopTestHub(hub));

  it('issues a one-year visitor token for the site, valid only there', async () => {
    const { status, body, headers } = await postJson(
      `${hub.url}/api/v1/visitors`,
      { siteKey: 'shop' },
      shopOrigin,
    );
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), shopOrigin);
    const payload = verifyToken(testTokenSecret, body.token, 'shop');
    assert.equal(payload.sub, body.visitorId);
    assert.equal(payload.role, 'visitor');
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 364 && days <= 365, `expires in ${days} days`);
  });

  it('issues the demo agent a one-hour token on demo sites only', async () => {
    const { status, body } = await postJson(
      `${hub.url}/api/v1/demo/agent-token`,
      { siteKey: 'demo' },
      demoOrigin,
    );
    assert.equal(status, 200);
    assert.equal(body.agentId, 'demo-agent');
    assert.equal(body.name, 'Demo Agent');
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    assert.ok(minutes > 59 && minutes <= 60);
    const refused = await postJson(
      `${hub.url}/api/v1/demo/agent-token`,
      { siteKey: 'shop' },
      shopOrigin,
    );
    assert.equal(refused.status, 404);
    assert.equal(refused.body.code, 'site.unknown');
  });

  it('answers 404 site.unknown for an unknown site', async () => {
    const { status, body } = await postJson(`${hub.url}/api/v1/visitors`, { siteKey: 'nope' });
    assert.equal(status, 404);
    assert.equal(body.code, 'site.unknown');
    assert.equal(typeof body.message, 'string');
  });

  it('answers 403 origin.forbidden for a foreign or missing Origin, and sends no CORS grant', async () => {
    const foreign = await postJson(
      `${hub.url}/api/v1/visitors`,
      { siteKey: 'shop' },
      'https://evil.example',
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.code, 'origin.forbidden');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    // Loopback is fine for demo sites, not for the others.
    const loopback = await postJson(`${hub.url}/api/v1/visitors`, { siteKey: 'shop' }, demoOrigin);
    assert.equal(loopback.status, 403);
    const missing = await postJson(`${hub.url}/api/v1/visitors`, { siteKey: 'demo' }, null);
    assert.equal(missing.status, 403);
    assert.equal(missing.body.code, 'origin.forbidden');
  });

  it('answers 400 for a bad body', async () => {
    for (const body of [{}, { siteKey: 5 }, { siteKey: 'demo', extra: 1 }, '{"siteKey":']) {
      const answer = await postJson(`${hub.url}/api/v1/visitors`, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.code, /^protocol\.invalid_(message|json)$/);
    }
  });

  it('answers the CORS preflight for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${hub.url}/api/v1/visitors`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    assert.equal(
      (await preflight(shopOrigin)).headers.get('access-control-allow-origin'),
      shopOrigin,
    );
    assert.equal(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
      null,
    );
  });

  it('reports health and its storage', async () => {
    const response = await fetch(`${hub.url}/healthz`);
    assert.deepEqual(await response.json(), { ok: true, storage: 'pglite' });
  });

  it('rate-limits the token routes with rate.limited', async () => {
    let last = { status: 0, body: {} as Record<string, unknown> };
    for (let i = 0; i < 61 && last.status !== 429; i++) {
      last = await postJson(`${hub.url}/api/v1/demo/agent-token`, { siteKey: 'demo' });
    }
    assert.equal(last.status, 429);
    assert.equal(last.body.code, 'rate.limited');
    // The WebSocket upgrade is not limited by it.
    const health = await fetch(`${hub.url}/healthz`);
    assert.equal(health.status, 200);
  });
});
