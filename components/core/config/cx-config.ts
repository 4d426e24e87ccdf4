import type { HubConnection, HubConnectionSource } from '../hub/hub-connection.js';
import { forgetStoredVisitor, signedInAsAnother } from './forget-visitor.js';
import { providePageSettings } from './page-provider.js';

type Text = 'hub' | 'siteKey' | 'locale' | 'theme' | 'agentToken' | 'identityToken';

/** Attribute → property. */
const attributes: Record<string, Text> = {
  hub: 'hub',
  'site-key': 'siteKey',
  locale: 'locale',
  theme: 'theme',
  'agent-token': 'agentToken',
  'identity-token': 'identityToken',
};

/**
 * @summary One place per page for the hub URL, site key, locale, theme and credentials
 * that every cx widget on the page shares.
 *
 * Widgets do not have to be nested inside it: the settings are provided page-wide,
 * so a widget before, after or outside `<cx-config>` receives them too, also when it
 * was upgraded first. Changing an attribute or a property updates every widget. Renders nothing.
 *
 * Not a Lit element: it is in every storefront's eager bundle, which must not carry Lit.
 */
export class CxConfig extends HTMLElement {
  static readonly observedAttributes = Object.keys(attributes);

  private readonly values: Record<Text, string> & {
    connection: CxConfig['connection'];
    visitorSession: number;
  } = {
    hub: '',
    siteKey: '',
    locale: '',
    theme: '',
    agentToken: '',
    identityToken: '',
    connection: null,
    visitorSession: 0,
  };
  private published: Promise<boolean> | null = null;

  constructor() {
    super();
    // Renders nothing, and neither do its children (as with any element whose shadow root has no slot).
    this.attachShadow({ mode: 'open' });
    // Properties a page (or a template) set before this element upgraded shadow the accessors.
    for (const name of [...Object.values(attributes), 'connection'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = this[name];
      delete (this as Record<string, unknown>)[name];
      (this as Record<string, unknown>)[name] = value;
    }
  }

  /**
   * Hub base URL; defaults to the page's origin.
   * @attr hub
   */
  get hub(): string {
    return this.values.hub;
  }
  set hub(value: string) {
    this.set('hub', value);
  }

  /**
   * Public key of the site, as configured on the hub.
   * @attr site-key
   */
  get siteKey(): string {
    return this.values.siteKey;
  }
  set siteKey(value: string) {
    this.set('siteKey', value);
  }

  /**
   * Language of the widgets (`en`, `ko`, ...); defaults to `<html lang>`, then English.
   * @attr locale
   */
  get locale(): string {
    return this.values.locale;
  }
  set locale(value: string) {
    this.set('locale', value);
  }

  /**
   * `light` (default) or `dark`; widgets reflect it as `data-cx-theme`.
   * @attr theme
   */
  get theme(): string {
    return this.values.theme;
  }
  set theme(value: string) {
    this.set('theme', value);
  }

  /**
   * Agent token minted by the CRM backend, for agent widgets.
   * @attr agent-token
   */
  get agentToken(): string {
    return this.values.agentToken;
  }
  set agentToken(value: string) {
    this.set('agentToken', value);
  }

  /**
   * Signed customer identity from the storefront's backend, for verified customers. A token
   * for another customer than the one this browser was last signed in as starts a new
   * anonymous visitor first, as `forgetVisitor()` would (a sign-out the page did not report).
   * @attr identity-token
   */
  get identityToken(): string {
    return this.values.identityToken;
  }
  set identityToken(value: string) {
    this.set('identityToken', value);
  }

  /**
   * Use this instead of a real hub: one connection for every widget, or a source that gives
   * each widget a connection for its role (visitor or agent), such as a `FakeHub`.
   */
  get connection(): HubConnection | HubConnectionSource | null {
    return this.values.connection;
  }
  set connection(value: HubConnection | HubConnectionSource | null) {
    this.set('connection', value);
  }

  /**
   * Forgets this browser's visitor: call it when the customer signs out (and remove
   * `identity-token`), so that whoever uses the browser next neither sees nor continues
   * their conversations. It drops what the widgets keep in this browser for the visitor
   * (token, open conversation, unsent messages, unread state, journey visit), keeping only
   * the tracking-consent choice, and every visitor widget on the page starts again as a new
   * anonymous visitor.
   */
  forgetVisitor(): void {
    forgetStoredVisitor();
    this.set('visitorSession', this.values.visitorSession + 1);
  }

  /** Resolves once the current settings have reached every widget on the page. */
  get updateComplete(): Promise<boolean> {
    return this.published ?? Promise.resolve(true);
  }

  connectedCallback(): void {
    this.schedule();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    this.set(attributes[name]!, value ?? '');
  }

  private set<K extends keyof CxConfig['values']>(name: K, value: CxConfig['values'][K]): void {
    this.values[name] = value;
    this.schedule();
  }

  /** Several changes in one task reach the widgets once. */
  private schedule(): void {
    if (!this.isConnected) return;
    this.published ??= Promise.resolve().then(() => {
      this.published = null;
      const hub = (this.values.hub || location.origin).replace(/\/+$/, '');
      const { siteKey, identityToken } = this.values;
      // Another customer signs in where the last one never signed out: a new visitor.
      if (identityToken && signedInAsAnother(hub, siteKey, identityToken))
        this.values.visitorSession++;
      providePageSettings({ ...this.values, hub });
      return true;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-config': CxConfig;
  }
}
