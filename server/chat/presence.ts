import type { AgentStatus, EventFrame } from '../../protocol/index.js';
import { principalKey, type Principal } from '../auth/index.js';
import type { EventBus } from '../bus/index.js';
import { HubError } from '../errors.js';
import type { EffectCommand, SessionHooks } from '../realtime/command-types.js';
import type { Storage } from '../storage/index.js';
import { agentUpdated } from './desk-events.js';
import { agentPresence, setStatus } from './presence-store.js';
import { agentPresenceSchema } from './schemas.js';

/** `agent.presence`: available agents take part in routing; away ones do not. */
export const agentPresenceCommand: EffectCommand = {
  kind: 'effect',
  schema: agentPresenceSchema,
  async run(tx, principal, command) {
    if (principal.role !== 'agent') throw new HubError('auth.forbidden', 'agents only');
    const agent = { id: principal.id, name: principal.name };
    const changed = await setStatus(tx, principal.siteKey, agent, command.status as AgentStatus);
    const events = changed ? await agentUpdated(tx, principal.siteKey, principal.id) : [];
    return { result: { agent: await agentPresence(tx, principal.siteKey, principal.id) }, events };
  },
};

/**
 * Counts of an agent's sockets on the other hub nodes (several nodes share one site). On a
 * single node there is none and only this node's sockets count.
 */
export interface AgentSocketTally {
  /** Starts keeping the counts; `onOrphaned` gets agents whose hub node is gone. */
  start(onOrphaned: (principal: Principal) => void): void;
  /** This node now holds `sockets` of the agent's sockets. */
  changed(principal: Principal, sockets: number): void;
  /** Whether a live hub node other than this one holds a socket of the agent. */
  connectedElsewhere(principal: Principal): Promise<boolean>;
  /** This node has decided about the agent it no longer holds: others need not. */
  settled(principal: Principal): void;
}

/**
 * Keeps an agent available only while connected: when an agent's last socket on this hub
 * node closes and none reopens within the grace (a page reload, a network blip), the
 * agent becomes away, unless (with several nodes) another node still holds one of their
 * sockets. A failed check is retried after another grace.
 */
export class PresenceSessions implements SessionHooks {
  readonly #sockets = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #stopped = false;

  constructor(
    private readonly deps: {
      storage: Storage;
      bus: EventBus;
      graceMs: number;
      onError: (error: unknown) => void;
      tally?: AgentSocketTally;
    },
  ) {
    deps.tally?.start((principal) => this.#awayUnlessConnected(principal).catch(deps.onError));
  }

  opened(principal: Principal): void {
    if (principal.role !== 'agent') return;
    const key = principalKey(principal);
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    const sockets = (this.#sockets.get(key) ?? 0) + 1;
    this.#sockets.set(key, sockets);
    this.deps.tally?.changed(principal, sockets);
  }

  closed(principal: Principal): void {
    if (principal.role !== 'agent') return;
    const key = principalKey(principal);
    const left = Math.max((this.#sockets.get(key) ?? 1) - 1, 0);
    this.deps.tally?.changed(principal, left);
    if (left > 0) return void this.#sockets.set(key, left);
    this.#sockets.delete(key);
    this.#startGrace(principal);
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #startGrace(principal: Principal): void {
    const key = principalKey(principal);
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.#awayUnlessConnected(principal).then(
        () => {
          if (!this.#sockets.has(key)) this.deps.tally?.settled(principal);
        },
        (error) => {
          this.deps.onError(error);
          if (!this.#stopped && !this.#sockets.has(key)) this.#startGrace(principal);
        },
      );
    }, this.deps.graceMs);
    timer.unref();
    this.#timers.set(key, timer);
  }

  async #awayUnlessConnected(principal: Principal): Promise<void> {
    const key = principalKey(principal);
    if (this.#sockets.has(key) || (await this.deps.tally?.connectedElsewhere(principal))) return;
    // It may have reopened here while the other nodes were asked.
    if (this.#sockets.has(key) || this.#stopped) return;
    const events: EventFrame[] = await this.deps.storage.transaction(async (tx) => {
      const agent = { id: principal.id, name: principal.name };
      if (!(await setStatus(tx, principal.siteKey, agent, 'away'))) return [];
      return agentUpdated(tx, principal.siteKey, principal.id);
    });
    for (const frame of events) await this.deps.bus.publish(frame.stream, frame);
  }
}
