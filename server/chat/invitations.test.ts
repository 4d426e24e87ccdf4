import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InvitationsWidgetPart } from '../../protocol/index.js';
import { ConfigError, validateConfig } from '../config/validate.js';
import { invitationsWidgetPart } from './invitations.js';
import {
  shopOrigin,
  startTestHub,
  stopTestHub,
  testConfig,
  type TestHub,
} from '../testing/harness.js';

const rules = [
  {
    pages: ['/products/*', '/pricing'],
    afterSeconds: 20,
    message: { en: 'Questions about sizes?', ko: '사이즈가 궁금하신가요?' },
    queue: 'sales',
  },
  { pages: ['/help*'], afterSeconds: 5, messageKey: 'invitation.default' },
];

describe('invitations widget part', () => {
  let hub: TestHub;
  before(async () => {
    const config = validateConfig({
      ...testConfig,
      sites: testConfig.sites.map((site) =>
        site.key === 'shop'
          ? {
              ...site,
              queues: [
                { id: 'general', name: 'General' },
                { id: 'sales', name: 'Sales' },
              ],
              invitations: { minutesBetween: 10, rules },
            }
          : site,
      ),
    });
    hub = await startTestHub({ config });
  });
  after(() => stopTestHub(hub));

  const widget = async (siteKey: string) => {
    const response = await fetch(`${hub.url}/api/v1/sites/${siteKey}/widget`, {
      headers: { origin: siteKey === 'shop' ? shopOrigin : 'https://other.example' },
    });
    assert.equal(response.status, 200);
    return (await response.json()) as { invitations?: InvitationsWidgetPart };
  };

  it("publishes the site's rules and the visitor limit", async () => {
    const { invitations } = await widget('shop');
    assert.deepEqual(invitations, { minutesBetween: 10, rules });
  });

  it('leaves the part out for a site without rules', async () => {
    assert.equal((await widget('other')).invitations, undefined);
  });
});

describe('invitations config', () => {
  const withInvitations = (invitations: unknown, queues?: unknown) => ({
    sites: [{ key: 'shop', name: 'Shop', origins: [], invitations, ...(queues ? { queues } : {}) }],
  });
  const problem = (input: unknown) => {
    try {
      validateConfig(input);
      return null;
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.message;
    }
  };

  it('defaults the limit to 30 minutes between invitations', () => {
    const config = validateConfig(withInvitations({ rules: [{ pages: ['/'], afterSeconds: 1 }] }));
    assert.equal(invitationsWidgetPart(config.sites[0]!)?.minutesBetween, 30);
  });

  it('names the field of a page that is not a path, a bad language and an unknown queue', () => {
    assert.match(
      problem(withInvitations({ rules: [{ pages: ['products/*'], afterSeconds: 1 }] }))!,
      /sites\[0\]\.invitations\.rules\[0\]\.pages\[0\] must be a URL path/,
    );
    assert.match(
      problem(
        withInvitations({ rules: [{ pages: ['/'], afterSeconds: 1, message: { 'en us': 'x' } }] }),
      )!,
      /rules\[0\]\.message has "en us", which is not a language tag/,
    );
    assert.match(
      problem(
        withInvitations({ rules: [{ pages: ['/'], afterSeconds: 1, queue: 'vip' }] }, [
          { id: 'general', name: 'General' },
        ]),
      )!,
      /rules\[0\]\.queue "vip" is not one of the site's queues \(general\)/,
    );
  });

  it('rejects a rule without a time on page, or with a negative one', () => {
    assert.notEqual(problem(withInvitations({ rules: [{ pages: ['/'] }] })), null);
    assert.notEqual(
      problem(withInvitations({ rules: [{ pages: ['/'], afterSeconds: -1 }] })),
      null,
    );
  });
});
