import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ConversationEvent, EventFrame } from '../../protocol/index.js';
import type { ConfigController } from '../core/config/config-controller.js';
import { customerNamedBy } from '../core/config/forget-visitor.js';
import {
  conversationStyles,
  renderComposer,
  renderLog,
} from '../core/conversation/conversation-view.js';
import { AttachmentPicker } from '../core/conversation/attachment-picker.js';
import { attachmentStyles } from '../core/conversation/attachments-view.js';
import { ConversationLive } from '../core/conversation/conversation-live.js';
import { messageSentEvent } from '../core/conversation/events.js';
import { followConversationStream } from '../core/conversation/follow-stream.js';
import { LogEntries } from '../core/conversation/log-entries.js';
import { currentAgentName, renderTyping } from '../core/conversation/log-parts.js';
import { ReceiptReporter } from '../core/conversation/receipts.js';
import { newCommandId } from '../core/hub/command-id.js';
import type { HubConnection, HubError, Subscription } from '../core/hub/hub-connection.js';
import { HubController } from '../core/hub/hub-controller.js';
import { Outbox, type OutboxEntry } from '../core/hub/outbox.js';
import '../core/i18n/builtin-catalogs.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { formStyles } from '../core/styles/form-styles.js';
import { panelStyles } from './chat-panel.styles.js';
import { offlineFormStyles } from './offline-form.js';
import { newestOffline, QueueStatus, queueStyles } from './queue-status.js';
import { EndOfChat, endOfChatStyles } from './end-of-chat.js';
import { PrechatStep, prechatStyles } from './prechat-form.js';

/** What the panel needs of `<cx-chat>`. */
export interface ChatPanelHost extends ReactiveControllerHost, HTMLElement {
  readonly open: boolean;
  /** Closed but following the conversation anyway (to count unread messages for the launcher). */
  readonly background?: boolean;
  /** The `<cx-chat>` element, to read its attributes (`queue`, ...). */
  readonly chat: HTMLElement;
}

export interface ChatPanelOptions {
  config: ConfigController;
  l10n: LocalizeController;
  /** The visitor asked to close the panel (Escape or the Close button). */
  onClose(): void;
  /** The visitor's open conversation as the hub reports it on load, or null (unread marker). */
  onLoaded?(conversationId: string | null): void;
  /** Every event of the followed conversation, after the panel took it in (unread count). */
  onEvent?(frame: EventFrame): void;
  /** Shown in an empty conversation instead of the default line (an invitation's greeting). */
  readonly greeting?: string;
  /** Extra actions under the header (hand-off to call or callback), or nothing. */
  renderActions?(): unknown;
}

/** The panel's styles, for cx-chat's shadow root, next to the launcher's, once this module has loaded. */
export const chatPanelStyles = [
  formStyles,
  conversationStyles,
  attachmentStyles,
  panelStyles,
  queueStyles,
  offlineFormStyles,
  prechatStyles,
  endOfChatStyles,
];

/**
 * The chat panel of `<cx-chat>`: the visitor's hub connection, the conversation log and the
 * composer. Its host is `<cx-chat-panel>` (panel-element.ts), which renders it into cx-chat's
 * own shadow root (no shadow root of its own), so the parts and the textbox with its label
 * stay there. `host.chat` is the `<cx-chat>` element, to read its attributes.
 */
export class ChatPanel implements ReactiveController {
  /** What the panel shows; change it through `show`, which re-renders cx-chat. */
  private view = { log: new LogEntries(), notice: '' };
  private conversationId: string | undefined;
  private subscription: Subscription | null = null;
  private loaded = false;
  private outbox: Outbox | null = null;
  /** Typing and receipts of the followed conversation. */
  private live: ConversationLive | null = null;
  private receiptReporter: ReceiptReporter | null = null;
  private wasOpen = false;
  // Connects as soon as the panel exists, that is on first open.
  private readonly hub = new HubController(this.host, this.options.config, {
    role: 'visitor',
    onConnection: () => this.reset(),
  });
  private readonly attachments = new AttachmentPicker(this.host, {
    config: this.options.config,
    hub: this.hub,
    l10n: this.options.l10n,
  });
  /** Place in line, opening hours, and the leave-a-message form outside them. */
  private readonly queue = new QueueStatus(this.host, {
    config: this.options.config,
    l10n: this.options.l10n,
    connection: () => this.hub.connection,
    onMessageLeft: (result) => this.follow(result.conversationId),
  });
  /** The site's pre-chat form before the first message, and who a verified customer is. */
  private readonly prechat = new PrechatStep(this.host, this.options);
  /** "End chat", the rating, the transcript by email and "Start a new chat". */
  private readonly ending = new EndOfChat(this.host, {
    config: this.options.config,
    l10n: this.options.l10n,
    connection: () => this.hub.connection,
    knownEmail: () => this.prechat.email,
    onNewChat: () => this.show({ log: new LogEntries(), notice: '' }),
  });

  constructor(
    private readonly host: ChatPanelHost,
    private readonly options: ChatPanelOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const following = this.host.open || this.host.background;
    if (following && !this.loaded && this.hub.connection) void this.load(this.hub.connection);
    // Opening the panel shows the conversation: what arrived meanwhile is now read.
    if (this.host.open !== this.wasOpen) this.live?.seen();
    this.wasOpen = this.host.open;
  }

  render() {
    const { l10n } = this.options;
    const t = l10n.t.bind(l10n);
    const statusText = this.hub.status === 'online' ? '' : t(`status.${this.hub.status}`);
    const agentName = currentAgentName(this.view.log.entries);
    const live = this.live;
    return html`<section
      class="panel"
      part="panel"
      role="dialog"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
    >
      <div class="header">
        <div>
          <h2 id="title">${t('chat.title')}</h2>
          ${agentName ? html`<p class="agent-name" part="agent-name">${t('chat.withAgent', { name: agentName })}</p>` : nothing}
        </div>
        ${this.ending.renderEndButton(this.conversationId)}
        <button class="quiet" @click=${() => this.options.onClose()}>${t('chat.close')}</button>
      </div>
      ${this.options.renderActions?.() ?? nothing} ${this.ending.renderConfirm(this.conversationId)}
      <!-- Always present (live regions announce changes, not their own appearance); collapsed while empty. -->
      <p class="status ${statusText ? '' : 'idle'}" part="status" role="status">${statusText}</p>
      ${renderLog(
        {
          entries: this.view.log.entries,
          l10n,
          selfId: this.hub.connection?.principal?.principalId,
          ownRole: 'visitor',
          label: t('chat.messages'),
          ...(live ? { receiptOf: (seq: number) => live.receipts.stateOf(seq, 'agent') } : {}),
          onQuickReply: (label) => void this.send(label),
          hub: this.options.config.settings?.hub,
        },
        this.options.greeting || t('chat.empty'),
      )}
      ${renderTyping(l10n, live?.typing.typists ?? [])} ${this.queue.renderStatus()}
      ${this.view.notice ? html`<p class="status" role="alert">${this.view.notice}</p>` : nothing}
      ${
        this.ending.active
          ? this.ending.render()
          : this.queue.offersMessage(!!this.conversationId)
            ? this.queue.renderOfflineForm()
            : html`${this.prechat.shown(!!this.conversationId) ? this.prechat.render() : nothing}
              ${renderComposer({
                l10n,
                disabled: !this.hub.connection,
                attachments: this.attachments,
                onSend: (text) => this.send(text, true),
                onDraft: (hasText) => this.live?.typed(hasText),
                onLeave: () => this.live?.stoppedTyping(),
              })}`
      }
    </section>`;
  }

  private show(change: Partial<ChatPanel['view']>): void {
    this.view = { ...this.view, ...change };
    this.host.requestUpdate();
  }

  // An arrow function: Lit calls listeners with the host element as `this`.
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.options.onClose();
  };

  /** The connection changed (another cx-config, another hub): start over. */
  private reset(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.live?.dispose();
    this.live = null;
    this.receiptReporter?.dispose();
    this.receiptReporter = null;
    this.conversationId = undefined;
    this.loaded = false;
    this.queue.reset();
    this.outbox = this.openOutbox();
    this.show({ log: new LogEntries() });
  }

  /** Kept in localStorage for a real hub; a fake hub's outbox lives as long as the page. */
  private openOutbox(): Outbox | null {
    const settings = this.options.config.settings;
    if (!settings) return null;
    const key = Outbox.keyFor(settings.hub, settings.siteKey);
    return settings.connection ? new Outbox(key) : new Outbox(key, localStorage);
  }

  /** Shows the visitor's open conversation, so a reload or a new tab continues it. */
  private async load(connection: HubConnection): Promise<void> {
    this.loaded = true;
    void this.queue.loadHours();
    void this.ending.load();
    const outbox = this.outbox;
    // Before `hello` answers: the customer the page's identity token names.
    const identityToken = this.options.config.settings?.identityToken;
    const kept = outbox?.entriesOf(customerNamedBy(identityToken)) ?? [];
    for (const entry of kept) {
      this.show({ log: this.view.log.pending(entry.id, entry.text, null) });
      if (entry.failed) {
        // Shown once as failed, then forgotten: resending cannot help.
        this.show({ log: this.view.log.failed(entry.id, entry.failed.message) });
        outbox!.remove(entry.id);
      }
    }
    try {
      // First: a verified customer's list also holds what they began on another device.
      await this.prechat.load(connection);
      const { conversations } = await connection.command('conversations.list', {});
      const latest = conversations
        .filter((conversation) => conversation.status !== 'closed')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (latest && !this.conversationId && connection === this.hub.connection)
        this.follow(latest.id);
      // A message left outside hours, answered and closed since: show the answer.
      const answered = latest ? undefined : newestOffline(conversations);
      if (answered && !this.conversationId && connection === this.hub.connection)
        this.follow(answered.id);
      this.options.onLoaded?.(latest?.id ?? null);
      // Sent before a reload and never acknowledged: resend with the same ids, in order.
      const { principalId, customerId } = connection.principal ?? {};
      for (const entry of outbox?.unsent(principalId, customerId) ?? [])
        void this.deliver(connection, entry);
    } catch (error) {
      this.show({
        notice: this.options.l10n.t('error.generic', { message: (error as HubError).message }),
      });
    }
  }

  private follow(conversationId: string): void {
    this.conversationId = conversationId;
    this.subscription?.unsubscribe();
    const connection = this.hub.connection!;
    this.live?.dispose();
    this.receiptReporter ??= new ReceiptReporter(connection);
    const live = new ConversationLive({
      connection,
      conversationId,
      reporter: this.receiptReporter,
      shown: () => this.host.open,
      onChange: () => this.host.requestUpdate(),
    });
    this.live = live;
    void this.queue.follow(connection, conversationId);
    this.subscription = followConversationStream(connection, conversationId, {
      onEvent: (frame) => this.onEvent(frame),
      onSignal: (frame) => {
        live.onSignal(frame);
        this.queue.onSignal(frame);
      },
      onNotice: (notice) => this.show({ notice }),
      gapNotice: () => this.options.l10n.t('chat.historyGap'),
    });
  }

  private onEvent(frame: EventFrame): void {
    // Lines still pending (resent from the outbox after a reload) stay below the history.
    const entries = this.view.log.withEvent(frame).entries;
    const pending = entries.filter((entry) => entry.state === 'pending');
    const log = new LogEntries([
      ...entries.filter((entry) => entry.state !== 'pending'),
      ...pending,
    ]);
    this.show({ log });
    this.live?.onEvent(frame);
    this.queue.onEvent(frame, this.hub.connection);
    this.options.onEvent?.(frame);
    // After a close, the next message starts a new conversation.
    if ((frame.event as ConversationEvent).type === 'conversation.closed') {
      this.ending.conversationEnded((frame.event as { conversationId: string }).conversationId);
      this.conversationId = undefined;
    }
  }

  /** `withFiles`: the composer's send, which takes the chosen files (a quick reply does not). */
  private async send(text: string, withFiles = false): Promise<void> {
    const connection = this.hub.connection;
    if (!connection) return;
    if (!this.conversationId && !this.prechat.accept()) return this.prechat.keepDraft(text);
    const id = newCommandId();
    const conversationId = this.conversationId;
    this.live?.stoppedTyping();
    const files = withFiles && this.attachments.hasFiles ? this.attachments.take() : null;
    const log = this.view.log.pending(id, text, null).withAttachments(id, files?.pending ?? []);
    this.show({ log, notice: '' });
    let attachmentIds: string[] = [];
    try {
      attachmentIds = (await files?.ids) ?? [];
    } catch (error) {
      this.show({ log: this.view.log.failed(id, (error as HubError).message) });
      return;
    }
    const entry = {
      id,
      text,
      createdAt: new Date().toISOString(),
      ...(attachmentIds.length ? { attachmentIds } : {}),
      ...(!conversationId ? this.prechat.start(this.queue.queueId, this.options.l10n.locale) : {}),
    };
    await this.deliver(connection, conversationId ? { ...entry, conversationId } : entry);
  }

  /** Sends through the outbox, which keeps the message until the hub acknowledges it. */
  private async deliver(connection: HubConnection, entry: OutboxEntry): Promise<void> {
    const { id, text } = entry;
    try {
      const result = await (this.outbox ?? new Outbox('')).send(connection, entry);
      if (connection !== this.hub.connection) return;
      this.show({ log: this.view.log.confirmed(result.message, false, result.seq) });
      if (this.conversationId !== result.conversationId) this.follow(result.conversationId);
      this.host.dispatchEvent(
        messageSentEvent({ conversationId: result.conversationId, clientMessageId: id, text }),
      );
    } catch (error) {
      this.show({ log: this.view.log.failed(id, (error as HubError).message) });
      if ((error as HubError).code === 'prechat.invalid')
        this.prechat.rejected((error as HubError).message);
    }
  }
}
