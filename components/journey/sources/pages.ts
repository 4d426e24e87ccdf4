import { guarded, type Emit } from '../facts.js';
import { pageAddress } from '../urls.js';

export interface PageHooks {
  /** A page was shown: at start, after an SPA navigation (`spa`), or back from the bfcache. */
  arrive(address: string, spa: boolean): void;
  /** The page was hidden or is being left: last chance to send. */
  hide(): void;
}

/**
 * Page views and time on page. An SPA navigation is a `history.pushState`/`replaceState`
 * that changes the URL (not just the fragment), or a `popstate`. `page_leave` is emitted
 * whenever the page stops being visible, with the time it was visible since it was shown.
 * Returns `endStay`: the stay on this page ends now (`page_leave`), and leaving it later
 * records no second one (someone signed out: the next person did not view this page).
 */
export function watchPages(emit: Emit, hooks: PageHooks): () => void {
  let address = pageAddress();
  let shownAt = Date.now();
  let left = false;

  const leave = () => {
    if (left) return;
    left = true;
    emit({ type: 'page_leave', url: address, durationMs: Date.now() - shownAt });
  };
  const show = (spa: boolean, now = false) => {
    address = pageAddress();
    shownAt = Date.now();
    left = false;
    const shown = address;
    // The page as loaded is recorded at once, so a page left within moments still counts.
    if (now) return hooks.arrive(shown, spa);
    // After an SPA navigation, once the current task is done: the app has then set the new
    // title and rendered the product.
    setTimeout(guarded(() => hooks.arrive(shown, spa)));
  };
  const navigated = guarded(() => {
    if (pageAddress() === address) return;
    leave();
    show(true);
  });

  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      navigated();
      return result;
    };
  }
  addEventListener('popstate', navigated);
  addEventListener(
    'pageshow',
    guarded((event: PageTransitionEvent) => event.persisted && show(false)),
  );
  const hidden = guarded(() => {
    leave();
    hooks.hide();
  });
  addEventListener('pagehide', hidden);
  document.addEventListener(
    'visibilitychange',
    guarded(() => {
      if (document.visibilityState === 'hidden') hidden();
      else if (left) {
        // Back to the tab: time on page counts again from now.
        shownAt = Date.now();
        left = false;
      }
    }),
  );
  show(false, true);
  return leave;
}
