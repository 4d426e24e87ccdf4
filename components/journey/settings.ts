import { ContextEvent } from '@lit/context';
import { cxSettingsContext, type CxSettings } from '../core/config/settings.js';

/** The part of `<cx-config>`'s settings the recorder uses. */
export type JourneySettings = Pick<CxSettings, 'hub' | 'siteKey' | 'identityToken'> &
  Partial<Pick<CxSettings, 'visitorSession'>>;

/**
 * Asks the page's `<cx-config>` for its settings with the context protocol the Lit widgets
 * use, without Lit: `onChange` runs when the provider answers and on every change. A
 * provider that appears later announces itself with `context-provider`; then we ask again.
 * A page that loads only the recorder has no provider (nothing upgrades `<cx-config>`):
 * then the element's attributes are read, and watched, directly.
 */
export function watchSettings(host: Element, onChange: (settings: JourneySettings) => void): void {
  let answered = false;
  const callback = (settings?: CxSettings) => {
    if (!settings) return;
    answered = true;
    onChange(settings);
  };
  const request = () =>
    host.dispatchEvent(new ContextEvent(cxSettingsContext, host, callback, true));
  document.addEventListener(
    'context-provider',
    (event) => (event as ContextEvent<never>).context === cxSettingsContext && request(),
  );
  request();
  const config = document.querySelector('cx-config');
  // Off the eager path: only pages that load nothing but the recorder need it.
  if (!answered && config) {
    void import('./settings-from-attributes.js').then(({ watchAttributes }) =>
      watchAttributes(config, (settings) => answered || onChange(settings)),
    );
  }
}
