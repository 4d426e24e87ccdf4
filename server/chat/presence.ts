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
 * Keeps an agent available only while connected: when an agent's last socket on this hub
 * node closes and none reopens within the grace (a page reload, a network blip), the
 * agent becomes away. Counted per node: an agent connected to two nodes at once can be
 * set away by the node they left; their next `agent.presence` fixes it.
 */
export class PresenceSessions implements SessionHooks {
  readonly #sockets = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: {
      storage: Storage;
      bus: EventBus;
      graceMs: number;
      onError: (error: unknown) => void;
    },
  ) {}

  opened(principal: Principal): void {
    if (principal.role !== 'agent') return;
    const key = principalKey(principal);
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#sockets.set(key, (this.#sockets.get(key) ?? 0) + 1);
  }

  closed(principal: Principal): void {
    if (principal.role !== 'agent') return;
    const key = principalKey(principal);
    const left = (this.#sockets.get(key) ?? 1) - 1;
    if (left > 0) return void this.#sockets.set(key, left);
    this.#sockets.delete(key);
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.#setAway(principal).catch(this.deps.onError);
    }, this.deps.graceMs);
    timer.unref();
    this.#timers.set(key, timer);
  }

  stop(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  async #setAway(principal: Principal): Promise<void> {
    const events: EventFrame[] = await this.deps.storage.transaction(async (tx) => {
      const agent = { id: principal.id, name: principal.name };
      if (!(await setStatus(tx, principal.siteKey, agent, 'away'))) return [];
      return agentUpdated(tx, principal.siteKey, principal.id);
    });
    for (const frame of events) await this.deps.bus.publish(frame.stream, frame);
  }
}
