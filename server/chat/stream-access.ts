import type { EventFrame } from '../../protocol/index.js';
import { HubError } from '../errors.js';
import { authorizeVisitorStream } from '../journey/index.js';
import type { FrameView, StreamAuthorizer } from '../realtime/command-types.js';
import { parseStream } from '../streams/index.js';
import { findConversation } from './conversation-store.js';
import { visitorMayAccess } from './customer/access.js';

/** Conversation events only agents may read; a visitor gets `hidden` with the same seq. */
const agentsOnly = new Set(['note.created']);

/** What a visitor sees of a `conv:` stream: no internal notes, and no holes in the seqs. */
export const visitorView: FrameView = (frame: EventFrame) =>
  agentsOnly.has(frame.event.type) ? { ...frame, event: { type: 'hidden' } } : frame;

/**
 * Visitors: their own conversations (and, verified, their customer's: see `visitorMayAccess`),
 * seen through `visitorView`. Agents: any conversation
 * of their site, its desk and its visitors' journeys.
 */
export const authorizeChatStream: StreamAuthorizer = async (storage, principal, stream) => {
  const parsed = parseStream(stream);
  if (!parsed) throw new HubError('protocol.invalid_message', `unknown stream ${stream}`);
  if (parsed.kind === 'desk') {
    if (principal.role !== 'agent' || parsed.siteKey !== principal.siteKey) {
      throw new HubError('auth.forbidden', 'only agents of this site may follow its desk');
    }
    return;
  }
  if (parsed.kind === 'visitor')
    return authorizeVisitorStream(storage, principal, parsed.visitorId);
  const conversation = await findConversation(storage, principal.siteKey, parsed.conversationId);
  if (!conversation)
    throw new HubError(
      'conversation.not_found',
      `no conversation ${parsed.conversationId} on this site`,
    );
  if (principal.role === 'agent') return;
  if (!visitorMayAccess(principal, conversation)) {
    throw new HubError('auth.forbidden', 'this conversation belongs to another visitor');
  }
  return visitorView;
};
