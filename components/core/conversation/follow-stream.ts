import type { EventFrame, SignalFrame } from '../../../protocol/index.js';
import type { HubConnection, StreamListener, Subscription } from '../hub/hub-connection.js';

export interface ConversationStreamHandlers {
  onEvent(frame: EventFrame): void;
  onSignal(frame: SignalFrame): void;
  /** The hub refused the stream: a line for whoever reads the conversation. */
  onNotice(message: string): void;
  /** What they read when the conversation's early events are no longer kept. */
  gapNotice(): string;
}

/**
 * Follows a conversation's `conv:` stream from its start. When its early events are no
 * longer kept (`stream.gap`), says so and goes on live from the latest seq. The returned
 * subscription stops whichever of the two is current.
 */
export function followConversationStream(
  connection: HubConnection,
  conversationId: string,
  handlers: ConversationStreamHandlers,
): Subscription {
  const stream = `conv:${conversationId}` as const;
  const listener: StreamListener = {
    onEvent: (frame) => handlers.onEvent(frame),
    onSignal: (frame) => handlers.onSignal(frame),
    onError: (error) => {
      if (error.code !== 'stream.gap' || error.lastSeq === undefined)
        return handlers.onNotice(error.message);
      handlers.onNotice(handlers.gapNotice());
      current.unsubscribe();
      current = connection.subscribe(stream, error.lastSeq, {
        ...listener,
        onError: (again) => handlers.onNotice(again.message),
      });
    },
  };
  let current = connection.subscribe(stream, 0, listener);
  return { unsubscribe: () => current.unsubscribe() };
}
