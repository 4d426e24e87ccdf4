import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConfigController } from '../config/config-controller.js';
import { translate } from './catalogs.js';
import type { MessageKey } from './en.js';

type Host = ReactiveControllerHost & HTMLElement;

// One observer of <html lang> for every localized widget on the page.
const hosts = new Set<Host>();
let langObserver: MutationObserver | undefined;

function watchPageLang(host: Host): void {
  hosts.add(host);
  if (langObserver) return;
  langObserver = new MutationObserver(() => hosts.forEach((each) => each.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * Localizes a widget: the locale is `<cx-config locale>`, else `<html lang>`, else English,
 * and the widget re-renders when either changes. Only the launchers' strings are there from
 * the start; import `builtin-catalogs.js` with the UI that needs the rest. Dates and numbers:
 * intl-format.ts.
 */
export class LocalizeController implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly config: ConfigController,
  ) {
    host.addController(this);
  }

  get locale(): string {
    return this.config.settings?.locale || document.documentElement.lang || 'en';
  }

  hostConnected(): void {
    watchPageLang(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  t(key: MessageKey, values?: Record<string, string | number>): string {
    return translate(this.locale, key, values);
  }
}
