import type { EventFrame } from '../../protocol/index.js';
import type { AttachmentPicker } from '../core/conversation/attachment-picker.js';
import { messageSentEvent } from '../core/conversation/events.js';
import { LogEntries } from '../core/conversation/log-entries.js';
import { newCommandId } from '../core/hub/command-id.js';
import { followConversationStream } from '../core/conversation/follow-stream.js';
import type { HubConnection, HubError, Subscription } from '../core/hub/hub-connection.js';
import type { InboxLive } from './inbox-live.js';

export interface OpenConversationOptions {
  /** Re-renders the inbox and receives `cx-message-sent`. */
  host: HTMLElement & { requestUpdate(): void };
  live: InboxLive;
  attachments: AttachmentPicker;
  /** The conversation open now: an answer for one left meanwhile leaves the log alone. */
  selected(): string;
  notice(message: string): void;
  /** What the agent reads when the conversation's early events are no longer kept. */
  historyGapNotice(): string;
}

/**
 * The conversation open on the desk: its log from its `conv:` stream (live typing and
 * receipts through `InboxLive`), and the agent's replies and notes going into it.
 */
export class OpenConversation {
  log = new LogEntries();
  #subscription: Subscription | null = null;

  constructor(private readonly options: OpenConversationOptions) {}

  /** Follows `conversationId` (or nothing) on `connection`, from an empty log. */
  follow(connection: HubConnection | null, conversationId: string): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#setLog(new LogEntries());
    const live = this.options.live.follow(connection, conversationId);
    if (!connection || !live) return;
    this.#subscription = followConversationStream(connection, conversationId, {
      onEvent: (frame) => this.#onEvent(frame),
      onSignal: (frame) => live.onSignal(frame),
      onNotice: (message) => this.options.notice(message),
      gapNotice: () => this.options.historyGapNotice(),
    });
  }

  async send(
    connection: HubConnection,
    conversationId: string,
    text: string,
    quickReplies: readonly string[],
  ): Promise<void> {
    const { attachments, host } = this.options;
    const id = newCommandId();
    const files = attachments.hasFiles ? attachments.take() : null;
    this.#setLog(this.log.pending(id, text, null).withAttachments(id, files?.pending ?? []));
    const extras = quickReplies.length ? { quickReplies: [...quickReplies] } : {};
    try {
      const attachmentIds = (await files?.ids) ?? [];
      if (attachmentIds.length) Object.assign(extras, { attachmentIds });
      const result = await connection.command('chat.send', { conversationId, text, ...extras }, id);
      if (this.options.selected() === conversationId)
        this.#setLog(this.log.confirmed(result.message, false, result.seq));
      host.dispatchEvent(messageSentEvent({ conversationId, clientMessageId: id, text }));
    } catch (error) {
      this.#setLog(this.log.failed(id, (error as HubError).message));
    }
  }

  async addNote(connection: HubConnection, conversationId: string, text: string): Promise<void> {
    const id = newCommandId();
    this.#setLog(this.log.pending(id, text, null, true));
    try {
      const result = await connection.command('chat.note', { conversationId, text }, id);
      if (this.options.selected() === conversationId)
        this.#setLog(this.log.confirmed(result.note, true));
    } catch (error) {
      this.#setLog(this.log.failed(id, (error as HubError).message));
    }
  }

  #onEvent(frame: EventFrame): void {
    this.#setLog(this.log.withEvent(frame));
    this.options.live.current?.onEvent(frame);
  }

  #setLog(log: LogEntries): void {
    this.log = log;
    this.options.host.requestUpdate();
  }
}
