import type { JourneySettings } from './settings.js';

/**
 * `<cx-config>`'s settings read from its attributes, and again whenever they change: for a
 * page that loads only the recorder, where no cxkit bundle upgrades `<cx-config>`.
 */
export function watchAttributes(config: Element, onChange: (settings: JourneySettings) => void) {
  const read = () =>
    onChange({
      hub: (config.getAttribute('hub') ?? '').replace(/\/+$/, ''),
      siteKey: config.getAttribute('site-key') ?? '',
      identityToken: config.getAttribute('identity-token') ?? '',
    });
  new MutationObserver(read).observe(config, { attributes: true });
  read();
}
