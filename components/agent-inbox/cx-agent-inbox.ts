import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConversationSummary } from '../../protocol/index.js';
import { ConfigController } from '../core/config/config-controller.js';
import { AttachmentPicker } from '../core/conversation/attachment-picker.js';
import { attachmentStyles } from '../core/conversation/attachments-view.js';
import { conversationStyles } from '../core/conversation/conversation-view.js';
import type { HubConnection } from '../core/hub/hub-connection.js';
import { HubController } from '../core/hub/hub-controller.js';
import '../core/i18n/builtin-catalogs.js';
import { LocalizeController } from '../core/i18n/localize-controller.js';
import { formStyles } from '../core/styles/form-styles.js';
import { controlStyles, tokenStyles } from '../core/styles/tokens.js';
import { renderConversationPane } from './conversation-pane.js';
import { renderSearch } from './conversation-search.js';
import { inboxStyles } from './cx-agent-inbox.styles.js';
import { inboxLayoutStyles } from './inbox-layout.styles.js';
import { renderDeskLists } from './desk-lists.js';
import { DeskCommands } from './desk-commands.js';
import { DeskState } from './desk-state.js';
import { offlineListStyles } from './offline-list.js';
import type { ComposeMode } from './inbox-composer.js';
import { conversationAfterKey } from './conversation-keys.js';
import { DeskAttention } from './desk-attention.js';
import { DeskFeed } from './desk-feed.js';
import { OpenConversation } from './open-conversation.js';
import { InboxLive } from './inbox-live.js';
import { PreviewFeeds } from './preview-feeds.js';
import { quickReplyEditorStyles } from './quick-reply-editor.js';
import { conversationFactsStyles } from './conversation-facts.js';

/** `detail` of `cx-conversation-accepted`, `cx-conversation-transferred` and `cx-conversation-closed`. */
export interface ConversationAcceptedDetail {
  conversationId: string;
}

/** How often waiting times are refreshed on screen. */
const clockMs = 15_000;

/**
 * @summary An agent's chat desk: presence, offered, waiting and own conversations, accept,
 * answer, internal notes, canned responses, transfer, close, and search of past conversations.
 *
 * Needs a `<cx-config>` anywhere on the page with an `agent-token`, or the `demo-sign-in`
 * attribute on a demo site. Messages are shown as text.
 *
 * Alt+↓ and Alt+↑ move to the next or previous of the agent's conversations, focus in its
 * message box.
 *
 * While its tab is hidden, what arrives counts in the page's title; with `chime`, a sound;
 * and desktop notifications, once the agent turns them on ("Desktop notifications": the
 * browser asks its permission). A click on one brings the desk forward at that conversation.
 *
 * It fits the width it is given, not the window's: three columns when wide, the card under
 * the conversation when narrower, everything stacked in a CRM side panel.
 *
 * @fires cx-conversation-accepted - The agent accepted a waiting conversation. `detail`: `{ conversationId }`.
 * @fires cx-message-sent - The hub accepted a message the agent sent. `detail`: `{ conversationId, clientMessageId, text }`.
 * @fires cx-conversation-transferred - The agent transferred a conversation. `detail`: `{ conversationId }`.
 * @fires cx-conversation-closed - The agent closed a conversation. `detail`: `{ conversationId }`.
 *
 * @slot customer-card - Beside the open conversation, e.g. a `<cx-customer-card>`. Custom elements
 *   slotted here get the selected conversation as their `conversationId` property, and
 *   `conversationClosed` once it has ended.
 *
 * @csspart presence - The agent's status (available, away).
 * @csspart notifications - The "Desktop notifications" switch (where the browser has them).
 * @csspart offered - The conversations routing offered to this agent.
 * @csspart waiting - The list of waiting conversations.
 * @csspart offline - The messages visitors left outside business hours.
 * @csspart mine - The list of the agent's active conversations.
 * @csspart unread - The count of unseen visitor messages on one of the agent's conversations.
 * @csspart agents - The site's agents with their load.
 * @csspart accept - Each Accept button.
 * @csspart search - The search form; `search-results` its results.
 * @csspart transfer - The Transfer button; `transfer-dialog` its dialog.
 * @csspart close - The Close button.
 * @csspart conversation - The open conversation.
 * @csspart log - Its messages.
 * @csspart message - One message; an internal note also has `note`.
 * @csspart notice - A line about the conversation (an agent joined, it ended).
 * @csspart composer - The form with the reply/note choice, the textbox and the Send button.
 * @csspart canned - The list of canned responses; `canned-button` the button that shows them.
 * @csspart quick-reply-editor - Where the agent lists the quick-reply buttons of the next reply.
 * @csspart quick-replies - The quick replies an agent message offered.
 * @csspart typing - Who is typing (a polite live region, empty while nobody types).
 * @csspart receipt - Sent, Delivered or Read under the agent's latest message.
 * @csspart day - A day separator (Today, Yesterday, a date) when the log spans days.
 * @csspart attachments - A message's files; each `attachment` a thumbnail or file chip linking to the download.
 * @csspart attach-button - The "Attach file" label around the file input.
 * @csspart attachments-chosen - The files chosen for the next message, with their upload state.
 * @csspart attach-problem - Why a chosen file was refused (too large, wrong type).
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
    attachmentStyles,
    inboxStyles,
    inboxLayoutStyles,
    quickReplyEditorStyles,
    offlineListStyles,
    conversationFactsStyles,
  ];

  /** Offer a "Sign in as demo agent" button when the page has no agent token (demo sites only). */
  @property({ type: Boolean, attribute: 'demo-sign-in' }) demoSignIn = false;

  /** Id of the conversation shown beside the lists. */
  @property({ attribute: 'selected-conversation' }) selectedConversation = '';

  /**
   * Play a short chime when a visitor writes or starts waiting while the desk's tab is
   * hidden (the title shows the count either way). The agent may turn it off ("Sound
   * alerts"), and it stays off in this browser.
   */
  @property({ type: Boolean }) chime = false;

  @state() private desk = new DeskState();
  @state() private notice = '';
  @state() private searchResults: ConversationSummary[] | null = null;
  @state() private composeMode: ComposeMode = 'reply';
  @state() private draft = '';
  @state() private cannedOpen = false;
  /** Buttons the next reply offers the visitor. */
  @state() private quickReplies: string[] = [];
  /** Typing and receipts. */
  private readonly live = new InboxLive(this);
  /** Own conversations' latest messages (the desk stream does not carry them). */
  private readonly previews = new PreviewFeeds((id, message, seq) => {
    this.desk = this.desk.withPreview(id, message, seq);
    this.live.delivered(this.hub.connection, id, seq);
    if (message.author.role === 'visitor') this.attention.visitorWrote(id, message.text, seq);
  });
  /** The desk's lists from the hub. */
  private readonly deskFeed = new DeskFeed({
    current: () => this.hub.connection,
    desk: () => this.desk,
    setDesk: (desk) => (this.desk = desk),
    siteKey: () => this.config.settings?.siteKey ?? '',
    onArrival: (seq, conversation) => this.attention.waiting(seq, conversation),
    onNotice: (error, whileLoading) =>
      (this.notice = whileLoading
        ? this.l10n.t('error.generic', { message: error.message })
        : error.message),
    onGap: () => this.reset(this.hub.connection),
  });
  /** Unread counts, and the title, chime and notifications of a hidden tab. */
  private readonly attention = new DeskAttention({
    selected: () => this.selectedConversation,
    chimeKey: () =>
      `cxkit.desk.chimed:${this.config.settings?.hub}:${this.config.settings?.siteKey}:${this.selfId}`,
    l10n: () => this.l10n,
    nameOf: (id) => this.desk.conversations.get(id)?.prechat?.name,
    open: (id) => (this.selectedConversation = id),
    onChange: () => this.requestUpdate(),
  });
  private subscribedTo = '';
  private clock?: ReturnType<typeof setInterval>;

  private readonly config = new ConfigController(this);
  private readonly l10n = new LocalizeController(this, this.config);
  private readonly hub = new HubController(this, this.config, {
    role: 'agent',
    onConnection: (connection) => this.reset(connection),
  });
  /** Presence, accept, transfer, close and search: the desk's commands and what they change. */
  private readonly commands = new DeskCommands({
    hub: this.hub,
    l10n: this.l10n,
    host: this,
    desk: () => this.desk,
    setDesk: (desk) => (this.desk = desk),
    setNotice: (notice) => (this.notice = notice),
    select: (id) => (this.selectedConversation = id),
    showResults: (results) => (this.searchResults = results),
  });
  /** Files for the next reply. */
  private readonly attachments = new AttachmentPicker(this, {
    config: this.config,
    hub: this.hub,
    l10n: this.l10n,
  });
  /** The selected conversation's log, and the replies and notes sent into it. */
  private readonly conversation = new OpenConversation({
    host: this,
    live: this.live,
    attachments: this.attachments,
    selected: () => this.selectedConversation,
    notice: (message) => (this.notice = message),
    historyGapNotice: () => this.l10n.t('chat.historyGap'),
  });

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), clockMs);
    this.attention.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.attention.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.selectedConversation !== this.subscribedTo) this.followSelected();
    // Before rendering, so the opened conversation's "N new" goes in this update.
    if (changed.has('selectedConversation')) this.attention.seen(this.selectedConversation);
    const connection = this.hub.connection;
    const mine = this.desk.mine(this.selfId);
    if (connection) this.previews.follow(connection, mine);
    this.attention.chime = this.chime;
    this.attention.keepOnly(new Set(mine.map((conversation) => conversation.id)));
  }

  protected override updated(): void {
    // Every update: the selected conversation may have closed meanwhile.
    this.passSelectionToCard();
  }

  /** Tells the slotted card (e.g. `<cx-customer-card>`) whose customer to show. */
  private passSelectionToCard(): void {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="customer-card"]');
    const closed = this.selected?.status === 'closed';
    for (const element of slot?.assignedElements() ?? []) {
      // Only custom elements: a plain <aside> has no such property to follow.
      if (!element.localName.includes('-')) continue;
      Object.assign(element, {
        conversationId: this.selectedConversation,
        conversationClosed: closed,
      });
    }
  }

  private get selfId(): string | undefined {
    return this.hub.connection?.principal?.principalId;
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
        <p class="visually-hidden" role="status">${this.attention.announcement}</p>
        ${renderSearch({
          l10n: this.l10n,
          results: this.searchResults,
          selected: this.selectedConversation,
          onSearch: (query) => void this.commands.search(query),
          onClear: () => (this.searchResults = null),
          onOpen: (id) => (this.selectedConversation = id),
        })}
        ${renderDeskLists({
          l10n: this.l10n,
          desk: this.desk,
          selfId: this.selfId,
          selected: this.selectedConversation,
          onPresence: (status) => void this.commands.setPresence(status),
          onAccept: (id) => void this.commands.accept(id),
          onSelect: (id) => (this.selectedConversation = id),
          attention: this.attention,
        })}
      </nav>
      ${this.renderConversation()}
      <slot name="customer-card" @slotchange=${this.passSelectionToCard}></slot>
    </div>`;
  }

  private get selected(): ConversationSummary | undefined {
    const id = this.selectedConversation;
    return this.desk.find(id) ?? this.searchResults?.find((c) => c.id === id);
  }

  private renderConversation() {
    return renderConversationPane({
      l10n: this.l10n,
      conversation: this.selected,
      selfId: this.selfId,
      selfName: this.hub.connection?.principal?.name ?? null,
      log: this.conversation.log,
      live: this.live.current,
      desk: this.desk,
      composer: {
        mode: this.composeMode,
        draft: this.draft,
        cannedOpen: this.cannedOpen,
        onMode: (mode) => (this.composeMode = mode),
        onDraft: (text) => (this.draft = text),
        onToggleCanned: () => (this.cannedOpen = !this.cannedOpen),
        quickReplies: this.quickReplies,
        onQuickReplies: (labels) => (this.quickReplies = labels),
        attachments: this.attachments,
      },
      hub: this.config.settings?.hub,
      onSend: (id, text, quickReplies) => {
        this.draft = '';
        this.quickReplies = [];
        const connection = this.hub.connection;
        if (connection) void this.conversation.send(connection, id, text, quickReplies);
      },
      onNote: (id, text) => {
        this.draft = '';
        const connection = this.hub.connection;
        if (connection) void this.conversation.addNote(connection, id, text);
      },
      onOpenTransfer: () => this.openTransfer(),
      onTransfer: (id, toAgentId, note, toQueueId) =>
        void this.commands.transfer(id, toAgentId, note, toQueueId),
      onClose: (id) => void this.commands.close(id),
    });
  }

  private openTransfer(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.transfer')?.showModal();
  }

  /** A new connection (signed in, another agent token): load the desk again. */
  private reset(connection: HubConnection | null): void {
    this.deskFeed.stop();
    this.previews.stopAll();
    this.attention.clear();
    this.desk = new DeskState();
    this.notice = '';
    this.searchResults = null;
    this.subscribedTo = '';
    this.followSelected();
    if (connection) void this.deskFeed.load(connection);
  }

  /** Alt+↓ / Alt+↑: the next or previous own conversation, ready to answer. */
  private readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    const next = conversationAfterKey(
      event,
      this.desk.mine(this.selfId),
      this.selectedConversation,
    );
    if (!next) return;
    event.preventDefault();
    this.selectedConversation = next;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#cx-message')?.focus();
  };

  private followSelected(): void {
    this.draft = '';
    this.quickReplies = [];
    this.attachments.clear();
    this.composeMode = 'reply';
    this.subscribedTo = this.selectedConversation;
    this.conversation.follow(this.hub.connection, this.selectedConversation);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-agent-inbox': CxAgentInbox;
  }
  interface HTMLElementEventMap {
    'cx-conversation-accepted': CustomEvent<ConversationAcceptedDetail>;
    'cx-conversation-transferred': CustomEvent<ConversationAcceptedDetail>;
    'cx-conversation-closed': CustomEvent<ConversationAcceptedDetail>;
  }
}
