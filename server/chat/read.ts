import { HubError } from '../errors.js';
import type { ReadCommand } from '../realtime/command-types.js';
import { deskStream, lastSeq } from '../streams/index.js';
import { openConversations, visitorConversations } from './conversation-store.js';
import { conversationsListSchema, deskSnapshotSchema } from './schemas.js';

/** `desk.snapshot`: the site's open conversations and the desk stream's seq to subscribe after. */
export const deskSnapshot: ReadCommand = {
  kind: 'read',
  schema: deskSnapshotSchema,
  async run(storage, principal) {
    if (principal.role !== 'agent')
      throw new HubError('auth.forbidden', 'only agents see the desk');
    // Seq first: a change racing the snapshot is then replayed again (harmless), never missed.
    const seq = await lastSeq(storage, deskStream(principal.siteKey));
    const conversations = await openConversations(storage, principal.siteKey);
    return { seq, conversations };
  },
};

/** `conversations.list`: the visitor's own conversations. */
export const conversationsList: ReadCommand = {
  kind: 'read',
  schema: conversationsListSchema,
  async run(storage, principal) {
    if (principal.role !== 'visitor')
      throw new HubError('auth.forbidden', 'conversations.list is for visitors');
    return { conversations: await visitorConversations(storage, principal.siteKey, principal.id) };
  },
};
