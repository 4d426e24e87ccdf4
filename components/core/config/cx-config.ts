import { LitElement, css, nothing } from 'lit';
import type { HubConnection, HubConnectionSource } from '../hub/hub-connection.js';
import { providePageSettings } from './page-provider.js';

/**
 * @summary One place per page for the hub URL, site key, locale, theme and credentials
 * that every cx widget on the page shares.
 *
 * Widgets do not have to be nested inside it: the settings are provided page-wide,
 * so a widget before, after or outside `<cx-config>` receives them too, also when it
 * was upgraded first. Changing an attribute updates every widget. Renders nothing.
 */
export class CxConfig extends LitElement {
  // `static properties` rather than decorators: this class is in every storefront's eager
  // bundle, which then carries no decorator helpers (about 0.4 KB gzip).
  static override properties = {
    hub: {},
    siteKey: { attribute: 'site-key' },
    locale: {},
    theme: {},
    agentToken: { attribute: 'agent-token' },
    identityToken: { attribute: 'identity-token' },
    connection: { attribute: false },
  };

  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** Hub base URL; defaults to the page's origin. */
  hub = '';

  /** Public key of the site, as configured on the hub. */
  siteKey = '';

  /** Language of the widgets (`en`, `ko`, ...); defaults to `<html lang>`, then English. */
  locale = '';

  /** `light` (default) or `dark`; widgets reflect it as `data-cx-theme`. */
  theme = '';

  /** Agent token minted by the CRM backend, for agent widgets. */
  agentToken = '';

  /** Signed customer identity from the storefront's backend, for verified customers. */
  identityToken = '';

  /**
   * Use this instead of a real hub: one connection for every widget, or a source that gives
   * each widget a connection for its role (visitor or agent), such as a `FakeHub`.
   */
  connection: HubConnection | HubConnectionSource | null = null;

  protected override render() {
    return nothing;
  }

  protected override updated(): void {
    providePageSettings({
      hub: (this.hub || location.origin).replace(/\/+$/, ''),
      siteKey: this.siteKey,
      locale: this.locale,
      theme: this.theme,
      agentToken: this.agentToken,
      identityToken: this.identityToken,
      connection: this.connection,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-config': CxConfig;
  }
}
