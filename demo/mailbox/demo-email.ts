import type { HubConfig } from '../../server/config/index.js';
import { mailboxPage } from './mailbox-page.js';
import { startMailbox, type Mailbox } from './mailbox.js';

/**
 * For `npm start`: when the config sends no email, a mailbox on loopback receives the hub's
 * mail, shown at `/demo/mailbox`; the links in the mails point at `hubUrl` unless the config
 * says otherwise. Returns the config to run with and the page to serve.
 */
export async function withDemoMailbox(
  config: HubConfig,
  hubUrl: string,
): Promise<{
  config: HubConfig;
  mailbox: Mailbox | null;
  routes: Array<ReturnType<typeof mailboxPage>>;
}> {
  if (config.email)
    return {
      config: { ...config, email: { hubUrl, ...config.email } },
      mailbox: null,
      routes: [],
    };
  const mailbox = await startMailbox();
  return {
    config: {
      ...config,
      email: {
        smtp: { host: '127.0.0.1', port: mailbox.port, secure: false },
        from: 'Demo Store <chat@demo.invalid>',
        hubUrl,
      },
    },
    mailbox,
    routes: [mailboxPage(mailbox)],
  };
}
