import type { CommandResults, ConversationStart } from '../../../protocol/index.js';
import type { HubConnection, HubError } from './hub-connection.js';

/** A `chat.send` kept until the hub acknowledges it. */
export interface OutboxEntry {
  /** The command id: every resend uses it, so the hub stores the message once. */
  id: string;
  conversationId?: string;
  text: string;
  createdAt: string;
  /** Files uploaded before the send (`POST /api/v1/attachments`). */
  attachmentIds?: string[];
  /** How to open the conversation if this message starts one (`chat.send`'s `start`). */
  start?: ConversationStart;
  /** Who sent it, once known: another visitor's entries are never sent. */
  visitorId?: string;
  /** The customer the sender was signed in as: sent only while the same one is. */
  customerId?: string | null;
  /** Set when the hub refused it for good. */
  failed?: HubError;
}

/** Refusals a resend cannot change; anything else (offline, `internal`, `rate.limited`) is retried. */
const finalCodes = new Set([
  'protocol.invalid_message',
  'conversation.closed',
  'auth.forbidden',
  'attachment.not_found',
  'attachment.already_attached',
  'queue.not_found',
  'prechat.invalid',
]);

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Unsent chat messages in web storage, so they survive a reload and are sent after it,
 * each with its original command id (docs/protocol.md: the hub dedupes by id, so a message
 * sent before the reload and resent after it is stored once).
 */
export class Outbox {
  private readonly storage: KeyValueStorage;

  /** Without storage (a fake hub), entries live as long as the page. */
  constructor(
    readonly key: string,
    storage?: KeyValueStorage,
  ) {
    this.storage = storage ?? memoryStorage();
  }

  /** One outbox per hub and site; entries name their visitor. */
  static keyFor(hub: string, siteKey: string): string {
    return `cxkit:outbox:${hub}|${siteKey}`;
  }

  entries(): OutboxEntry[] {
    try {
      const entries = JSON.parse(this.storage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(entries) ? (entries as OutboxEntry[]) : [];
    } catch {
      return []; // unreadable (edited by hand, another version): start empty
    }
  }

  /**
   * The entries that are not another customer's: a signed-in customer's wait for them, so
   * whoever uses the browser after they signed out neither sees nor sends their words.
   */
  entriesOf(customerId: string | null): OutboxEntry[] {
    return this.entries().filter((entry) => !entry.customerId || entry.customerId === customerId);
  }

  /** Entries still to send for `visitorId` (signed in as `customerId`), oldest first. */
  unsent(visitorId: string | undefined, customerId: string | null = null): OutboxEntry[] {
    return this.entriesOf(customerId).filter(
      (entry) => !entry.failed && (!entry.visitorId || entry.visitorId === visitorId),
    );
  }

  /**
   * Keeps `entry`, sends it, and forgets it once acknowledged. A final refusal marks it
   * failed; other errors leave it for the next resend. Rejects with the hub's error.
   */
  async send(connection: HubConnection, entry: OutboxEntry): Promise<CommandResults['chat.send']> {
    const { principal } = connection;
    const kept = {
      ...entry,
      visitorId: entry.visitorId ?? principal?.principalId,
      customerId: entry.customerId ?? principal?.customerId,
    };
    this.put(kept);
    const { conversationId, text, attachmentIds, start } = entry;
    try {
      const result = await connection.command(
        'chat.send',
        {
          text,
          ...(conversationId ? { conversationId } : {}),
          ...(attachmentIds?.length ? { attachmentIds } : {}),
          ...(start && !conversationId ? { start } : {}),
        },
        entry.id,
      );
      this.remove(entry.id);
      return result;
    } catch (error) {
      const { code, message } = error as HubError;
      if (finalCodes.has(code)) this.put({ ...kept, failed: { code, message } });
      throw error;
    }
  }

  remove(id: string): void {
    this.write(this.entries().filter((entry) => entry.id !== id));
  }

  private put(entry: OutboxEntry): void {
    const entries = this.entries();
    const index = entries.findIndex((each) => each.id === entry.id);
    if (index === -1) entries.push(entry);
    else entries[index] = entry;
    this.write(entries);
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify(entries));
  }
}

function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}
