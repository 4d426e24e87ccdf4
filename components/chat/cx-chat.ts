import { LitElement, adoptStyles, html, nothing } from 'lit';
import { ConfigController } from '../core/config/config-controller.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { controlStyles, tokenStyles } from '../core/styles/tokens.js';
import type { ChatPanel } from './chat-panel.js';
import { chatStyles } from './cx-chat.styles.js';

/** The panel's code (conversation, hub connection, full catalogs), kept out of the eager bundle. */
const loadPanelModule = () => import('./chat-panel.js');

/**
 * @summary A chat launcher button and the chat panel it opens, for a site's visitors.
 *
 * Needs a `<cx-config>` anywhere on the page. The conversation continues across reloads
 * and tabs (the visitor's token is kept in localStorage). Messages are shown as text.
 * Until the panel first opens, only the launcher is loaded: the panel's code is fetched
 * when the visitor points at or focuses the launcher, and the hub is contacted on open.
 *
 * @fires cx-chat-open - The visitor opened the panel.
 * @fires cx-chat-close - The visitor closed the panel.
 * @fires cx-message-sent - The hub accepted a message the visitor sent. `detail`: `{ conversationId, clientMessageId, text }`.
 *
 * @csspart launcher - The button that opens the panel.
 * @csspart panel - The chat panel.
 * @csspart log - The list of messages.
 * @csspart message - One message.
 * @csspart notice - A line about the conversation (an agent joined, it ended).
 * @csspart composer - The form with the textbox and the Send button.
 * @csspart status - The connection status, shown while not online.
 *
 * @cssproperty --cx-chat-offset - Distance of the launcher and panel from the viewport's bottom-right corner. Default 16px.
 * @cssproperty --cx-chat-width - Panel width. Default 360px.
 * @cssproperty --cx-chat-height - Panel height. Default 520px.
 */
export class CxChat extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  // Like cx-config, `static properties` rather than decorators, for the eager bundle's size.
  static override properties = { open: { type: Boolean, reflect: true } };
  static override styles = [tokenStyles, controlStyles, chatStyles];

  /** Whether the panel is open. Setting it does not fire `cx-chat-open`/`cx-chat-close`. */
  open = false;

  /** The panel, once its code has loaded (on first open). */
  private panel: ChatPanel | null = null;
  private panelLoad: Promise<void> | null = null;

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);

  protected override willUpdate(): void {
    if (this.open) void this.loadPanel();
  }

  /** Also waits for the panel's code while it loads, so the panel is rendered when this resolves. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.panelLoad;
    return super.getUpdateComplete();
  }

  protected override render() {
    const panel = this.open ? this.panel : null;
    // The launcher stays until the panel shows, so focus has somewhere to be meanwhile.
    return html`
      <button
        class="launcher"
        part="launcher"
        ?hidden=${panel !== null}
        aria-haspopup="dialog"
        @click=${this.userOpen}
        @pointerenter=${this.preload}
        @focus=${this.preload}
      >
        ${this.l10n.t('chat.open')}
      </button>
      ${panel ? panel.render() : nothing}
    `;
  }

  /**
   * The visitor is about to open the panel (pointer over the launcher, which also fires on touch
   * just before pointerdown, or keyboard focus): start fetching its code so opening feels instant.
   */
  private preload(): void {
    // A failure here is reported by the open that follows, which tries again.
    loadPanelModule().catch(() => undefined);
  }

  private loadPanel(): Promise<void> {
    this.panelLoad ??= loadPanelModule().then(
      ({ ChatPanel, chatPanelStyles }) => {
        const { elementStyles } = this.constructor as typeof LitElement;
        adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, ...chatPanelStyles]);
        this.panel = new ChatPanel(this, {
          config: this.config,
          l10n: this.l10n,
          onClose: () => void this.userClose(),
        });
        this.requestUpdate();
      },
      (error: unknown) => {
        // Offline, or a deploy replaced the chunk: close again, so the next click retries.
        this.panelLoad = null;
        this.open = false;
        reportError(error);
      },
    );
    return this.panelLoad;
  }

  private async userOpen(): Promise<void> {
    if (this.open) return; // Already opening: the panel's code is on its way.
    this.open = true;
    this.dispatchEvent(new CustomEvent('cx-chat-open', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private async userClose(): Promise<void> {
    this.open = false;
    this.dispatchEvent(new CustomEvent('cx-chat-close', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-chat': CxChat;
  }
  interface HTMLElementEventMap {
    'cx-chat-open': CustomEvent<void>;
    'cx-chat-close': CustomEvent<void>;
  }
}
