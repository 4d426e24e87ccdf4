import { after, before } from 'node:test';
import { startMailbox, type Mailbox } from '../../../demo/mailbox/mailbox.js';
import type { HubConfig } from '../../config/index.js';
import type { HubOptions } from '../../hub.js';
import { startTestHub, stopTestHub, testConfig, type TestHub } from '../../testing/harness.js';
import { freshPostgresSchema } from '../../testing/postgres.js';

/** The demo site of the tests with a pre-chat form, and email through an in-process SMTP peer. */
export function endOfChatConfig(mailbox: Mailbox | null): HubConfig {
  const [demo, ...others] = testConfig.sites;
  return {
    ...testConfig,
    ...(mailbox
      ? {
          email: {
            smtp: { host: '127.0.0.1', port: mailbox.port },
            from: 'Demo <chat@demo.test>',
            // Where the links in emails point; tests reach the hub at its own address.
            hubUrl: 'https://chat.demo.test',
          },
        }
      : {}),
    sites: [
      {
        ...demo!,
        prechat: {
          greeting: 'Hi! Tell us who you are.',
          fields: {
            name: { required: true },
            email: {},
            topic: { options: [{ label: 'Orders' }, { label: 'Returns', queueId: 'returns' }] },
          },
        },
      },
      ...others,
    ],
  };
}

export const drivers = ['pglite', 'postgres'] as const;
const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/** Why a driver's cases are skipped (PostgreSQL without CXKIT_TEST_DATABASE_URL), or false. */
export const skipReason = (driver: (typeof drivers)[number]) =>
  driver === 'postgres' && !databaseUrl ? 'CXKIT_TEST_DATABASE_URL is not set' : false;

/**
 * Registers before/after hooks running a hub on `driver` with `endOfChatConfig` and a mailbox
 * (unless `withEmail` is false), and any other `hubOptions`; the returned object is filled
 * once they ran.
 */
export function useEndOfChatHub(
  driver: (typeof drivers)[number],
  { withEmail = true, hubOptions = {} as Partial<HubOptions> } = {},
): { hub: TestHub; mailbox: Mailbox } {
  const state = {} as { hub: TestHub; mailbox: Mailbox };
  let dropSchema = async () => {};
  before(async () => {
    if (skipReason(driver)) return;
    const mailbox = withEmail ? await startMailbox() : null;
    if (mailbox) state.mailbox = mailbox;
    const config = endOfChatConfig(mailbox);
    if (driver === 'pglite')
      return void (state.hub = await startTestHub({ ...hubOptions, config }));
    const schema = await freshPostgresSchema(databaseUrl!);
    dropSchema = schema.drop;
    state.hub = await startTestHub({ ...hubOptions, config, databaseUrl: schema.url });
  });
  after(async () => {
    if (skipReason(driver)) return;
    await stopTestHub(state.hub);
    await dropSchema();
    await state.mailbox?.close();
  });
  return state;
}
