import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, validateConfig } from '../config/index.js';
import { emailConfigFromUrl, hubUrlFromEnv } from './config.js';

const site = { key: 'demo', name: 'Demo Store', origins: [], demo: true };
const email = (extra: object) => ({
  smtp: { host: 'smtp.example.com' },
  from: 'Shop <chat@shop.example>',
  ...extra,
});

describe('email config', () => {
  it('reads CXKIT_SMTP_URL, with the sender and TLS', () => {
    assert.deepEqual(
      emailConfigFromUrl('smtps://chat:p%40ss@mail.example?from=Shop%20<c@s.example>'),
      {
        smtp: {
          host: 'mail.example',
          port: 465,
          secure: true,
          auth: { user: 'chat', pass: 'p@ss' },
        },
        from: 'Shop <c@s.example>',
      },
    );
    assert.throws(() => emailConfigFromUrl('http://mail.example'), /smtp:\/\//);
  });

  it('takes the hub address for the links in emails, from the file or CXKIT_HUB_URL', () => {
    const config = validateConfig({
      sites: [site],
      email: email({ hubUrl: 'https://chat.shop.example' }),
    });
    assert.equal(config.email?.hubUrl, 'https://chat.shop.example');
    assert.equal(hubUrlFromEnv('http://localhost:8080/hub'), 'http://localhost:8080/hub');
    assert.equal(hubUrlFromEnv(undefined), undefined);
    for (const bad of ['chat.shop.example', 'https://chat.shop.example?x=1', 'ftp://x'])
      assert.throws(() => hubUrlFromEnv(bad), /CXKIT_HUB_URL must be/, bad);
    assert.throws(
      () => validateConfig({ sites: [site], email: email({ hubUrl: 'javascript:alert(1)' }) }),
      (error: unknown) => error instanceof ConfigError && /hubUrl/.test(error.message),
    );
  });
});
