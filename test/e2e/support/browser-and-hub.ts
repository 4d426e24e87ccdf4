/**
 * The fixture most end-to-end files share: Chromium and a real hub process on a fresh data
 * directory, started before the file's tests and stopped after them.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { makeDataDir, startHubProcess, writeDemoConfig, type HubProcess } from './hub-process.js';

export interface BrowserAndHub {
  browser: Browser;
  /** Replace it to restart the hub; the one set last is stopped after the tests. */
  hub: HubProcess;
  /** The hub's data directory, to restart it on the same data. */
  dataDir: string;
}

/**
 * Registers the hooks and returns the fixture, filled in once `before` has run.
 * `siteChanges` are merged into the repo's demo site for this file's hub.
 */
export function useBrowserAndHub(siteChanges?: Record<string, unknown>): BrowserAndHub {
  const scratch = makeDataDir();
  const fixture = { dataDir: `${scratch.path}/data` } as BrowserAndHub;
  before(async () => {
    fixture.browser = await launchChromium();
    const env = siteChanges
      ? { CXKIT_CONFIG: writeDemoConfig(scratch.path, siteChanges) }
      : ({} as Record<string, string>);
    fixture.hub = await startHubProcess(fixture.dataDir, 0, env);
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.hub?.stop();
    scratch.remove();
  });
  return fixture;
}
