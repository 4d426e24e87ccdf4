import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConversationSummary, DeskEvent, EventFrame } from '../../protocol/index.js';
import { ConfigController } from '../core/config/config-controller.js';
import {
  conversationStyles,
  renderComposer,
  renderLog,
} from '../core/conversation/conversation-view.js';
import { messageSentEvent } from '../core/conversation/events.js';
import { LogEntries } from '../core/conversation/log-entries.js';
import { newCommandId } from '../core/hub/command-id.js';
import type { HubConnection, HubError, Subscription } from '../core/hub/hub-connection.js';
import { HubController } from '../core/hub/hub-controller.js';
import '../core/i18n/builtin-catalogs.js';
import { formatDuration } from '../core/i18n/intl-format.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { formStyles } from '../core/styles/form-styles.js';
import { controlStyles, tokenStyles } from '../core/styles/tokens.js';
import { inboxStyles } from './cx-agent-inbox.styles.js';

/** `detail` of `cx-conversation-accepted`. */
export interface ConversationAcceptedDetail {
  conversationId: string;
}

/** How often waiting times are refreshed on screen. */
const clockMs = 15_000;

/**
 * @summary An agent's chat desk: waiting and active conversations, accept, and answer.
 *
 * Needs a `<cx-config>` anywhere on the page with an `agent-token`, or the `demo-sign-in`
 * attribute on a demo site. Messages are shown as text.
 *
 * @fires cx-conversation-accepted - The agent accepted a waiting conversation. `detail`: `{ conversationId }`.
 * @fires cx-message-sent - The hub accepted a message the agent sent. `detail`: `{ conversationId, clientMessageId, text }`.
 *
 * @slot customer-card - Beside the open conversation, e.g. a `<cx-customer-card>`. Custom elements
 *   slotted here get the selected conversation as their `conversationId` property.
 *
 * @csspart waiting - The list of waiting conversations.
 * @csspart mine - The list of the agent's active conversations.
 * @csspart accept - Each Accept button.
 * @csspart conversation - The open conversation.
 * @csspart log - Its messages.
 * @csspart message - One message.
 * @csspart notice - A line about the conversation (an agent joined, it ended).
 * @csspart composer - The form with the textbox and the Send button.
 * @csspart sign-in - The demo sign-in button.
 *
 * @cssproperty --cx-inbox-list-width - Width of the conversation lists. Default 280px.
 * @cssproperty --cx-inbox-height - Height of the desk. Default 560px.
 */
export class CxAgentInbox extends LitElement {
  static override styles = [
    tokenStyles,
    controlStyles,
    formStyles,
    conversationStyles,
    inboxStyles,
  ];

  /** Offer a "Sign in as demo agent" button when the page has no agent token (demo sites only). */
  @property({ type: Boolean, attribute: 'demo-sign-in' }) demoSignIn = false;

  /** Id of the conversation shown beside the lists. */
  @property({ attribute: 'selected-conversation' }) selectedConversation = '';

  @state() private conversations = new Map<string, ConversationSummary>();
  @state() private log = new LogEntries();
  @state() private notice = '';
  private deskSubscription: Subscription | null = null;
  private conversationSubscription: Subscription | null = null;
  private subscribedTo = '';
  private clock?: ReturnType<typeof setInterval>;

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);
  private readonly hub = new HubController(this, this.config, {
    role: 'agent',
    onConnection: (connection) => this.reset(connection),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), clockMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override willUpdate(): void {
    if (this.selectedConversation !== this.subscribedTo) this.followSelected();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedConversation')) this.passSelectionToCard();
  }

  /** Tells the slotted card (e.g. `<cx-customer-card>`) whose customer to show. */
  private passSelectionToCard(): void {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="customer-card"]');
    for (const element of slot?.assignedElements() ?? []) {
      // Only custom elements: a plain <aside> has no such property to follow.
      if (element.localName.includes('-'))
        (element as HTMLElement & { conversationId: string }).conversationId =
          this.selectedConversation;
    }
  }

  protected override render() {
    const t = this.l10n.t.bind(this.l10n);
    if (this.hub.needsAgentCredentials) {
      return html`<div class="signed-out">
        ${
          this.demoSignIn
            ? html`<button part="sign-in" @click=${() => this.hub.signInDemo()}>
                ${t('inbox.signInDemo')}
              </button>`
            : html`<p>${t('inbox.tokenRequired')}</p>`
        }
      </div>`;
    }
    const connection = this.hub.connection;
    const selfId = connection?.principal?.principalId;
    const all = [...this.conversations.values()];
    const waiting = all.filter((c) => c.status === 'waiting');
    const mine = all.filter((c) => c.status === 'active' && c.agentId === selfId);
    return html`<div class="inbox">
      <nav class="lists" aria-label=${t('inbox.title')}>
        <p class="status" role="status">
          ${
            this.hub.status === 'online'
              ? t('inbox.signedInAs', { name: connection?.principal?.name ?? '' })
              : connection?.lastError?.message || t(`status.${this.hub.status}`)
          }
        </p>
        ${this.notice ? html`<p class="error" role="alert">${this.notice}</p>` : nothing}
        <h2>${t('inbox.waiting')}</h2>
        ${
          waiting.length
            ? html`<ul part="waiting">
                ${waiting.map((c) => this.renderWaiting(c))}
              </ul>`
            : html`<p class="empty">${t('inbox.noneWaiting')}</p>`
        }
        <h2>${t('inbox.mine')}</h2>
        ${
          mine.length
            ? html`<ul part="mine">
                ${mine.map((c) => this.renderMine(c))}
              </ul>`
            : html`<p class="empty">${t('inbox.noneMine')}</p>`
        }
      </nav>
      ${this.renderConversation(selfId)}
      <slot name="customer-card" @slotchange=${this.passSelectionToCard}></slot>
    </div>`;
  }

  private renderWaiting(conversation: ConversationSummary) {
    const t = this.l10n.t.bind(this.l10n);
    const previewId = `preview-${conversation.id}`;
    const waited = formatDuration(
      this.l10n.locale,
      Date.now() - Date.parse(conversation.createdAt),
    );
    return html`<li class="item">
      <span class="preview" id=${previewId}>${conversation.lastText ?? t('inbox.noPreview')}</span>
      <span class="waited">${t('inbox.waitingFor', { duration: waited })}</span>
      <button
        part="accept"
        aria-describedby=${previewId}
        @click=${() => this.accept(conversation.id)}
      >
        ${t('inbox.accept')}
      </button>
    </li>`;
  }

  private renderMine(conversation: ConversationSummary) {
    const current = conversation.id === this.selectedConversation;
    return html`<li>
      <button
        class="select quiet item"
        aria-current=${current ? 'true' : 'false'}
        @click=${() => (this.selectedConversation = conversation.id)}
      >
        <span class="preview">${conversation.lastText ?? this.l10n.t('inbox.noPreview')}</span>
      </button>
    </li>`;
  }

  private renderConversation(selfId: string | undefined) {
    const t = this.l10n.t.bind(this.l10n);
    const conversation = this.conversations.get(this.selectedConversation);
    if (!conversation)
      return html`<section class="conversation">
        <p class="prompt">${t('inbox.selectPrompt')}</p>
      </section>`;
    const title = t('inbox.conversationWith', { name: t('chat.visitor') });
    return html`<section
      class="conversation"
      part="conversation"
      aria-labelledby="conversation-title"
    >
      <div class="header"><h3 id="conversation-title">${title}</h3></div>
      ${renderLog({ entries: this.log.entries, l10n: this.l10n, selfId, label: title })}
      ${renderComposer({
        l10n: this.l10n,
        disabled: conversation.status !== 'active' || conversation.agentId !== selfId,
        onSend: (text) => this.send(conversation.id, text),
      })}
    </section>`;
  }

  /** A new connection (signed in, another agent token): load the desk again. */
  private reset(connection: HubConnection | null): void {
    this.deskSubscription?.unsubscribe();
    this.deskSubscription = null;
    this.conversations = new Map();
    this.subscribedTo = '';
    this.followSelected();
    if (connection) void this.loadDesk(connection);
  }

  private async loadDesk(connection: HubConnection): Promise<void> {
    try {
      const snapshot = await connection.command('desk.snapshot', {});
      if (connection !== this.hub.connection) return;
      this.conversations = new Map(snapshot.conversations.map((c) => [c.id, c]));
      const siteKey = connection.principal?.siteKey ?? this.config.settings?.siteKey ?? '';
      this.deskSubscription = connection.subscribe(`desk:${siteKey}`, snapshot.seq, {
        onEvent: (frame) => this.onDeskEvent(frame),
        onError: (error) => (this.notice = error.message),
      });
    } catch (error) {
      this.notice = this.l10n.t('error.generic', { message: (error as HubError).message });
    }
  }

  private onDeskEvent(frame: EventFrame): void {
    const { conversation } = frame.event as DeskEvent;
    this.conversations = new Map(this.conversations).set(conversation.id, conversation);
  }

  private followSelected(): void {
    this.conversationSubscription?.unsubscribe();
    this.conversationSubscription = null;
    this.log = new LogEntries();
    this.subscribedTo = this.selectedConversation;
    const connection = this.hub.connection;
    if (!connection || !this.selectedConversation) return;
    this.conversationSubscription = connection.subscribe(`conv:${this.selectedConversation}`, 0, {
      onEvent: (frame) => this.onConversationEvent(frame),
      onError: (error) => (this.notice = error.message),
    });
  }

  private onConversationEvent(frame: EventFrame): void {
    this.log = this.log.withEvent(frame);
  }

  private async accept(conversationId: string): Promise<void> {
    const connection = this.hub.connection;
    if (!connection) return;
    this.notice = '';
    try {
      const { conversation } = await connection.command('chat.accept', { conversationId });
      this.conversations = new Map(this.conversations).set(conversation.id, conversation);
      this.selectedConversation = conversation.id;
      this.dispatchEvent(
        new CustomEvent<ConversationAcceptedDetail>('cx-conversation-accepted', {
          detail: { conversationId },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const { code, message } = error as HubError;
      this.notice =
        code === 'conversation.already_accepted' ? this.l10n.t('inbox.alreadyAccepted') : message;
    }
  }

  private async send(conversationId: string, text: string): Promise<void> {
    const connection = this.hub.connection;
    if (!connection) return;
    const id = newCommandId();
    this.log = this.log.pending(id, text, null);
    try {
      const result = await connection.command('chat.send', { conversationId, text }, id);
      if (this.selectedConversation === conversationId)
        this.log = this.log.confirmed(result.message);
      this.dispatchEvent(messageSentEvent({ conversationId, clientMessageId: id, text }));
    } catch (error) {
      this.log = this.log.failed(id, (error as HubError).message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-agent-inbox': CxAgentInbox;
  }
  interface HTMLElementEventMap {
    'cx-conversation-accepted': CustomEvent<ConversationAcceptedDetail>;
  }
}
