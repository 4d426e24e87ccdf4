import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { ensureContextRoot } from './page-provider.js';
import { cxSettingsContext, type CxSettings } from './settings.js';

type Host = ReactiveControllerHost & HTMLElement;
type Listener = (settings: CxSettings | undefined) => void;

/**
 * Gives a widget the page's `<cx-config>` settings, re-renders it when they change,
 * and reflects the theme as `data-cx-theme` on the host so its styles can follow.
 * Other controllers (hub, localization) listen to it instead of consuming the context again.
 */
export class ConfigController {
  settings: CxSettings | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly host: Host) {
    ensureContextRoot();
    new ContextConsumer(host, {
      context: cxSettingsContext,
      subscribe: true,
      callback: (settings) => this.apply(settings),
    });
  }

  /** Calls `listener` now and after every change of the settings. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.settings);
    return () => this.listeners.delete(listener);
  }

  private apply(settings: CxSettings | undefined): void {
    this.settings = settings;
    if (settings?.theme) this.host.dataset.cxTheme = settings.theme;
    else delete this.host.dataset.cxTheme;
    for (const listener of this.listeners) listener(settings);
    this.host.requestUpdate();
  }
}
