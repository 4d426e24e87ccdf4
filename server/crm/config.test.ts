import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, validateConfig } from '../config/index.js';
import type { CrmSourceConfig } from '../config/types.js';
import { crmConfigProblem, customerUrl } from './config.js';

const crm = (): Record<string, unknown> => ({
  url: 'https://crm.example/api/customers/{customerId}?expand=orders',
  headers: { 'x-api-key': 'k' },
  timeoutMs: 1500,
  cacheSeconds: 60,
  mapping: { name: 'profile.fullName', order: { id: 'no' } },
});

// The mutations build invalid shapes on purpose, which no precise type allows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rejects(mutate: (crm: any) => void, expected: string) {
  const block = crm();
  mutate(block);
  const config = { sites: [{ key: 'shop', name: 'Shop', origins: [], crm: block }] };
  assert.throws(
    () => validateConfig(config),
    (error: unknown) =>
      error instanceof ConfigError && error.message === `config error: ${expected}`,
  );
}

describe('the crm block of a site', () => {
  it('is optional and passes through validation as given', () => {
    const config = validateConfig({
      sites: [{ key: 'shop', name: 'Shop', origins: [], crm: crm() }],
    });
    assert.deepEqual(config.sites[0]!.crm, crm());
    assert.equal(
      validateConfig({ sites: [{ key: 'a', name: 'A', origins: [] }] }).sites[0]!.crm,
      undefined,
    );
  });

  it('names missing, unknown and mistyped fields', () => {
    rejects((c) => delete c.url, 'sites[0].crm.url is required');
    rejects((c) => delete c.mapping, 'sites[0].crm.mapping is required');
    rejects(
      (c) => (c.mapping.fullName = 'x'),
      'sites[0].crm.mapping.fullName is not a known field',
    );
    rejects(
      (c) => (c.mapping.order.sku = 'x'),
      'sites[0].crm.mapping.order.sku is not a known field',
    );
    rejects((c) => (c.mapping.name = ''), 'sites[0].crm.mapping.name must not be empty');
    rejects((c) => (c.mapping.tier = 3), 'sites[0].crm.mapping.tier must be a string (got 3)');
    rejects(
      (c) => (c.headers['x-api-key'] = 1),
      'sites[0].crm.headers.x-api-key must be a string (got 1)',
    );
    rejects((c) => (c.timeoutMs = '1500'), 'sites[0].crm.timeoutMs must be a number (got "1500")');
    rejects((c) => (c.timeoutMs = 20000), 'sites[0].crm.timeoutMs must be <= 10000');
    rejects((c) => (c.cacheSeconds = -1), 'sites[0].crm.cacheSeconds must be >= 0');
  });

  it('names a URL template that is not http(s) or lacks {customerId}', () => {
    const problem = (url: string) =>
      crmConfigProblem({ ...(crm() as unknown as CrmSourceConfig), url }, 'sites[2].crm');
    assert.equal(problem('https://crm.example/c/{customerId}'), undefined);
    assert.equal(problem('http://localhost:8081/api/customers/{customerId}'), undefined);
    for (const bad of [
      'crm.example/{customerId}',
      'ftp://crm.example/{customerId}',
      'javascript:{customerId}',
    ]) {
      assert.equal(
        problem(bad),
        `sites[2].crm.url must be an http(s) URL like https://crm.example/api/customers/{customerId} (got ${JSON.stringify(bad)})`,
      );
    }
    assert.equal(
      problem('https://crm.example/customers'),
      'sites[2].crm.url must contain {customerId} where the customer id goes (got "https://crm.example/customers")',
    );
  });

  it('URL-encodes the customer id into the template', () => {
    const url = customerUrl(crm() as unknown as CrmSourceConfig, '../admin?x=1&y=#');
    assert.equal(
      url,
      'https://crm.example/api/customers/..%2Fadmin%3Fx%3D1%26y%3D%23?expand=orders',
    );
  });
});
