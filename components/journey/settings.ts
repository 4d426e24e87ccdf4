import { ContextEvent } from '@lit/context';
import { cxSettingsContext, type CxSettings } from '../core/config/settings.js';

/** The part of `<cx-config>`'s settings the recorder uses. */
export type JourneySettings = Pick<CxSettings, 'hub' | 'siteKey' | 'identityToken'>;

/**
 * Asks the page's `<cx-config>` for its settings with the context protocol the Lit widgets
 * use, without Lit: `onChange` runs when the provider answers and on every change. A
 * provider that appears later announces itself with `context-provider`; then we ask again.
 */
export function watchSettings(host: Element, onChange: (settings: CxSettings) => void): void {
  const callback = (settings?: CxSettings) => settings && onChange(settings);
  const request = () =>
    host.dispatchEvent(new ContextEvent(cxSettingsContext, host, callback, true));
  document.addEventListener(
    'context-provider',
    (event) => (event as ContextEvent<never>).context === cxSettingsContext && request(),
  );
  request();
}
