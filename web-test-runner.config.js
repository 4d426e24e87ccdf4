// Browser tests of the components' SOURCE (TypeScript through esbuild) in real Chromium,
// plus a real hub for the hub-client tests. Run with:
//   node --import tsx node_modules/@web/test-runner/dist/bin.js
import { chromiumFlags, chromiumPath } from './scripts/chromium.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

let hub;
let dataDir;

/** Starts the real hub (demo site, fresh PGlite directory) for the test run. */
const hubPlugin = {
  name: 'cxkit-test-hub',
  async serverStart() {
    const { startHub } = await import('./server/hub.ts');
    dataDir = await mkdtemp(join(tmpdir(), 'cxkit-wtr-'));
    hub = await startHub({
      config: {
        sites: [
          {
            key: 'demo',
            name: 'Test',
            origins: [],
            demo: true,
            // Signs the demo customers' identity tokens (`/api/v1/demo/identity-token`).
            identitySecret: 'browser-tests-identity-secret-0123456789',
          },
        ],
      },
      port: 0,
      dataDir,
    });
  },
  async serverStop() {
    await hub?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  },
};

/**
 * `executeServerCommand('notifications', 'granted' | 'denied' | 'default')`: the answer the
 * test page's browser gives about notifications, as if the user had chosen it.
 */
const notificationsPermission = {
  name: 'cxkit-notifications-permission',
  async executeCommand({ command, payload, session }) {
    if (command !== 'notifications') return undefined;
    const page = session.browser.getPage(session.id);
    const context = page.browserContext();
    if (payload === 'default') await context.clearPermissionOverrides();
    else
      await context.overridePermissions(
        new URL(page.url()).origin,
        payload === 'granted' ? ['notifications'] : [],
      );
    return true;
  },
};

export default {
  files: ['components/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    hubPlugin,
    notificationsPermission,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumFlags },
    }),
  ],
  // The hub's URL reaches the tests as a global set before the test module runs.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>globalThis.__CX_TEST_HUB__ = ${JSON.stringify(hub?.url ?? '')};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
