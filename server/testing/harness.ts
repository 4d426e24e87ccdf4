import type { AgentTokenResponse, VisitorTokenResponse } from '../../protocol/index.js';
import { signToken, type TokenPayload } from '../auth/index.js';
import type { HubConfig, SiteConfig } from '../config/index.js';
import { startHub, type HubOptions, type RunningHub } from '../hub.js';
import { freshDataDir, makeTempDir, removeDir } from './data-dirs.js';
import { WsClient } from './ws-client.js';

export { WsClient } from './ws-client.js';
export { freshDataDir, makeTempDir, removeDir } from './data-dirs.js';

export const shopOrigin = 'https://shop.example';
export const demoOrigin = 'http://localhost:5173';

/** Known to the tests so they can mint tokens the HTTP API does not hand out (other agents, expired). */
export const testTokenSecret = 'test-secret-test-secret-test-secret-0123';
/** The `shop` site's CRM secret, with which its CRM backend mints agent tokens. */
export const shopAgentSecret = 'shop-crm-secret-shop-crm-secret-0123456';

/** The sites' identity secret, with which a storefront's backend signs customer identity tokens. */
export const testIdentitySecret = 'shop-identity-secret-shop-identity-0123';

/** A demo site, a production-like site and a second one to test cross-site tokens. */
export const testConfig: HubConfig = {
  tokenSecret: testTokenSecret,
  sites: [
    {
      key: 'demo',
      name: 'Demo Store',
      origins: [],
      demo: true,
      identitySecret: testIdentitySecret,
      journey: { interestRules: [{ sku: 'X200', views: 3, suggest: 'Offer 10% on the X200' }] },
    },
    {
      key: 'shop',
      name: 'Shop',
      origins: [shopOrigin],
      demo: false,
      agentSecret: shopAgentSecret,
    },
    { key: 'other', name: 'Other', origins: ['https://other.example'], demo: true },
  ],
};

export interface TestHub extends RunningHub {
  dataDir: string;
}

/** A hub on a random port: PGlite in a fresh copy of the template, or PostgreSQL when databaseUrl is given. */
export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dataDir =
    options.dataDir ?? (options.databaseUrl ? await makeTempDir() : await freshDataDir());
  const hub = await startHub({ config: testConfig, port: 0, ...options, dataDir });
  return { ...hub, dataDir };
}

export async function stopTestHub(hub: TestHub, { keepData = false } = {}): Promise<void> {
  await hub.close();
  if (!keepData) await removeDir(hub.dataDir);
}

export async function postJson(url: string, body: unknown, origin: string | null = demoOrigin) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export async function visitorToken(hub: RunningHub, siteKey = 'demo', origin = demoOrigin) {
  const { status, body } = await postJson(`${hub.url}/api/v1/visitors`, { siteKey }, origin);
  if (status !== 200) throw new Error(`visitor token: ${status} ${JSON.stringify(body)}`);
  return body as VisitorTokenResponse;
}

export async function agentToken(
  hub: Pick<RunningHub, 'url'>,
  siteKey = 'demo',
  origin = demoOrigin,
) {
  const { status, body } = await postJson(
    `${hub.url}/api/v1/demo/agent-token`,
    { siteKey },
    origin,
  );
  if (status !== 200) throw new Error(`agent token: ${status} ${JSON.stringify(body)}`);
  return body as AgentTokenResponse;
}

/** A socket that has said hello with the given token. */
export async function signedIn(
  hub: Pick<RunningHub, 'url'>,
  token: string,
  siteKey = 'demo',
  origin = demoOrigin,
) {
  const client = await WsClient.connect(hub.url, siteKey, origin);
  await client.ok('hello', { token });
  return client;
}

/** A visitor (fresh token) and a demo agent, both signed in on the demo site. */
export async function visitorAndAgent(hub: RunningHub) {
  const visitor = await visitorToken(hub);
  const agent = await agentToken(hub);
  return {
    visitorId: visitor.visitorId,
    visitor: await signedIn(hub, visitor.token),
    agent: await signedIn(hub, agent.token),
  };
}

/** A token signed with the test hub's secret; defaults to an agent of the demo site valid for an hour. */
export function mintToken(payload: Partial<TokenPayload> = {}): string {
  return signToken(testTokenSecret, {
    sub: 'agent-x',
    site: 'demo',
    role: 'agent',
    name: 'Agent X',
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...payload,
  });
}

/** A customer identity token as a storefront's backend signs it (demo site, valid for an hour). */
export function mintIdentityToken(payload: Partial<TokenPayload> = {}): string {
  return signToken(testIdentitySecret, {
    sub: 'customer-1',
    site: 'demo',
    role: 'customer',
    name: 'Ada Lovelace',
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...payload,
  });
}

/**
 * The test config with `count` more demo sites, `<prefix>0`, `<prefix>1`, …, each with
 * `settings`: a suite takes one per test, so the presence, queues and routing of one test
 * never touch another's.
 */
export function configWithSites(
  prefix: string,
  count: number,
  settings: Partial<SiteConfig> = {},
): { config: HubConfig; siteKeys: string[] } {
  const siteKeys = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const sites = siteKeys.map((key) => ({ key, name: key, origins: [], demo: true, ...settings }));
  return { config: { ...testConfig, sites: [...testConfig.sites, ...sites] }, siteKeys };
}
