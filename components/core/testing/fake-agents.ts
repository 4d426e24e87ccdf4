import type { AgentPresence, AgentStatus, ConversationSummary } from '../../../protocol/index.js';
import type { HubError, Principal } from '../hub/hub-connection.js';
import type { FakeEventLog } from './fake-event-log.js';

/** An agent as tests and stories name one. */
export interface FakeAgent {
  id: string;
  name?: string;
}

/** The fake hub's agents: presence, load and routing, announced on the desk stream. */
export class FakeAgents {
  private readonly byId = new Map<string, AgentPresence>();

  constructor(
    private readonly site: {
      siteKey: string;
      log: FakeEventLog;
      conversations: ReadonlyMap<string, ConversationSummary>;
      maxChatsPerAgent: number;
    },
  ) {}

  has(agentId: string): boolean {
    return this.byId.has(agentId);
  }

  list(): AgentPresence[] {
    return [...this.byId.values()].map((agent) => ({ ...agent }));
  }

  activeChats(agentId: string): number {
    return [...this.site.conversations.values()].filter(
      (c) => c.status === 'active' && c.agentId === agentId,
    ).length;
  }

  setPresence(principal: Principal, status: AgentStatus): AgentPresence {
    if (principal.role !== 'agent') throw hubError('auth.forbidden', 'Agents only.');
    return this.publish(principal, status);
  }

  /** The agent's load changed: tell the desk, keeping their status. */
  announce(principal: Principal): void {
    this.publish(principal, this.byId.get(principal.principalId)?.status ?? 'away');
  }

  principal(agent: FakeAgent): Principal {
    return {
      role: 'agent',
      principalId: agent.id,
      name: agent.name ?? this.byId.get(agent.id)?.name ?? null,
      siteKey: this.site.siteKey,
      customerId: null,
    };
  }

  /** The fake's routing: the first available agent below the limit, in the order they appeared. */
  longestIdle(): string | null {
    const agent = [...this.byId.values()].find(
      (a) => a.status === 'available' && this.activeChats(a.id) < this.site.maxChatsPerAgent,
    );
    return agent?.id ?? null;
  }

  private publish(principal: Principal, status: AgentStatus): AgentPresence {
    const agent: AgentPresence = {
      id: principal.principalId,
      name: principal.name,
      status,
      activeChats: this.activeChats(principal.principalId),
    };
    this.byId.set(agent.id, agent);
    this.site.log.append(`desk:${this.site.siteKey}`, {
      type: 'agent.updated',
      agent: { ...agent },
    });
    return { ...agent };
  }
}

const hubError = (code: string, message: string): HubError => ({ code, message });
