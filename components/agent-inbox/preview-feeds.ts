import type { ChatMessage, ConversationEvent, ConversationSummary } from '../../protocol/index.js';
import type { HubConnection, Subscription } from '../core/hub/hub-connection.js';

/**
 * Follows the `conv:` streams of the agent's own conversations for their latest message:
 * the hub does not put every message on the desk stream (see docs/protocol.md, Previews).
 */
export class PreviewFeeds {
  readonly #subscriptions = new Map<string, Subscription>();
  #connection: HubConnection | null = null;

  constructor(
    private readonly onPreview: (id: string, message: ChatMessage, seq: number) => void,
  ) {}

  /** Subscribes to conversations that became the agent's, drops those that no longer are. */
  follow(connection: HubConnection, mine: readonly ConversationSummary[]): void {
    if (connection !== this.#connection) this.stopAll();
    this.#connection = connection;
    const wanted = new Map(mine.map((c) => [c.id, c]));
    for (const [id, subscription] of this.#subscriptions) {
      if (wanted.has(id)) continue;
      subscription.unsubscribe();
      this.#subscriptions.delete(id);
    }
    for (const [id, conversation] of wanted) {
      if (this.#subscriptions.has(id)) continue;
      const subscription = connection.subscribe(`conv:${id}`, conversation.lastSeq, {
        onEvent: (frame) => {
          const event = frame.event as ConversationEvent;
          if (event.type === 'message.created') this.onPreview(id, event.message, frame.seq);
        },
      });
      this.#subscriptions.set(id, subscription);
    }
  }

  stopAll(): void {
    for (const subscription of this.#subscriptions.values()) subscription.unsubscribe();
    this.#subscriptions.clear();
    this.#connection = null;
  }
}
