import type { ReactiveControllerHost } from 'lit';
import { ConversationLive } from '../core/conversation/conversation-live.js';
import { ReceiptReporter } from '../core/conversation/receipts.js';
import type { HubConnection } from '../core/hub/hub-connection.js';

/**
 * The inbox's typing and receipts: a `ConversationLive` for the selected conversation (shown,
 * so read while the tab is visible) and "delivered" for the agent's other conversations, whose
 * messages reach the desk through the preview feeds. One receipt reporter per connection.
 */
export class InboxLive {
  current: ConversationLive | null = null;
  #reporter: ReceiptReporter | null = null;
  #connection: HubConnection | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Follows `conversationId` (or nothing) on `connection`; returns its live state. */
  follow(connection: HubConnection | null, conversationId: string): ConversationLive | null {
    this.current?.dispose();
    this.current = null;
    if (!connection || !conversationId) return null;
    this.current = new ConversationLive({
      connection,
      conversationId,
      reporter: this.#reporterFor(connection),
      shown: () => this.host.isConnected,
      onChange: () => this.host.requestUpdate(),
    });
    return this.current;
  }

  /** A message of one of the agent's conversations reached this client. */
  delivered(connection: HubConnection | null, conversationId: string, seq: number): void {
    if (connection) this.#reporterFor(connection).report(conversationId, seq, 'delivered');
  }

  #reporterFor(connection: HubConnection): ReceiptReporter {
    if (connection !== this.#connection || !this.#reporter) {
      this.#reporter?.dispose();
      this.#reporter = new ReceiptReporter(connection);
      this.#connection = connection;
    }
    return this.#reporter;
  }
}
