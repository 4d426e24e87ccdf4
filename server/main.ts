import { fileURLToPath } from 'node:url';
import { startDemoCrm } from '../demo/crm/legacy-crm.js';
import { withDemoMailbox } from '../demo/mailbox/demo-email.js';
import { demoPaymentsRoute } from '../demo/payments/payments-route.js';
import { ConfigError, loadConfig, loadEnv, type HubConfig } from './config/index.js';
import { emailConfigFromUrl, hubUrlFromEnv } from './email/index.js';
import { startHub } from './hub.js';
import { DirLockedError } from './storage/index.js';

/**
 * `npm start` / `npm run hub`: the hub with the demo pages, until Ctrl-C or SIGTERM.
 * `--demo` (what `npm start` passes) also runs the demo's legacy CRM on 127.0.0.1:8081 and,
 * unless email is configured, a mailbox for the hub's mail at /demo/mailbox.
 */
async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const env = loadEnv();
  let config = withEnvEmail(loadConfig());
  const crm = demo ? await startDemoCrmIfFree() : null;
  // The demo's emails link back to the hub where the demo runs.
  const mail = demo ? await withDemoMailbox(config, `http://localhost:${env.port}`) : null;
  if (mail) config = mail.config;
  const hub = await startHub({
    config,
    extraRoutes: [...demoSiteRoutes(config), ...(mail?.routes ?? [])],
    port: env.port,
    host: env.host,
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    staticRoot: fileURLToPath(new URL('..', import.meta.url)),
    logger: true,
  });
  console.log(`cxkit hub ready (storage: ${hub.storage}${env.redisUrl ? ', fan-out: Redis' : ''})`);
  console.log(`  storefront  ${hub.url}/`);
  console.log(`  agent desk  ${hub.url}/agent/`);
  if (crm) console.log(`  legacy CRM  ${crm.url}/api/customers/demo-customer-1 (demo)`);
  if (mail?.mailbox) console.log(`  mailbox     ${hub.url}/demo/mailbox (demo SMTP)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    Promise.all([hub.close(), crm?.close(), mail?.mailbox?.close()]).then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** `CXKIT_SMTP_URL` stands in for the config file's `email`, `CXKIT_HUB_URL` for its `hubUrl`. */
function withEnvEmail(config: HubConfig): HubConfig {
  try {
    const email = emailConfigFromUrl(process.env.CXKIT_SMTP_URL) ?? config.email;
    const hubUrl = hubUrlFromEnv(process.env.CXKIT_HUB_URL);
    if (!email) return config;
    return { ...config, email: hubUrl ? { ...email, hubUrl } : email };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** A demo site's storefront calls a payment service (that fails on purpose). */
function demoSiteRoutes(config: HubConfig) {
  return config.sites.some((site) => site.demo) ? [demoPaymentsRoute] : [];
}

/** The demo works without the CRM (the card then says "CRM unavailable"), so a busy port only warns. */
async function startDemoCrmIfFree() {
  try {
    return await startDemoCrm();
  } catch (error) {
    console.warn(`legacy CRM demo not started: ${(error as Error).message}`);
    return null;
  }
}

main().catch((error) => {
  const expected = error instanceof ConfigError || error instanceof DirLockedError;
  console.error(expected ? error.message : error);
  process.exit(1);
});
