import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConversationEvent, EventFrame } from '../../protocol/index.js';
import { ConfigController } from '../core/config/config-controller.js';
import {
  renderComposer,
  renderLog,
  conversationStyles,
} from '../core/conversation/conversation-view.js';
import { messageSentEvent } from '../core/conversation/events.js';
import { LogEntries } from '../core/conversation/log-entries.js';
import { newCommandId } from '../core/hub/command-id.js';
import { HubController } from '../core/hub/hub-controller.js';
import type { HubConnection, HubError, Subscription } from '../core/hub/hub-connection.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { controlStyles, tokenStyles } from '../core/styles/tokens.js';
import { chatStyles } from './cx-chat.styles.js';

/**
 * @summary A chat launcher button and the chat panel it opens, for a site's visitors.
 *
 * Needs a `<cx-config>` anywhere on the page. The conversation continues across reloads
 * and tabs (the visitor's token is kept in localStorage). Messages are shown as text.
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
  static override styles = [tokenStyles, controlStyles, conversationStyles, chatStyles];

  /** Whether the panel is open. Setting it does not fire `cx-chat-open`/`cx-chat-close`. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private log = new LogEntries();
  @state() private notice = '';
  private conversationId: string | undefined;
  private subscription: Subscription | null = null;
  private loaded = false;

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);
  private readonly hub = new HubController(this, this.config, {
    role: 'visitor',
    onConnection: () => this.reset(),
  });

  @query('textarea') private textbox?: HTMLTextAreaElement;
  @query('.launcher') private launcher?: HTMLButtonElement;

  protected override willUpdate(): void {
    if (this.open && !this.loaded && this.hub.connection) void this.load(this.hub.connection);
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    return html`
      <button
        class="launcher"
        part="launcher"
        ?hidden=${this.open}
        aria-haspopup="dialog"
        @click=${this.userOpen}
      >
        ${t('chat.open')}
      </button>
      ${this.open ? this.renderPanel() : nothing}
    `;
  }

  private renderPanel() {
    const t = this.l10n.t.bind(this.l10n);
    const statusText = this.hub.status === 'online' ? '' : t(`status.${this.hub.status}`);
    return html`<section
      class="panel"
      part="panel"
      role="dialog"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
    >
      <div class="header">
        <h2 id="title">${t('chat.title')}</h2>
        <button class="quiet" @click=${this.userClose}>${t('chat.close')}</button>
      </div>
      <!-- Always present (live regions announce changes, not their own appearance); collapsed while empty. -->
      <p class="status ${statusText ? '' : 'idle'}" part="status" role="status">${statusText}</p>
      ${renderLog(
        {
          entries: this.log.entries,
          l10n: this.l10n,
          selfId: this.hub.connection?.principal?.principalId,
          label: t('chat.messages'),
        },
        t('chat.empty'),
      )}
      ${this.notice ? html`<p class="status" role="alert">${this.notice}</p>` : nothing}
      ${renderComposer({ l10n: this.l10n, disabled: !this.hub.connection, onSend: (text) => this.send(text) })}
    </section>`;
  }

  private async userOpen(): Promise<void> {
    this.open = true;
    this.dispatchEvent(new CustomEvent('cx-chat-open', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.textbox?.focus();
  }

  private async userClose(): Promise<void> {
    this.open = false;
    this.dispatchEvent(new CustomEvent('cx-chat-close', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.launcher?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.userClose();
  }

  /** The connection changed (another cx-config, another hub): start over. */
  private reset(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.conversationId = undefined;
    this.log = new LogEntries();
    this.loaded = false;
    this.requestUpdate();
  }

  /** Shows the visitor's open conversation, so a reload or a new tab continues it. */
  private async load(connection: HubConnection): Promise<void> {
    this.loaded = true;
    try {
      const { conversations } = await connection.command('conversations.list', {});
      const latest = conversations
        .filter((conversation) => conversation.status !== 'closed')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (latest && !this.conversationId && connection === this.hub.connection)
        this.follow(latest.id);
    } catch (error) {
      this.notice = this.l10n.t('error.generic', { message: (error as HubError).message });
    }
  }

  private follow(conversationId: string): void {
    this.conversationId = conversationId;
    this.subscription?.unsubscribe();
    this.subscription = this.hub.connection!.subscribe(`conv:${conversationId}`, 0, {
      onEvent: (frame) => this.onEvent(frame),
      onError: (error) =>
        (this.notice =
          error.code === 'stream.gap' ? this.l10n.t('chat.historyGap') : error.message),
    });
  }

  private onEvent(frame: EventFrame): void {
    const event = frame.event as ConversationEvent;
    if (event.type === 'message.created') this.log = this.log.confirmed(event.message);
    else if (event.type === 'conversation.accepted') {
      this.log = this.log.notice(
        `seq:${frame.seq}`,
        this.l10n.t('chat.agentJoined', { name: event.agentName }),
        frame.at,
      );
    } else if (event.type === 'conversation.closed') {
      this.log = this.log.notice(`seq:${frame.seq}`, this.l10n.t('chat.closed'), frame.at);
      // The next message starts a new conversation.
      this.conversationId = undefined;
    }
  }

  private async send(text: string): Promise<void> {
    const connection = this.hub.connection;
    if (!connection) return;
    const id = newCommandId();
    const conversationId = this.conversationId;
    this.log = this.log.pending(id, text, null);
    this.notice = '';
    try {
      const result = await connection.command(
        'chat.send',
        conversationId ? { conversationId, text } : { text },
        id,
      );
      if (connection !== this.hub.connection) return;
      this.log = this.log.confirmed(result.message);
      if (this.conversationId !== result.conversationId) this.follow(result.conversationId);
      this.dispatchEvent(
        messageSentEvent({ conversationId: result.conversationId, clientMessageId: id, text }),
      );
    } catch (error) {
      this.log = this.log.failed(id, (error as HubError).message);
    }
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
