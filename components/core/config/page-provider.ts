import { ContextProvider, ContextRoot } from '@lit/context';
import { cxSettingsContext, type CxSettings } from './settings.js';

/**
 * The settings are provided on `document.body`, not on `<cx-config>`, so a widget placed
 * anywhere on the page (before, after or outside cx-config) finds them. A ContextRoot on
 * `<html>` holds requests made before any provider exists and replays them once one does.
 * Both live in a global slot so a second copy of cxkit on the page reuses them.
 */
interface PageContext {
  root: ContextRoot;
  provider?: ContextProvider<typeof cxSettingsContext>;
}

const slot = Symbol.for('cxkit.page-context');
type GlobalWithSlot = typeof globalThis & { [slot]?: PageContext };

function pageContext(): PageContext {
  const g = globalThis as GlobalWithSlot;
  if (!g[slot]) {
    const root = new ContextRoot();
    root.attach(document.documentElement);
    g[slot] = { root };
  }
  return g[slot];
}

/** Call at module load of every widget, so early requests are kept for a late provider. */
export function ensureContextRoot(): void {
  pageContext();
}

/** Publishes settings to every widget on the page. */
export function providePageSettings(settings: CxSettings): void {
  const page = pageContext();
  if (page.provider) {
    page.provider.setValue(settings);
    return;
  }
  page.provider = new ContextProvider(document.body, {
    context: cxSettingsContext,
    initialValue: settings,
  });
  // document.body is not a ReactiveElement, so announce the provider by hand.
  page.provider.hostConnected();
}
