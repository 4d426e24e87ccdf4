import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ConversationEvent, EventFrame } from '../../protocol/index.js';
import type { ConfigController } from '../core/config/config-controller.js';
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
import { Outbox, type OutboxEntry } from '../core/hub/outbox.js';
import '../core/i18n/builtin-catalogs.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { formStyles } from '../core/styles/form-styles.js';
import { panelStyles } from './chat-panel.styles.js';

/** What the panel needs of `<cx-chat>`. */
export interface ChatPanelHost extends ReactiveControllerHost, HTMLElement {
  readonly open: boolean;
}

export interface ChatPanelOptions {
  config: ConfigController;
  l10n: LocalizeController;
  /** The visitor asked to close the panel (Escape or the Close button). */
  onClose(): void;
}

/** The panel's styles, for cx-chat to adopt next to its own once this module has loaded. */
export const chatPanelStyles = [formStyles, conversationStyles, panelStyles];

/**
 * The chat panel of `<cx-chat>`: the visitor's hub connection, the conversation log and the
 * composer. cx-chat loads this module on first open. It is a controller rendering into
 * cx-chat's own shadow root, not an element, so the parts and the textbox with its label
 * stay there.
 */
export class ChatPanel implements ReactiveController {
  /** What the panel shows; change it through `show`, which re-renders cx-chat. */
  private view = { log: new LogEntries(), notice: '' };
  private conversationId: string | undefined;
  private subscription: Subscription | null = null;
  private loaded = false;
  private outbox: Outbox | null = null;
  // Connects as soon as the panel exists, that is on first open.
  private readonly hub = new HubController(this.host, this.options.config, {
    role: 'visitor',
    onConnection: () => this.reset(),
  });

  constructor(
    private readonly host: ChatPanelHost,
    private readonly options: ChatPanelOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.host.open && !this.loaded && this.hub.connection) void this.load(this.hub.connection);
  }

  render() {
    const { l10n } = this.options;
    const t = l10n.t.bind(l10n);
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
        <button class="quiet" @click=${() => this.options.onClose()}>${t('chat.close')}</button>
      </div>
      <!-- Always present (live regions announce changes, not their own appearance); collapsed while empty. -->
      <p class="status ${statusText ? '' : 'idle'}" part="status" role="status">${statusText}</p>
      ${renderLog(
        {
          entries: this.view.log.entries,
          l10n,
          selfId: this.hub.connection?.principal?.principalId,
          label: t('chat.messages'),
        },
        t('chat.empty'),
      )}
      ${this.view.notice ? html`<p class="status" role="alert">${this.view.notice}</p>` : nothing}
      ${renderComposer({ l10n, disabled: !this.hub.connection, onSend: (text) => this.send(text) })}
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
    this.conversationId = undefined;
    this.loaded = false;
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
    const outbox = this.outbox;
    const kept = outbox?.entries() ?? [];
    for (const entry of kept) {
      this.show({ log: this.view.log.pending(entry.id, entry.text, null) });
      if (entry.failed) {
        // Shown once as failed, then forgotten: resending cannot help.
        this.show({ log: this.view.log.failed(entry.id, entry.failed.message) });
        outbox!.remove(entry.id);
      }
    }
    try {
      const { conversations } = await connection.command('conversations.list', {});
      const latest = conversations
        .filter((conversation) => conversation.status !== 'closed')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (latest && !this.conversationId && connection === this.hub.connection)
        this.follow(latest.id);
      // Sent before a reload and never acknowledged: resend with the same ids, in order.
      const visitorId = connection.principal?.principalId;
      for (const entry of outbox?.unsent(visitorId) ?? []) void this.deliver(connection, entry);
    } catch (error) {
      this.show({
        notice: this.options.l10n.t('error.generic', { message: (error as HubError).message }),
      });
    }
  }

  private follow(conversationId: string): void {
    this.conversationId = conversationId;
    this.subscription?.unsubscribe();
    this.subscription = this.hub.connection!.subscribe(`conv:${conversationId}`, 0, {
      onEvent: (frame) => this.onEvent(frame),
      onError: (error) =>
        this.show({
          notice:
            error.code === 'stream.gap' ? this.options.l10n.t('chat.historyGap') : error.message,
        }),
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
    // After a close, the next message starts a new conversation.
    if ((frame.event as ConversationEvent).type === 'conversation.closed') {
      this.conversationId = undefined;
    }
  }

  private async send(text: string): Promise<void> {
    const connection = this.hub.connection;
    if (!connection) return;
    const id = newCommandId();
    const conversationId = this.conversationId;
    this.show({ log: this.view.log.pending(id, text, null), notice: '' });
    const entry = { id, text, createdAt: new Date().toISOString() };
    await this.deliver(connection, conversationId ? { ...entry, conversationId } : entry);
  }

  /** Sends through the outbox, which keeps the message until the hub acknowledges it. */
  private async deliver(connection: HubConnection, entry: OutboxEntry): Promise<void> {
    const { id, text } = entry;
    try {
      const result = await (this.outbox ?? new Outbox('')).send(connection, entry);
      if (connection !== this.hub.connection) return;
      this.show({ log: this.view.log.confirmed(result.message) });
      if (this.conversationId !== result.conversationId) this.follow(result.conversationId);
      this.host.dispatchEvent(
        messageSentEvent({ conversationId: result.conversationId, clientMessageId: id, text }),
      );
    } catch (error) {
      this.show({ log: this.view.log.failed(id, (error as HubError).message) });
    }
  }
}
