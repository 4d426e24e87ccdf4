import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../config/index.js';
import { deskSettings } from './settings.js';

const withSite = (site: Record<string, unknown>) => ({
  sites: [{ key: 'demo', name: 'Demo', origins: [], demo: true, ...site }],
});

const rejects = (site: Record<string, unknown>, message: string) =>
  assert.throws(() => validateConfig(withSite(site)), { message: `config error: ${message}` });

describe('desk settings in the config', () => {
  it('defaults maxChatsPerAgent to 3 and cannedResponses to none', () => {
    const settingsOf = deskSettings(validateConfig(withSite({})));
    assert.deepEqual(settingsOf('demo'), {
      maxChatsPerAgent: 3,
      cannedResponses: [],
      queues: [{ id: 'general', name: 'General' }],
      emailsAnswers: false,
    });
  });

  it('takes a site limit and canned responses', () => {
    const canned = [{ shortcut: '/안녕', text: '안녕하세요!' }];
    const config = validateConfig(withSite({ maxChatsPerAgent: 5, cannedResponses: canned }));
    assert.deepEqual(deskSettings(config)('demo'), {
      maxChatsPerAgent: 5,
      cannedResponses: canned,
      queues: [{ id: 'general', name: 'General' }],
      emailsAnswers: false,
    });
    const withEmail = { ...config, email: { smtp: { host: 'mail.test' }, from: 'a@shop.test' } };
    assert.equal(deskSettings(withEmail)('demo').emailsAnswers, true, 'a hub with email');
  });

  it('names the bad field', () => {
    rejects({ maxChatsPerAgent: 0 }, 'sites[0].maxChatsPerAgent must be >= 1');
    rejects({ maxChatsPerAgent: '3' }, 'sites[0].maxChatsPerAgent must be an integer (got "3")');
    rejects(
      { cannedResponses: [{ shortcut: '/hi' }] },
      'sites[0].cannedResponses[0].text is required',
    );
    rejects(
      { cannedResponses: [{ shortcut: 'hi', text: 'Hi' }] },
      'sites[0].cannedResponses[0].shortcut must be "/" then letters, digits, "-" or "_" (got "hi")',
    );
    rejects(
      {
        cannedResponses: [
          { shortcut: '/hi', text: 'Hi' },
          { shortcut: '/hi', text: 'Hello' },
        ],
      },
      'sites[0].cannedResponses[1].shortcut "/hi" is used twice',
    );
    rejects(
      { cannedResponses: [{ shortcut: '/hi', text: 'Hi {{customer.nmae}}' }] },
      'sites[0].cannedResponses[0].text has {{customer.nmae}}, which is not one of {{customer.name}}, {{customer.firstName}}, {{agent.name}}, {{agent.firstName}}',
    );
  });
});
