import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir, removeDir } from '../testing/data-dirs.js';
import { ConfigError, loadConfig, loadEnv, validateConfig } from './index.js';
import { originMatches } from './origin-pattern.js';

const secret = 's'.repeat(32);
const good = () => ({
  sites: [
    { key: 'demo', name: 'Demo Store', origins: [], demo: true },
    {
      key: 'shop',
      name: 'Shop',
      origins: ['https://shop.example', 'http://localhost:*', 'http://[::1]:8080'],
      agentSecret: secret,
    },
  ],
  tokenSecret: secret,
});

// The mutations build invalid shapes on purpose, which no precise type allows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rejects(mutate: (config: any) => void, expected: string) {
  const config = good();
  mutate(config);
  assert.throws(
    () => validateConfig(config),
    (error: unknown) =>
      error instanceof ConfigError && error.message === `config error: ${expected}`,
  );
}

describe('validateConfig', () => {
  it('accepts a good config and defaults demo to false', () => {
    const config = validateConfig(good());
    assert.equal(config.sites.length, 2);
    assert.equal(config.sites[1]!.demo, false);
    assert.equal(config.tokenSecret, secret);
  });

  it('names a bad origin with its index and value', () => {
    rejects(
      (c) => (c.sites[1].origins[1] = 'foo'),
      'sites[1].origins[1] must be an origin like https://shop.example (got "foo")',
    );
    for (const bad of [
      'https://shop.example/',
      'https://shop.example/path',
      'ftp://x.example',
      'https://*.example',
      'https://Shop.example',
      'http://x.example:80',
    ]) {
      rejects(
        (c) => (c.sites[1].origins[0] = bad),
        `sites[1].origins[0] must be an origin like https://shop.example (got ${JSON.stringify(bad)})`,
      );
    }
  });

  it('names missing, unknown and mistyped fields', () => {
    rejects((c) => delete c.sites[0].name, 'sites[0].name is required');
    rejects((c) => delete c.sites, 'sites is required');
    rejects((c) => (c.sites[0].colour = 'red'), 'sites[0].colour is not a known field');
    rejects((c) => (c.extra = 1), 'extra is not a known field');
    rejects((c) => (c.sites[0].demo = 'yes'), 'sites[0].demo must be a boolean (got "yes")');
    rejects(
      (c) => (c.sites[0].origins = 'https://a.example'),
      'sites[0].origins must be an array (got "https://a.example")',
    );
    rejects((c) => (c.sites = []), 'sites must list at least one site');
    rejects((c) => (c.sites[0].name = ''), 'sites[0].name must not be empty');
  });

  it('rejects bad keys, duplicate keys and short secrets', () => {
    rejects(
      (c) => (c.sites[0].key = 'Demo Store'),
      'sites[0].key must be lowercase letters, digits, "-" or "_" (got "Demo Store")',
    );
    rejects((c) => (c.sites[1].key = 'demo'), 'sites[1].key "demo" is used by another site');
    rejects((c) => (c.tokenSecret = 'short'), 'tokenSecret must be at least 32 characters long');
    rejects(
      (c) => (c.sites[1].agentSecret = 'short'),
      'sites[1].agentSecret must be at least 32 characters long',
    );
  });
});

describe('origin patterns', () => {
  it('matches exact origins and port wildcards only', () => {
    assert.ok(originMatches('https://shop.example', 'https://shop.example'));
    assert.ok(!originMatches('https://shop.example', 'https://shop.example.evil.com'));
    assert.ok(!originMatches('https://shop.example', 'http://shop.example'));
    assert.ok(originMatches('http://localhost:*', 'http://localhost:5173'));
    assert.ok(originMatches('http://localhost:*', 'http://localhost'));
    assert.ok(!originMatches('http://localhost:*', 'http://localhost.evil.com:5173'));
    assert.ok(!originMatches('http://localhost:*', 'https://localhost:5173'));
    assert.ok(originMatches('http://[::1]:*', 'http://[::1]:8080'));
  });
});

describe('loadConfig and loadEnv', () => {
  it('loads the repo config and reports unreadable or invalid files', async () => {
    assert.equal(loadConfig('cxkit.config.json').sites[0]!.key, 'demo');
    const dir = await makeTempDir();
    try {
      await writeFile(join(dir, 'bad.json'), '{ "sites": [ }');
      assert.throws(
        () => loadConfig(join(dir, 'bad.json')),
        /config error: .*bad\.json is not valid JSON/,
      );
      assert.throws(
        () => loadConfig(join(dir, 'missing.json')),
        /config error: cannot read .*missing\.json/,
      );
    } finally {
      await removeDir(dir);
    }
  });

  it('reads the environment with safe defaults', () => {
    assert.deepEqual(loadEnv({}), { port: 8080, host: 'localhost', dataDir: '.cxkit-data' });
    assert.equal(
      loadEnv({ PORT: '0', DATABASE_URL: 'postgres://x/y' }).databaseUrl,
      'postgres://x/y',
    );
    assert.throws(() => loadEnv({ PORT: 'eighty' }), /config error: PORT must be a port number/);
    assert.throws(
      () => loadEnv({ DATABASE_URL: 'mysql://x' }),
      /config error: DATABASE_URL must start with postgres/,
    );
  });
});
