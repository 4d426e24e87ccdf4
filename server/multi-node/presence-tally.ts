import type { Redis } from 'ioredis';
import { principalKey, type Principal } from '../auth/index.js';
import type { AgentSocketTally } from '../chat/presence.js';

export interface RedisPresenceOptions {
  /** A command connection (the bus's). */
  redis: Redis;
  prefix: string;
  nodeId: string;
  /** A node that has not renewed its mark for this long counts as gone (default 15 s). */
  nodeTtlMs?: number;
  onError(error: unknown): void;
}

const dayMs = 86_400_000;

/**
 * Agent sockets per hub node in Redis, so an agent stays available while any node holds
 * one of their sockets:
 * - `presence:agent:<site/agent/id>`: hash node id → sockets on that node;
 * - `presence:node:<id>`: the node's mark, renewed every third of its TTL; a node whose
 *   mark expired (crashed, stopped) no longer counts;
 * - `presence:node-agents:<id>`: the agents a node still has to decide about, so when the
 *   node is gone another one decides for it (away, unless connected elsewhere);
 * - `presence:nodes`: every node that has not been cleaned up yet.
 * Each renewal also writes this node's counts again, so a write lost while Redis was away
 * heals within seconds.
 */
export class RedisPresenceTally implements AgentSocketTally {
  readonly #local = new Map<string, { principal: Principal; sockets: number }>();
  readonly #ttlMs: number;
  #timer: NodeJS.Timeout | undefined;
  #renewing = false;
  #onOrphaned: (principal: Principal) => void = () => {};

  constructor(private readonly options: RedisPresenceOptions) {
    this.#ttlMs = options.nodeTtlMs ?? 15_000;
  }

  start(onOrphaned: (principal: Principal) => void): void {
    this.#onOrphaned = onOrphaned;
    this.#timer = setInterval(() => this.renew(), Math.max(10, Math.floor(this.#ttlMs / 3)));
    this.#timer.unref();
    this.renew();
  }

  changed(principal: Principal, sockets: number): void {
    const key = principalKey(principal);
    if (sockets > 0) this.#local.set(key, { principal, sockets });
    else this.#local.delete(key);
    const write = this.options.redis.multi();
    if (sockets > 0) this.#writeCount(write, key, principal, sockets);
    else write.hdel(this.#agentKey(key), this.options.nodeId);
    write.exec().catch(this.options.onError);
  }

  async connectedElsewhere(principal: Principal): Promise<boolean> {
    const counts = await this.options.redis.hgetall(this.#agentKey(principalKey(principal)));
    const nodes = Object.entries(counts)
      .filter(([node, sockets]) => node !== this.options.nodeId && Number(sockets) > 0)
      .map(([node]) => node);
    if (nodes.length === 0) return false;
    const marks = await this.options.redis.mget(nodes.map((node) => this.#nodeKey(node)));
    return marks.some((mark) => mark !== null);
  }

  settled(principal: Principal): void {
    this.options.redis
      .hdel(this.#nodeAgentsKey(this.options.nodeId), principalKey(principal))
      .catch(this.options.onError);
  }

  /** Stops renewing: the mark expires and another node decides about the agents left here. */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Renews this node's mark and counts, then cleans up after nodes that are gone. */
  renew(): Promise<void> {
    if (this.#renewing) return Promise.resolve();
    this.#renewing = true;
    return this.#renew()
      .catch(this.options.onError)
      .finally(() => (this.#renewing = false));
  }

  async #renew(): Promise<void> {
    const { redis, nodeId } = this.options;
    const listed = await redis.hkeys(this.#nodeAgentsKey(nodeId));
    const write = redis
      .multi()
      .set(this.#nodeKey(nodeId), '1', 'PX', this.#ttlMs)
      .sadd(this.#nodesKey, nodeId)
      .pexpire(this.#nodeAgentsKey(nodeId), dayMs);
    for (const key of listed) {
      if (!this.#local.has(key)) write.hdel(this.#agentKey(key), nodeId);
    }
    for (const [key, { principal, sockets }] of this.#local) {
      this.#writeCount(write, key, principal, sockets);
    }
    await write.exec();
    await this.#cleanUpGoneNodes();
  }

  async #cleanUpGoneNodes(): Promise<void> {
    const { redis, nodeId } = this.options;
    const others = (await redis.smembers(this.#nodesKey)).filter((node) => node !== nodeId);
    if (others.length === 0) return;
    const marks = await redis.mget(others.map((node) => this.#nodeKey(node)));
    for (const [index, node] of others.entries()) {
      if (marks[index] !== null) continue;
      // One live node cleans up after each gone one.
      const claim = `${this.options.prefix}presence:cleanup:${node}`;
      if ((await redis.set(claim, nodeId, 'PX', this.#ttlMs, 'NX')) !== 'OK') continue;
      const agents = (await redis.hvals(this.#nodeAgentsKey(node))).map(
        (json) => JSON.parse(json) as Principal,
      );
      const cleanUp = redis.multi();
      for (const agent of agents) cleanUp.hdel(this.#agentKey(principalKey(agent)), node);
      await cleanUp.del(this.#nodeAgentsKey(node)).srem(this.#nodesKey, node).exec();
      for (const agent of agents) this.#onOrphaned(agent);
    }
  }

  #writeCount(
    write: ReturnType<Redis['multi']>,
    key: string,
    principal: Principal,
    sockets: number,
  ): void {
    const agentKey = this.#agentKey(key);
    write
      .hset(agentKey, this.options.nodeId, sockets)
      .pexpire(agentKey, dayMs)
      .hset(this.#nodeAgentsKey(this.options.nodeId), key, JSON.stringify(principal));
  }

  get #nodesKey(): string {
    return `${this.options.prefix}presence:nodes`;
  }

  #agentKey(key: string): string {
    return `${this.options.prefix}presence:agent:${key}`;
  }

  #nodeKey(node: string): string {
    return `${this.options.prefix}presence:node:${node}`;
  }

  #nodeAgentsKey(node: string): string {
    return `${this.options.prefix}presence:node-agents:${node}`;
  }
}
