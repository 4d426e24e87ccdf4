import type {
  AgentPresence,
  AgentStatus,
  CannedResponse,
  CommandResults,
  CommandType,
  ConversationSummary,
  CrmData,
  CustomerContext,
  EventFrame,
  JourneyEvent,
  Role,
  SignalFrame,
  StoredJourneyEvent,
  StreamSignal,
  WidgetSettings,
  StreamName,
} from '../../../protocol/index.js';
import { attachmentLimits } from '../hub/attachments.js';
import type { HubConnectionSource, HubError, Principal } from '../hub/hub-connection.js';
import { FakeAttachments } from './fake-attachments.js';
import { FakeConnection } from './fake-connection.js';
import { FakeEventLog } from './fake-event-log.js';
import { FakeAgents } from './fake-agents.js';
import { FakeContexts } from './fake-contexts.js';
import { FakeEndOfChat } from './fake-end-of-chat.js';
import { FakeConversationCommands } from './fake-conversation-commands.js';
import { FakeConversationStates } from './fake-receipts.js';
import { FakeQueues } from './fake-queues.js';
import { FakeSend } from './fake-send.js';

export interface FakePrincipal {
  id: string;
  name?: string;
}

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

/**
 * An in-memory hub that speaks the commands and events of docs/protocol.md, for element
 * tests and stories that must run with no server. It can also play the other side:
 * a visitor writing in, an agent accepting and answering.
 *
 * ```ts
 * const hub = new FakeHub();
 * html`<cx-config .connection=${hub}></cx-config>`; // each widget gets a connection for its role
 * ```
 */
export class FakeHub implements HubConnectionSource {
  readonly siteKey: string;
  /** Parts of the widget settings; tests may change them before a widget asks. */
  widget: Record<string, unknown>;
  private readonly conversations = new Map<string, ConversationSummary>();
  private readonly log = new FakeEventLog();
  private readonly results = new Map<string, Promise<unknown>>();
  private readonly contexts = new FakeContexts(this.log);
  /** Pre-chat answers, verified customers, ratings and transcripts (fake-end-of-chat.ts). */
  readonly endOfChat = new FakeEndOfChat(this.conversations);
  /** Uploaded files (object URLs); `pause()` holds uploads to show progress. */
  readonly attachments = new FakeAttachments();

  /** Delay before each command is answered, to show pending states. */
  readonly latencyMs: number;
  /** The site's `maxChatsPerAgent`. */
  readonly maxChatsPerAgent: number;
  /** The site's canned responses. */
  readonly cannedResponses: CannedResponse[];
  private readonly agents: FakeAgents;
  private readonly commands: FakeConversationCommands;
  private readonly states = new FakeConversationStates({
    conversations: this.conversations,
    log: this.log,
    authorize: (principal, stream) => this.authorize(principal, stream),
  });
  /** The site's queues: open or closed, estimates, messages left outside hours. */
  readonly queues: FakeQueues;
  private readonly sender: FakeSend;

  constructor(
    options: {
      siteKey?: string;
      latencyMs?: number;
      maxChatsPerAgent?: number;
      cannedResponses?: CannedResponse[];
      /** The site's public widget settings parts (pre-chat form, hours, ...), as the hub's route gives them. */
      widget?: Record<string, unknown>;
    } = {},
  ) {
    this.widget = options.widget ?? {};
    this.siteKey = options.siteKey ?? 'demo';
    this.latencyMs = options.latencyMs ?? 0;
    this.maxChatsPerAgent = options.maxChatsPerAgent ?? 3;
    this.cannedResponses = options.cannedResponses ?? [];
    this.agents = new FakeAgents({
      siteKey: this.siteKey,
      log: this.log,
      conversations: this.conversations,
      maxChatsPerAgent: this.maxChatsPerAgent,
    });
    this.queues = new FakeQueues({
      siteKey: this.siteKey,
      log: this.log,
      conversations: this.conversations,
    });
    this.commands = new FakeConversationCommands({
      siteKey: this.siteKey,
      maxChatsPerAgent: this.maxChatsPerAgent,
      conversations: this.conversations,
      log: this.log,
      agents: this.agents,
      authorize: (principal, stream) => this.authorize(principal, stream),
    });
    this.sender = new FakeSend({
      siteKey: this.siteKey,
      conversations: this.conversations,
      log: this.log,
      agents: this.agents,
      commands: this.commands,
      attachments: this.attachments,
      queues: this.queues,
      endOfChat: this.endOfChat,
      authorize: (principal, stream) => this.authorize(principal, stream),
    });
  }

  /** A connection for a visitor or an agent, online at once. */
  connect(
    role: Role,
    who: FakePrincipal = role === 'agent' ? { id: 'agent-1', name: 'Alex' } : { id: 'visitor-1' },
  ) {
    return new FakeConnection(this, {
      role,
      principalId: who.id,
      name: who.name ?? null,
      siteKey: this.siteKey,
      customerId: null,
    });
  }

  /** Plays a visitor writing in; returns the conversation it lands in. */
  visitorSays(text: string, visitorId = 'visitor-1'): ConversationSummary {
    const principal = {
      role: 'visitor' as const,
      principalId: visitorId,
      name: null,
      siteKey: this.siteKey,
      customerId: null,
    };
    return this.conversations.get(this.sender.send(principal, { text }).conversationId)!;
  }

  /** Plays an agent accepting a conversation (if nobody has) and answering in it. */
  agentSays(
    conversationId: string,
    text: string,
    agent: FakePrincipal = { id: 'agent-2', name: 'Sam' },
    /** Buttons offered with the message. */
    quickReplies?: string[],
  ): void {
    const principal = this.agents.principal(agent);
    if (this.conversations.get(conversationId)?.status === 'waiting')
      this.commands.accept(principal, { conversationId });
    this.sender.send(principal, {
      conversationId,
      text,
      ...(quickReplies ? { quickReplies } : {}),
    });
  }

  /** Plays an agent typing (or stopping) in a conversation they handle. */
  agentTypes(
    conversationId: string,
    active = true,
    agent: FakePrincipal = { id: 'agent-2', name: 'Sam' },
  ): void {
    this.states.typing(this.agents.principal(agent), { conversationId, active });
  }

  /** Plays the other side's client receiving (`delivered`) or showing (`read`) the conversation. */
  receipt(
    conversationId: string,
    state: 'delivered' | 'read',
    reader: { role: Role } & FakePrincipal = { role: 'agent', id: 'agent-2', name: 'Sam' },
  ): void {
    const principal =
      reader.role === 'agent'
        ? this.agents.principal(reader)
        : {
            role: 'visitor' as const,
            principalId: reader.id,
            name: null,
            siteKey: this.siteKey,
            customerId: null,
          };
    const seq = this.log.lastSeq(`conv:${conversationId}`);
    this.states.receipt(principal, { conversationId, seq, state });
  }

  /** Plays another agent changing presence (they appear on the desk). */
  agentPresence(agent: FakePrincipal, status: AgentStatus): AgentPresence {
    return this.agents.setPresence(this.agents.principal(agent), status);
  }

  /** Plays the visitor following the link in an answer email that stops the next ones. */
  stopEmails(conversationId: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    conversation.emailStopped = true;
    if (conversation.offline)
      this.queues.stoppedEmails.add(conversation.offline.email.toLowerCase());
  }

  /** Plays the handling agent (or the hub's routing) closing a conversation. */
  closeConversation(conversationId: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || conversation.status === 'closed') return;
    this.commands.close(this.agents.principal({ id: conversation.agentId ?? 'agent-2' }), {
      conversationId,
    });
  }

  /**
   * The context `context.get` answers for a visitor: a rich sample (see sample-context.ts)
   * until `setContext` replaces it. Mutations show in the next `context.get`.
   */
  context(visitorId = 'visitor-1'): CustomerContext {
    return this.contexts.get(visitorId);
  }

  setContext(context: CustomerContext): void {
    this.contexts.set(context);
  }

  /** Plays the CRM answering (or failing, `{ status: 'unavailable', reason }`) for a visitor. */
  setCrm(visitorId: string, crm: CrmData): void {
    this.context(visitorId).crm = crm;
  }

  /**
   * Plays the visitor's browser recording events: stores them in the visitor's latest visit
   * (or `visitId`) and publishes `journey.appended` on `visitor:<visitorId>`.
   */
  appendJourney(
    visitorId: string,
    events: (JourneyEvent & { struggle?: StoredJourneyEvent['struggle'] })[],
    visitId?: string,
    /** Whose events (default: the context's customer); null for the next person at a shared browser. */
    customerId?: string | null,
  ): StoredJourneyEvent[] {
    return this.contexts.appendJourney(visitorId, events, visitId, customerId);
  }

  /** Runs a command once per (principal, id), as the real hub does. */
  run(principal: Principal, type: CommandType, fields: Fields, id: string): Promise<unknown> {
    const key = `${principal.principalId}|${id}`;
    let result = this.results.get(key);
    if (!result) {
      result = new Promise((resolve) => setTimeout(resolve, this.latencyMs)).then(() =>
        this.handle(principal, type, fields, id),
      );
      this.results.set(key, result);
    }
    return result;
  }

  /** `POST /api/v1/attachments` for the picker (components/core/hub/attachments.ts). */
  uploadAttachment(file: File, principalId: string, onProgress: (fraction: number) => void) {
    const limits = attachmentLimits(this.widgetSettings());
    return this.attachments.upload(file, principalId, onProgress, limits);
  }

  /** What `GET /api/v1/sites/:siteKey/widget` answers; widgets read it through `widgetSettings()`. */
  widgetSettings(): WidgetSettings {
    return { siteKey: this.siteKey, hours: this.queues.widgetPart(), ...this.widget };
  }

  /** Drops the events of `stream` before `seq`, as the hub's retention does (replays then get `stream.gap`). */
  forgetBefore(stream: StreamName, seq: number): void {
    this.log.forgetBefore(stream, seq);
  }

  /** Sends an ephemeral signal (typing, queue position) to whoever watches `stream` now. */
  signal(stream: StreamName, signal: StreamSignal): void {
    this.log.signal(stream, signal);
  }

  /** Stored events of `stream` after `after`, then live ones, until the returned stop is called. */
  watch(
    principal: Principal,
    stream: StreamName,
    after: number,
    deliver: (frame: EventFrame) => void,
    onSignal?: (frame: SignalFrame) => void,
  ): () => void {
    this.authorize(principal, stream);
    // As the hub does: a visitor gets `hidden` in place of an agents-only event.
    const view = (frame: EventFrame): EventFrame =>
      principal.role === 'visitor' && frame.event.type === 'note.created'
        ? { ...frame, event: { type: 'hidden' } }
        : frame;
    const viewed = (frame: EventFrame) => deliver(view(frame));
    return this.log.watch(stream, after, viewed, onSignal);
  }

  private handle(principal: Principal, type: CommandType, fields: Fields, id: string): unknown {
    switch (type) {
      case 'chat.send':
        return this.sender.send(principal, fields, id);
      case 'chat.accept':
        return this.commands.accept(principal, fields);
      case 'agent.presence':
        return { agent: this.agents.setPresence(principal, fields.status as AgentStatus) };
      case 'chat.transfer':
        return this.commands.transfer(principal, fields, id);
      case 'chat.close':
        return this.commands.close(principal, fields);
      case 'chat.typing':
        return this.states.typing(principal, fields);
      case 'chat.receipt':
        return this.states.receipt(principal, fields);
      case 'chat.note': {
        const note = this.commands.note(
          principal,
          String(fields.conversationId),
          String(fields.text),
          id,
        );
        return { note, seq: this.log.lastSeq(`conv:${note.conversationId}`) };
      }
      case 'chat.status':
        return this.queues.status(principal, fields);
      case 'chat.leaveMessage':
        return this.queues.leaveMessage(principal, fields, id);
      case 'conversations.search':
        return this.commands.search(principal, String(fields.query ?? ''));
      case 'desk.snapshot':
        if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
        return {
          seq: this.log.lastSeq(`desk:${this.siteKey}`),
          conversations: [...this.conversations.values()]
            .filter((c) => c.status !== 'closed')
            .map((c) => ({ ...c })),
          agents: this.agents.list(),
          maxChatsPerAgent: this.maxChatsPerAgent,
          cannedResponses: this.cannedResponses,
          queues: this.queues.queues.map(({ id, name }) => ({ id, name })),
          // Like the hub: one that sends transcripts (has email) also emails answers.
          emailsAnswers: (this.widget.endOfChat as { transcript?: boolean })?.transcript === true,
        } satisfies CommandResults['desk.snapshot'];
      case 'context.get':
        if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
        return this.contextGet(fields);
      case 'conversations.list':
        return {
          conversations: [...this.conversations.values()].filter(
            (c) => c.visitorId === principal.principalId,
          ),
        } satisfies CommandResults['conversations.list'];
      case 'visitor.identify':
      case 'chat.rate':
      case 'chat.transcript':
        return this.endOfChat.handle(principal, type, fields);
      default:
        throw hubError('protocol.unknown_type', `The fake hub does not handle ${type}.`);
    }
  }

  private contextGet(fields: Fields): CommandResults['context.get'] {
    const conversationId = fields.conversationId as string | undefined;
    const customerId = fields.customerId as string | undefined;
    let visitorId = fields.visitorId as string | undefined;
    if (conversationId) {
      visitorId = this.conversations.get(conversationId)?.visitorId;
      if (!visitorId) throw hubError('conversation.not_found', 'No such conversation.');
    } else if (customerId) {
      visitorId = this.contexts.ofCustomer(customerId)?.visitorId ?? `visitor-of-${customerId}`;
    }
    if (!visitorId)
      throw hubError('protocol.invalid_message', 'Give conversationId, visitorId or customerId.');
    const context = structuredClone(this.context(visitorId));
    // The sample's past conversations, plus the ones this fake hub really holds.
    const live = [...this.conversations.values()].filter((c) => c.visitorId === visitorId);
    context.conversations = [...live.map((c) => ({ ...c })), ...context.conversations];
    return { context, seq: this.log.lastSeq(`visitor:${visitorId}`) };
  }

  private authorize(principal: Principal, stream: StreamName): void {
    const [kind, id] = [
      stream.slice(0, stream.indexOf(':')),
      stream.slice(stream.indexOf(':') + 1),
    ];
    const allowed =
      principal.role === 'agent'
        ? kind === 'conv' || kind === 'visitor' || id === this.siteKey
        : kind === 'conv' && this.conversations.get(id)?.visitorId === principal.principalId;
    if (!allowed) throw hubError('auth.forbidden', `Not allowed to read ${stream}.`);
  }
}
