import { customerIdOf } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { ReadCommand } from '../realtime/command-types.js';
import { deskStream, lastSeq } from '../streams/index.js';
import {
  openConversations,
  searchConversations,
  visitorConversations,
} from './conversation-store.js';
import { customerOpenConversations } from './customer/access.js';
import { sitePresence } from './presence-store.js';
import {
  conversationsListSchema,
  conversationsSearchSchema,
  deskSnapshotSchema,
} from './schemas.js';
import type { DeskSettingsOf } from './settings.js';

/** Most conversations one search returns. */
export const searchLimit = 50;

/**
 * `desk.snapshot`: the site's open conversations, its agents, the desk settings and the
 * desk stream's seq to subscribe after.
 */
export function deskSnapshot(settingsOf: DeskSettingsOf): ReadCommand {
  return {
    kind: 'read',
    schema: deskSnapshotSchema,
    async run(storage, principal) {
      if (principal.role !== 'agent')
        throw new HubError('auth.forbidden', 'only agents see the desk');
      // Seq first: a change racing the snapshot is then replayed again (harmless), never missed.
      const seq = await lastSeq(storage, deskStream(principal.siteKey));
      const conversations = await openConversations(storage, principal.siteKey);
      const agents = await sitePresence(storage, principal.siteKey);
      return { seq, conversations, agents, ...settingsOf(principal.siteKey) };
    },
  };
}

/**
 * `conversations.list`: the visitor's own conversations and, for a session verified as a
 * customer, the open ones the customer started on other devices. Another customer's (one
 * who signed out of this browser) are not listed.
 */
export const conversationsList: ReadCommand = {
  kind: 'read',
  schema: conversationsListSchema,
  async run(storage, principal) {
    if (principal.role !== 'visitor')
      throw new HubError('auth.forbidden', 'conversations.list is for visitors');
    const own = await visitorConversations(
      storage,
      principal.siteKey,
      principal.id,
      customerIdOf(principal),
    );
    return { conversations: [...(await customerOpenConversations(storage, principal)), ...own] };
  },
};

/** `conversations.search`: agents find conversations of their site by the text of a message or note. */
export const conversationsSearch: ReadCommand = {
  kind: 'read',
  schema: conversationsSearchSchema,
  async run(storage, principal, command) {
    if (principal.role !== 'agent')
      throw new HubError('auth.forbidden', 'only agents search conversations');
    const query = (command.query as string).trim();
    if (!query)
      throw new HubError('protocol.invalid_message', 'conversations.search: query is blank');
    return {
      conversations: await searchConversations(storage, principal.siteKey, query, searchLimit),
    };
  },
};
