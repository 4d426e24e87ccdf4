/** Chat data shapes shared by widgets and hub. Types only. */
import type { StoredJourneyEvent } from './context.js';
import type { OfflineContact } from './queues.js';
import type { ConversationRating, PrechatAnswers } from './end-of-chat.js';

export type Role = 'visitor' | 'agent';

export type ConversationStatus = 'waiting' | 'active' | 'closed';

export interface ChatMessage {
  /** Hub-assigned id. */
  id: string;
  conversationId: string;
  /** The client's idempotency key for the send that created it. */
  clientMessageId: string;
  author: { role: Role; id: string; name?: string };
  /** May be empty when the message carries attachments. */
  text: string;
  /** ISO 8601, hub clock. */
  createdAt: string;
  /** Agent messages: buttons the visitor may tap to answer with that label. */
  quickReplies?: string[];
  /** Files uploaded before the send (images, PDFs). */
  attachments?: AttachmentRef[];
}

/** What a message carries besides its text; the hub checks each part. */
export interface MessageExtras {
  quickReplies?: string[];
  attachments?: AttachmentRef[];
}

/** A file attached to a message. `url` is signed by the hub and served as a download. */
export interface AttachmentRef {
  id: string;
  /** The file name as uploaded, for display only. */
  name: string;
  /** The type the hub found in the file's bytes (never the name's extension). */
  type: string;
  size: number;
  url: string;
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
  /** Who wrote the latest message, and when (ISO 8601): "waiting for your reply" on the desk. */
  lastFrom?: Role;
  lastAt?: string;
  /** Last sequence number of the conversation's stream `conv:<id>`. */
  lastSeq: number;
  /**
   * The agent routing offered this waiting conversation to (longest idle, or a transfer's
   * target). Any available agent may still accept it.
   */
  offeredTo: string | null;
  /** The queue it waits or waited in; absent means the site's first queue. */
  queueId?: string;
  /** Set on a message left outside business hours: who to answer. Never routed to an agent. */
  offline?: OfflineContact;
  /** The pre-chat form's answers (for a verified customer: name and email from the identity token). */
  prechat?: PrechatAnswers;
  /** The visitor's rating after the chat, once given. */
  rating?: ConversationRating;
  /** The visitor's address stopped the answer emails (the link in one): answers stay here. */
  emailStopped?: true;
}

export type AgentStatus = 'available' | 'away';

/** An agent of a site as the desk shows it. */
export interface AgentPresence {
  id: string;
  name: string | null;
  status: AgentStatus;
  /** Active conversations the agent handles now. */
  activeChats: number;
}

/** A site's canned response: typing `shortcut` in the agent's composer offers `text`. */
export interface CannedResponse {
  /** Starts with "/", e.g. "/hello". */
  shortcut: string;
  text: string;
  /** Quick-reply buttons the reply offers the visitor when sent (agents may still edit them). */
  quickReplies?: string[];
}

/** Events carried on `conv:<id>` streams. */
export type ConversationEvent =
  | { type: 'message.created'; message: ChatMessage }
  | { type: 'conversation.accepted'; conversationId: string; agentId: string; agentName: string }
  | { type: 'conversation.closed'; conversationId: string }
  /** Agents only: an internal note (also a transfer's note). Visitors get `hidden` in its place. */
  | { type: 'note.created'; note: ChatMessage }
  /** The conversation went back to the queue or to another agent; carries nothing internal. */
  | { type: 'conversation.transferred'; conversationId: string }
  /** What a visitor receives in place of an agents-only event: the seq, without content. */
  | { type: 'hidden' }
  /**
   * How far one participant's client got (see `chat.receipt`): it received every event up to
   * `deliveredSeq` and showed the visitor or agent every event up to `readSeq`. Both only grow.
   */
  | {
      type: 'conversation.receipt';
      conversationId: string;
      reader: { role: Role; id: string; name?: string };
      deliveredSeq: number;
      readSeq: number;
    };

/** Events carried on `desk:<siteKey>` streams (what every agent of a site sees). */
export type DeskEvent =
  | { type: 'conversation.queued'; conversation: ConversationSummary }
  | { type: 'conversation.updated'; conversation: ConversationSummary }
  | { type: 'agent.updated'; agent: AgentPresence };

/** Events carried on `visitor:<visitorId>` streams (agents of the site only): the live journey. */
export type VisitorEvent = {
  type: 'journey.appended';
  visitorId: string;
  /**
   * Whose events these are: the customer the batch's identity token verified, or null
   * (anonymous). Absent on events stored before the hub said so.
   */
  customerId?: string | null;
  events: StoredJourneyEvent[];
};

export type StreamEvent = ConversationEvent | DeskEvent | VisitorEvent;

/**
 * Ephemeral news on a stream: not stored and without a seq, so only the sockets subscribed
 * at that moment get it, and a late one is simply stale. For what is true only now.
 */
export type StreamSignal =
  /** Someone is typing in a conversation (`conv:` streams); `active: false` when they stopped. */
  | {
      type: 'typing';
      conversationId: string;
      author: { role: Role; id: string; name?: string };
      active: boolean;
    }
  /** A waiting conversation's place in its queue (`conv:` streams). */
  | {
      type: 'queue.position';
      conversationId: string;
      position: number;
      etaSeconds: number | null;
    };
