import type { ConversationSummary, OfflineContact } from '../../../protocol/index.js';

/** The columns `summarySelect` reads for the queue and a message left outside hours. */
export interface QueueColumns {
  queue_id: string;
  offline_contact: OfflineContact | string | null;
}

/** The queue of a summary row and, for a message left outside hours, its contact. */
export function queueFields(row: QueueColumns): Pick<ConversationSummary, 'queueId' | 'offline'> {
  // PGlite and pg both parse jsonb; a string would be a driver that does not.
  const contact =
    typeof row.offline_contact === 'string'
      ? (JSON.parse(row.offline_contact) as OfflineContact)
      : row.offline_contact;
  return { queueId: row.queue_id, ...(contact ? { offline: contact } : {}) };
}
