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
 * and the widget re-renders when either changes.
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

  /** A clock time such as "10:42" or "오전 10:42". */
  time(iso: string): string {
    return new Intl.DateTimeFormat(this.intlLocale(), {
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  /** A short duration such as "45 sec" or "3분". */
  duration(ms: number): string {
    const seconds = Math.max(0, Math.round(ms / 1000));
    const [value, unit] = seconds < 60 ? [seconds, 'second'] : [Math.floor(seconds / 60), 'minute'];
    return new Intl.NumberFormat(this.intlLocale(), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
    }).format(value);
  }

  /** A page's `lang` may be anything; Intl throws on a malformed tag. */
  private intlLocale(): string {
    try {
      return Intl.getCanonicalLocales(this.locale)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }
}
