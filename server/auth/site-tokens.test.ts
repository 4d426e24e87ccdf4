import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import {
  shopAgentSecret,
  shopOrigin,
  signedIn,
  startTestHub,
  stopTestHub,
  WsClient,
  type TestHub,
} from '../testing/harness.js';
import { verifySiteToken } from './site-tokens.js';
import { signToken, type TokenPayload } from './tokens.js';

const hubSecret = 'h'.repeat(32);
const crmSecret = 'c'.repeat(32);
const site: SiteConfig = {
  key: 'shop',
  name: 'Shop',
  origins: ['https://shop.example'],
  demo: false,
  agentSecret: crmSecret,
};
const now = Date.UTC(2026, 10, 22, 12);
const inMinutes = (minutes: number) => Math.floor(now / 1000) + minutes * 60;
const agent: TokenPayload = {
  sub: 'a7',
  site: 'shop',
  role: 'agent',
  name: 'Mina',
  exp: inMinutes(30),
};

function rejected(token: string, message: RegExp, siteConfig = site) {
  assert.throws(
    () => verifySiteToken(hubSecret, siteConfig, token, now),
    (error: unknown) =>
      error instanceof HubError &&
      error.code === 'auth.invalid_token' &&
      message.test(error.message),
  );
}

describe('site tokens', () => {
  it('accepts tokens the hub signed and agent tokens the CRM signed with the site secret', () => {
    const visitor: TokenPayload = { sub: 'v1', site: 'shop', role: 'visitor', exp: inMinutes(60) };
    assert.deepEqual(verifySiteToken(hubSecret, site, signToken(hubSecret, visitor), now), visitor);
    assert.deepEqual(verifySiteToken(hubSecret, site, signToken(crmSecret, agent), now), agent);
  });

  it('lets the CRM secret sign neither visitor tokens nor long-lived agent tokens', () => {
    rejected(signToken(crmSecret, { ...agent, role: 'visitor' }), /agent tokens only/);
    rejected(signToken(crmSecret, { ...agent, exp: inMinutes(120) }), /one hour at most/);
  });

  it('refuses a CRM-signed token on a site without an agent secret, and one for another site', () => {
    rejected(signToken(crmSecret, agent), /signature/, { ...site, agentSecret: undefined });
    rejected(signToken(crmSecret, { ...agent, site: 'other' }), /another site/);
  });
});

describe('CRM-minted agent tokens over the WebSocket', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub()));
  after(() => stopTestHub(hub));

  it('signs in an agent whose token the CRM minted', async () => {
    const token = signToken(shopAgentSecret, {
      sub: 'crm-agent-1',
      site: 'shop',
      role: 'agent',
      name: 'Mina',
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const client = await signedIn(hub, token, 'shop', shopOrigin);
    try {
      const snapshot = await client.ok('desk.snapshot');
      assert.deepEqual(snapshot.conversations, []);
    } finally {
      client.close();
    }
  });

  it('closes the socket with 4401 when the CRM signs a visitor token', async () => {
    const client = await WsClient.connect(hub.url, 'shop', shopOrigin);
    const token = signToken(shopAgentSecret, {
      sub: 'v',
      site: 'shop',
      role: 'visitor',
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const answer = await client.command('hello', { token });
    assert.equal(answer.type, 'error');
    assert.equal(answer.code, 'auth.invalid_token');
    assert.equal((await client.closed).code, 4401);
  });
});
