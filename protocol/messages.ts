/** Client commands and server frames (protocol v1). Types only. */
import type { ErrorBody, ProtocolVersion, StreamName } from './envelope.js';
import type {
  AgentPresence,
  AgentStatus,
  CannedResponse,
  ChatMessage,
  ConversationSummary,
  Role,
  StreamEvent,
  StreamSignal,
} from './chat.js';
import type { CustomerContext } from './context.js';
import type { ConversationRating, VerifiedCustomer } from './end-of-chat.js';
import type { ChatStatus, QueueRef } from './queues.js';

interface CommandBase {
  v: ProtocolVersion;
  /** Client-generated id (UUID). It is the idempotency key: a retry with the same id gets the same result. */
  id: string;
}

export interface HelloCommand extends CommandBase {
  type: 'hello';
  /** Visitor or agent token issued by the hub's HTTP API. */
  token: string;
  /**
   * Visitors: the signed-in customer's identity token (`<cx-config identity-token>`). A
   * verified customer's conversations are reached only by sessions that present it.
   */
  identityToken?: string;
}
export interface SubscribeCommand extends CommandBase {
  type: 'subscribe';
  stream: StreamName;
  /** Last sequence number the client has seen on this stream; 0 for everything. */
  after: number;
}
export interface UnsubscribeCommand extends CommandBase {
  type: 'unsubscribe';
  stream: StreamName;
}
export interface ChatSendCommand extends CommandBase {
  type: 'chat.send';
  /** Omit to continue the visitor's open conversation or start a new one (visitors only). */
  conversationId?: string;
  /** 1–4000 characters; may be empty when `attachmentIds` is given. */
  text: string;
  /** Agents only: labels of buttons the visitor may tap to answer. */
  quickReplies?: string[];
  /** Ids returned by `POST /api/v1/attachments` for this principal. */
  attachmentIds?: string[];
  /** Visitors: how to open the conversation when this send starts one (ignored otherwise). */
  start?: ConversationStart;
}

/** What a visitor chooses before the first message: the queue, and the pre-chat form's answers. */
export interface ConversationStart {
  /** One of the site's queues; default its first. */
  queueId?: string;
  /** Pre-chat answers by field name (`name`, `email`, `topic`, ...), as configured for the site. */
  prechat?: Record<string, string>;
  /** BCP 47 tag of the visitor's widget, e.g. `ko-KR`: emails to the visitor use it. */
  locale?: string;
  /** The visitor's IANA zone, e.g. `Asia/Seoul`: times in emails to them use it. */
  timeZone?: string;
}
export interface ChatAcceptCommand extends CommandBase {
  type: 'chat.accept';
  conversationId: string;
}
/** Agents: take part in routing (`available`) or not (`away`). */
export interface AgentPresenceCommand extends CommandBase {
  type: 'agent.presence';
  status: AgentStatus;
}
/** The handling agent hands the conversation to another agent, or back to the queue without `toAgentId`. */
export interface ChatTransferCommand extends CommandBase {
  type: 'chat.transfer';
  conversationId: string;
  toAgentId?: string;
  /** Moves it to another queue of the site (with or without `toAgentId`). */
  toQueueId?: string;
  /** Internal: only agents see it. */
  note: string;
}
/** A queue's hours and, for a waiting conversation, its place in line (visitors: their own). */
export interface ChatStatusCommand extends CommandBase {
  type: 'chat.status';
  /** The conversation to rank; its queue is the one reported. */
  conversationId?: string;
  /** Without a conversation: the queue to report on (default the site's first). */
  queueId?: string;
}
/** Visitors, outside business hours: a message the agents answer later (an offline conversation). */
export interface ChatLeaveMessageCommand extends CommandBase {
  type: 'chat.leaveMessage';
  queueId?: string;
  /** 1–200 characters. */
  name: string;
  email: string;
  text: string;
  /** BCP 47 tag and IANA zone of the widget: the emailed answer speaks and dates in them. */
  locale?: string;
  timeZone?: string;
}
export interface ChatCloseCommand extends CommandBase {
  type: 'chat.close';
  conversationId: string;
}
/** Agents: an internal note, never delivered to the visitor. */
export interface ChatNoteCommand extends CommandBase {
  type: 'chat.note';
  conversationId: string;
  text: string;
}
/**
 * Someone started (`active`) or stopped typing a message in a conversation they may write in.
 * Ephemeral: the hub tells the other participants subscribed now and stores nothing.
 */
export interface ChatTypingCommand extends CommandBase {
  type: 'chat.typing';
  conversationId: string;
  active: boolean;
}
/**
 * The client received (`delivered`) or showed (`read`) every event of `conv:<conversationId>`
 * up to `seq`. Positions only grow; a receipt that advances nothing stores and announces nothing.
 */
export interface ChatReceiptCommand extends CommandBase {
  type: 'chat.receipt';
  conversationId: string;
  seq: number;
  state: 'delivered' | 'read';
}
/** Agents: past and open conversations of the site whose messages contain `query`. */
export interface ConversationsSearchCommand extends CommandBase {
  type: 'conversations.search';
  query: string;
}
export interface DeskSnapshotCommand extends CommandBase {
  type: 'desk.snapshot';
}
export interface ConversationsListCommand extends CommandBase {
  type: 'conversations.list';
}

/** Agents only: what the customer card shows. Give exactly one of the ids. */
export interface ContextGetCommand extends CommandBase {
  type: 'context.get';
  conversationId?: string;
  visitorId?: string;
  customerId?: string;
}

export type ClientCommand =
  | HelloCommand
  | SubscribeCommand
  | UnsubscribeCommand
  | ChatSendCommand
  | ChatAcceptCommand
  | AgentPresenceCommand
  | ChatTransferCommand
  | ChatStatusCommand
  | ChatLeaveMessageCommand
  | ChatCloseCommand
  | ChatNoteCommand
  | ChatTypingCommand
  | ChatReceiptCommand
  | ConversationsSearchCommand
  | DeskSnapshotCommand
  | ConversationsListCommand
  | ContextGetCommand
  | VisitorIdentifyCommand
  | ChatRateCommand
  | ChatTranscriptCommand;

/** Visitors: the identity token of a signed-in customer (`<cx-config identity-token>`). */
export interface VisitorIdentifyCommand extends CommandBase {
  type: 'visitor.identify';
  identityToken: string;
}
/** Visitors: rate a conversation that has ended. */
export interface ChatRateCommand extends CommandBase {
  type: 'chat.rate';
  conversationId: string;
  /** 1 (very poor) to 5 (excellent). */
  score: number;
  /** At most 1000 characters. */
  comment?: string;
}
/** Visitors: email the conversation's transcript. */
export interface ChatTranscriptCommand extends CommandBase {
  type: 'chat.transcript';
  conversationId: string;
  email: string;
  /** The widget's locale (the email's language) and the visitor's time zone (its times). */
  locale?: string;
  timeZone?: string;
}

export type CommandType = ClientCommand['type'];

/** What the `result` of an `ack` holds, per command type. */
export interface CommandResults {
  hello: {
    role: Role;
    principalId: string;
    name: string | null;
    siteKey: string;
    /** The customer the session is verified as (`identityToken`), else null. */
    customerId: string | null;
    /** Why the identity token was not taken (expired, bad): the session goes on unverified. */
    identityRefused?: ErrorBody;
  };
  subscribe: { stream: StreamName; lastSeq: number };
  unsubscribe: { stream: StreamName };
  'chat.send': { conversationId: string; message: ChatMessage; seq: number };
  'chat.accept': { conversation: ConversationSummary };
  'agent.presence': { agent: AgentPresence };
  'chat.transfer': { conversation: ConversationSummary };
  'chat.status': ChatStatus;
  'chat.leaveMessage': {
    conversationId: string;
    message: ChatMessage;
    seq: number;
    /** The email given followed a link that stops our answer emails: the answer waits in the panel. */
    emailStopped?: true;
  };
  'chat.close': { conversation: ConversationSummary };
  'chat.note': { note: ChatMessage; seq: number };
  'chat.typing': { conversationId: string };
  /** The reader's positions after the receipt (unchanged when it advanced nothing). */
  'chat.receipt': { conversationId: string; deliveredSeq: number; readSeq: number };
  'conversations.search': { conversations: ConversationSummary[] };
  'desk.snapshot': {
    seq: number;
    conversations: ConversationSummary[];
    agents: AgentPresence[];
    /** The site's settings the desk needs. */
    maxChatsPerAgent: number;
    cannedResponses: CannedResponse[];
    /** The site's queues, first is the default (transfer targets, labels). */
    queues: QueueRef[];
    /** Answers the visitor misses in the panel are emailed to them when they gave an address. */
    emailsAnswers?: boolean;
  };
  'conversations.list': { conversations: ConversationSummary[] };
  'visitor.identify': VerifiedCustomer;
  'chat.rate': { rating: ConversationRating };
  'chat.transcript': { sentAt: string };
  /** `seq` is the last seq of `visitor:<visitorId>`: subscribe after it for live updates. */
  'context.get': { context: CustomerContext; seq: number };
}

export interface AckFrame<T extends CommandType = CommandType> {
  v: ProtocolVersion;
  type: 'ack';
  /** The id of the command acknowledged. */
  id: string;
  result: CommandResults[T];
  /**
   * Events the command stored on streams this socket follows, each next in line: they come
   * here instead of as their own frames (a message's sender gets no separate echo). Handle
   * them, in order, as if they had arrived just before the ack.
   */
  events?: EventFrame[];
}

export interface ErrorFrame extends ErrorBody {
  v: ProtocolVersion;
  type: 'error';
  /** The id of the failed command, when the frame answers one. */
  id?: string;
}

export interface EventFrame {
  v: ProtocolVersion;
  type: 'event';
  stream: StreamName;
  /** Strictly increasing per stream, starting at 1, without holes. */
  seq: number;
  /** ISO 8601 time the event was stored. */
  at: string;
  event: StreamEvent;
}

/** An ephemeral signal on a stream the socket subscribed to (see `StreamSignal`). */
export interface SignalFrame {
  v: ProtocolVersion;
  type: 'signal';
  stream: StreamName;
  signal: StreamSignal;
}

export type ServerFrame = AckFrame | ErrorFrame | EventFrame | SignalFrame;

/** HTTP: POST /api/v1/visitors */
export interface VisitorTokenResponse {
  visitorId: string;
  token: string;
  expiresAt: string;
}
/** HTTP: POST /api/v1/demo/agent-token (demo sites only) */
export interface AgentTokenResponse {
  agentId: string;
  name: string;
  token: string;
  expiresAt: string;
}
