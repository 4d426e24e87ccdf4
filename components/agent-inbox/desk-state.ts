import type {
  AgentPresence,
  ChatMessage,
  CannedResponse,
  CommandResults,
  ConversationSummary,
  DeskEvent,
  QueueRef,
} from '../../protocol/index.js';

/** Closed conversations the desk remembers: enough for the ones an agent could have open. */
const keptClosed = 20;

/**
 * What the desk knows: open conversations, the site's agents and its desk settings,
 * from `desk.snapshot` and then `desk:` events. Immutable, so a Lit `@state` re-renders.
 */
export class DeskState {
  constructor(
    readonly conversations: ReadonlyMap<string, ConversationSummary> = new Map(),
    readonly agents: ReadonlyMap<string, AgentPresence> = new Map(),
    readonly maxChatsPerAgent = 3,
    readonly cannedResponses: readonly CannedResponse[] = [],
    /** The site's queues, first is the default. */
    readonly queues: readonly QueueRef[] = [],
    /** Answers the visitor misses are also emailed to the address they gave. */
    readonly emailsAnswers = false,
    /**
     * The last conversations that closed while the desk watched, newest last: one the agent
     * has open stays on screen, read only, instead of vanishing under their cursor.
     */
    readonly recentlyClosed: ReadonlyMap<string, ConversationSummary> = new Map(),
  ) {}

  static fromSnapshot(snapshot: CommandResults['desk.snapshot']): DeskState {
    return new DeskState(
      new Map(snapshot.conversations.map((c) => [c.id, c])),
      new Map((snapshot.agents ?? []).map((a) => [a.id, a])),
      snapshot.maxChatsPerAgent ?? 3,
      snapshot.cannedResponses ?? [],
      snapshot.queues ?? [],
      snapshot.emailsAnswers === true,
    );
  }

  withEvent(event: DeskEvent): DeskState {
    if (event.type === 'agent.updated') return this.withAgent(event.agent);
    return this.withConversation(event.conversation);
  }

  /** Closed conversations leave the desk for `recentlyClosed`. */
  withConversation(conversation: ConversationSummary): DeskState {
    const conversations = new Map(this.conversations);
    if (conversation.status !== 'closed') {
      conversations.set(conversation.id, conversation);
      return this.copy({ conversations });
    }
    conversations.delete(conversation.id);
    const recentlyClosed = new Map(this.recentlyClosed);
    recentlyClosed.delete(conversation.id);
    recentlyClosed.set(conversation.id, conversation);
    for (const id of recentlyClosed.keys()) {
      if (recentlyClosed.size <= keptClosed) break;
      recentlyClosed.delete(id);
    }
    return this.copy({ conversations, recentlyClosed });
  }

  /** An open conversation, or one that closed a moment ago. */
  find(id: string): ConversationSummary | undefined {
    return this.conversations.get(id) ?? this.recentlyClosed.get(id);
  }

  withAgent(agent: AgentPresence): DeskState {
    return this.copy({ agents: new Map(this.agents).set(agent.id, agent) });
  }

  /** A newer message of one conversation (read on its `conv:` stream): preview, author, time. */
  withPreview(id: string, message: ChatMessage, lastSeq: number): DeskState {
    const conversation = this.conversations.get(id);
    if (!conversation || conversation.lastSeq > lastSeq) return this;
    return this.withConversation({
      ...conversation,
      lastText: message.text,
      lastFrom: message.author.role,
      lastAt: message.createdAt,
      lastSeq,
    });
  }

  /** Waiting conversations routing offered to this agent, oldest first. */
  offeredTo(agentId: string | undefined): ConversationSummary[] {
    return this.waitingWhere((c) => !!agentId && c.offeredTo === agentId);
  }

  /** The rest of the queue. */
  waitingFor(agentId: string | undefined): ConversationSummary[] {
    return this.waitingWhere((c) => !agentId || c.offeredTo !== agentId);
  }

  mine(agentId: string | undefined): ConversationSummary[] {
    return [...this.conversations.values()].filter(
      (c) => c.status === 'active' && !!agentId && c.agentId === agentId,
    );
  }

  /** Agents one may transfer to: everyone the desk knows but oneself. */
  otherAgents(agentId: string | undefined): AgentPresence[] {
    return [...this.agents.values()].filter((a) => a.id !== agentId);
  }

  /** Messages left outside hours, not yet taken by an agent, oldest first. */
  offline(): ConversationSummary[] {
    return [...this.conversations.values()]
      .filter((c) => c.status === 'waiting' && c.offline)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The name of a conversation's queue; absent or unknown ids are the first queue's. */
  queueName(conversation: ConversationSummary): string | undefined {
    const queue = this.queues.find((q) => q.id === conversation.queueId) ?? this.queues[0];
    return queue?.name;
  }

  private waitingWhere(keep: (c: ConversationSummary) => boolean): ConversationSummary[] {
    return [...this.conversations.values()]
      .filter((c) => c.status === 'waiting' && !c.offline && keep(c))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private copy(changes: {
    conversations?: Map<string, ConversationSummary>;
    agents?: Map<string, AgentPresence>;
    recentlyClosed?: Map<string, ConversationSummary>;
  }) {
    return new DeskState(
      changes.conversations ?? this.conversations,
      changes.agents ?? this.agents,
      this.maxChatsPerAgent,
      this.cannedResponses,
      this.queues,
      this.emailsAnswers,
      changes.recentlyClosed ?? this.recentlyClosed,
    );
  }
}
