import type { ConversationEvent, EventFrame, Role } from '../../../protocol/index.js';
import type { HubConnection } from '../hub/hub-connection.js';

/** What the writer of a message sees of it once the hub stored it. */
export type ReceiptState = 'sent' | 'delivered' | 'read';

interface Positions {
  deliveredSeq: number;
  readSeq: number;
}

/**
 * Everyone's delivered and read positions in one conversation, from its
 * `conversation.receipt` events (replayed on subscribe, so they survive reloads).
 */
export class ReceiptPositions {
  readonly #readers = new Map<string, Positions & { role: Role }>();

  /** Takes a receipt event; true when it was one. */
  apply(frame: EventFrame): boolean {
    const event = frame.event as ConversationEvent;
    if (event.type !== 'conversation.receipt') return false;
    const key = `${event.reader.role}:${event.reader.id}`;
    const known = this.#readers.get(key);
    this.#readers.set(key, {
      role: event.reader.role,
      deliveredSeq: Math.max(known?.deliveredSeq ?? 0, event.deliveredSeq),
      readSeq: Math.max(known?.readSeq ?? 0, event.readSeq),
    });
    return true;
  }

  /** A message at `seq` as the other side (`readerRole`) has it: read by any of them wins. */
  stateOf(seq: number, readerRole: Role): ReceiptState {
    let state: ReceiptState = 'sent';
    for (const reader of this.#readers.values()) {
      if (reader.role !== readerRole) continue;
      if (reader.readSeq >= seq) return 'read';
      if (reader.deliveredSeq >= seq) state = 'delivered';
    }
    return state;
  }

  /** The positions `readerId` reported before (e.g. before a reload), so they are not sent again. */
  of(role: Role, readerId: string): Positions {
    const known = this.#readers.get(`${role}:${readerId}`);
    return { deliveredSeq: known?.deliveredSeq ?? 0, readSeq: known?.readSeq ?? 0 };
  }
}

/** Receipts wait this long so a burst of messages (or a replay) costs one command. */
export const receiptDelayMs = 400;

/**
 * Sends `chat.receipt` for one connection: coalesced per conversation, only when a position
 * advances past what was already sent, one command in flight per conversation.
 */
export class ReceiptReporter {
  readonly #sent = new Map<string, Positions>();
  readonly #wanted = new Map<string, Positions>();
  readonly #inFlight = new Set<string>();
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly connection: HubConnection,
    private readonly delayMs = receiptDelayMs,
  ) {}

  /** Positions already stored by the hub (replayed receipt events): nothing to send for them. */
  known(conversationId: string, positions: Positions): void {
    this.#raise(this.#sent, conversationId, positions);
  }

  /** This client received (`delivered`) or showed (`read`) the conversation up to `seq`. */
  report(conversationId: string, seq: number, state: 'delivered' | 'read'): void {
    this.#raise(this.#wanted, conversationId, {
      deliveredSeq: seq,
      readSeq: state === 'read' ? seq : 0,
    });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #flush(): void {
    for (const [conversationId, wanted] of this.#wanted) {
      if (this.#inFlight.has(conversationId)) continue;
      const sent = this.#sent.get(conversationId) ?? { deliveredSeq: 0, readSeq: 0 };
      const state = wanted.readSeq > sent.readSeq ? 'read' : 'delivered';
      const seq = state === 'read' ? wanted.readSeq : wanted.deliveredSeq;
      if (state === 'delivered' && seq <= sent.deliveredSeq) {
        this.#wanted.delete(conversationId);
        continue;
      }
      this.#inFlight.add(conversationId);
      this.connection
        .command('chat.receipt', { conversationId, seq, state })
        .then((result) => this.known(conversationId, result))
        // A lost receipt is only a late "Read": the next message or view reports again.
        .catch(() =>
          this.known(
            conversationId,
            state === 'read'
              ? { deliveredSeq: seq, readSeq: seq }
              : { deliveredSeq: seq, readSeq: 0 },
          ),
        )
        .finally(() => {
          this.#inFlight.delete(conversationId);
          this.#flush();
        });
    }
  }

  #raise(map: Map<string, Positions>, conversationId: string, positions: Positions): void {
    const known = map.get(conversationId);
    map.set(conversationId, {
      deliveredSeq: Math.max(known?.deliveredSeq ?? 0, positions.deliveredSeq),
      readSeq: Math.max(known?.readSeq ?? 0, positions.readSeq),
    });
  }
}
