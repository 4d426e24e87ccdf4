import { ContextEvent } from '@lit/context';
import { ensureContextRoot } from './page-provider.js';
import { cxSettingsContext, type CxSettings } from './settings.js';

/**
 * The page's `<cx-config>` settings for an element that is not a Lit element (the launchers,
 * which must stay small): the same context request that ConfigController makes, without a
 * reactive host. Call when `element` connects; `listener` runs now if settings exist and after
 * every change. Returns the unsubscribe to call when it disconnects.
 */
export function consumePageSettings(
  element: HTMLElement,
  listener: (settings: CxSettings | undefined) => void,
): () => void {
  ensureContextRoot();
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  element.dispatchEvent(
    new ContextEvent(
      cxSettingsContext,
      element,
      (settings, dispose) => {
        // A provider that appears later replays the request: keep only the newest subscription.
        if (dispose !== unsubscribe) unsubscribe?.();
        unsubscribe = dispose;
        if (stopped) dispose?.();
        else listener(settings);
      },
      true,
    ),
  );
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}
