/** Chat data shapes shared by widgets and hub. Types only. */
import type { StoredJourneyEvent } from './context.js';

export type Role = 'visitor' | 'agent';

export type ConversationStatus = 'waiting' | 'active' | 'closed';

export interface ChatMessage {
  /** Hub-assigned id. */
  id: string;
  conversationId: string;
  /** The client's idempotency key for the send that created it. */
  clientMessageId: string;
  author: { role: Role; id: string; name?: string };
  text: string;
  /** ISO 8601, hub clock. */
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  status: ConversationStatus;
  visitorId: string;
  agentId: string | null;
  agentName: string | null;
  createdAt: string;
  /** Text of the latest message, for previews. */
  lastText: string | null;
  /** Last sequence number of the conversation's stream `conv:<id>`. */
  lastSeq: number;
}

/** Events carried on `conv:<id>` streams. */
export type ConversationEvent =
  | { type: 'message.created'; message: ChatMessage }
  | { type: 'conversation.accepted'; conversationId: string; agentId: string; agentName: string }
  | { type: 'conversation.closed'; conversationId: string };

/** Events carried on `desk:<siteKey>` streams (what every agent of a site sees). */
export type DeskEvent =
  | { type: 'conversation.queued'; conversation: ConversationSummary }
  | { type: 'conversation.updated'; conversation: ConversationSummary };

/** Events carried on `visitor:<visitorId>` streams (agents of the site only): the live journey. */
export type VisitorEvent = {
  type: 'journey.appended';
  visitorId: string;
  events: StoredJourneyEvent[];
};

export type StreamEvent = ConversationEvent | DeskEvent | VisitorEvent;
