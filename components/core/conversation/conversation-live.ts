import type { ConversationEvent, EventFrame, SignalFrame } from '../../../protocol/index.js';
import type { HubConnection } from '../hub/hub-connection.js';
import { ReceiptPositions, type ReceiptReporter } from './receipts.js';
import { TypingReporter, TypingWatcher } from './typing.js';

export interface ConversationLiveOptions {
  connection: HubConnection;
  conversationId: string;
  /** Shared by the widget's conversations, so receipts are coalesced per connection. */
  reporter: ReceiptReporter;
  /** Whether the conversation is on screen (panel open, conversation selected); the tab's visibility is checked here. */
  shown(): boolean;
  /** Something shown changed (who is typing, a receipt). */
  onChange(): void;
}

/**
 * What is live about one followed conversation besides its messages: who is typing (both
 * ways) and the receipts (this side's sent, the other side's shown). Feed it the stream's
 * events and signals; call `seen()` when `shown()` may have changed.
 */
export class ConversationLive {
  readonly receipts = new ReceiptPositions();
  readonly typing: TypingWatcher;
  readonly #typingReporter: TypingReporter;
  /** The latest message of the other side: what this client has received (and maybe shown). */
  #latestSeq = 0;

  constructor(private readonly options: ConversationLiveOptions) {
    this.typing = new TypingWatcher(() => this.#selfId, options.onChange);
    this.#typingReporter = new TypingReporter((active) => {
      const { connection, conversationId } = this.options;
      // Typing is a courtesy: a lost one is not worth an error on screen.
      connection.command('chat.typing', { conversationId, active }).catch(() => {});
    });
    document.addEventListener('visibilitychange', this.seen);
  }

  get conversationId(): string {
    return this.options.conversationId;
  }

  get #selfId(): string | undefined {
    return this.options.connection.principal?.principalId;
  }

  /** Each event of `conv:<conversationId>`, in seq order. */
  onEvent(frame: EventFrame): void {
    const event = frame.event as ConversationEvent;
    if (this.receipts.apply(frame)) {
      const self = this.options.connection.principal;
      if (self && event.type === 'conversation.receipt' && event.reader.id === self.principalId)
        this.options.reporter.known(this.conversationId, event);
      this.options.onChange();
      return;
    }
    if (event.type !== 'message.created') return;
    this.typing.ended(event.message.author.id);
    if (event.message.author.id === this.#selfId) return;
    this.#latestSeq = frame.seq;
    this.seen();
  }

  onSignal(frame: SignalFrame): void {
    if (frame.signal.type === 'typing' && frame.signal.conversationId === this.conversationId)
      this.typing.signal(frame.signal);
  }

  /** Reports what this client has: read when on screen in a visible tab, else delivered. */
  readonly seen = (): void => {
    if (!this.#latestSeq) return;
    const read = this.options.shown() && document.visibilityState === 'visible';
    this.options.reporter.report(this.conversationId, this.#latestSeq, read ? 'read' : 'delivered');
  };

  /** The local draft changed: tell the other side we type (throttled), or that we stopped. */
  typed(hasText: boolean): void {
    this.#typingReporter.input(hasText);
  }

  /** Sent, left the box, or switched to writing something the other side must not know of. */
  stoppedTyping(): void {
    this.#typingReporter.stop();
  }

  dispose(): void {
    this.#typingReporter.stop();
    this.typing.clear();
    document.removeEventListener('visibilitychange', this.seen);
  }
}
