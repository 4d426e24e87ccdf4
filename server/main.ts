import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, loadEnv } from './config/index.js';
import { startHub } from './hub.js';
import { DirLockedError } from './storage/index.js';

/** `npm start` / `npm run hub`: the hub with the demo pages, until Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const env = loadEnv();
  const hub = await startHub({
    config,
    port: env.port,
    host: env.host,
    dataDir: env.dataDir,
    databaseUrl: env.databaseUrl,
    staticRoot: fileURLToPath(new URL('..', import.meta.url)),
    logger: true,
  });
  console.log(`cxkit hub ready (storage: ${hub.storage})`);
  console.log(`  storefront  ${hub.url}/`);
  console.log(`  agent desk  ${hub.url}/agent/`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    hub.close().then(
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

main().catch((error) => {
  const expected = error instanceof ConfigError || error instanceof DirLockedError;
  console.error(expected ? error.message : error);
  process.exit(1);
});
