import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { MemoryBus } from './memory-bus.js';
import { closeRedis, openRedis } from './redis-client.js';
import type { EventBus } from './types.js';

export interface RedisBusOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Put before every channel and key, so several installations (or tests) share one Redis. Default "cxkit:". */
  prefix?: string;
  /** A handler that threw; delivery to the others goes on. */
  onHandlerError?: (error: unknown) => void;
  /** Redis lost or a publish not sent: reported once per outage. Nothing is lost (see the class). */
  onProblem?: (message: string, error?: unknown) => void;
}

/** "I could not publish for a while": the other nodes read again what they follow. */
const resyncTopic = 'bus:resync';

/**
 * The event bus of several hub nodes: a publish is delivered to this node's subscribers at
 * once (the same path as `MemoryBus`) and sent through Redis pub/sub to the other nodes,
 * tagged with this node's id so it does not come back here. One Redis SUBSCRIBE per topic,
 * however many local subscribers it has.
 *
 * Redis is a doorbell, not the record: events are stored before they are published. So when
 * Redis is away, publishing logs and goes on, and when this node's subscription is (re)made,
 * every subscriber's `onMissed` runs and it reads from the database what it may have missed.
 */
export class RedisBus implements EventBus {
  readonly prefix: string;
  readonly #local: MemoryBus;
  readonly #tag: string;
  /** Local subscriptions per topic: Redis is subscribed while there is at least one. */
  readonly #counts = new Map<string, number>();
  readonly #onMissed = new Map<string, Set<() => void>>();
  #publishDropped = false;
  #problemReported = false;
  #closed = false;

  /** Connects (publisher and subscriber), or fails with a clear message when Redis cannot be reached. */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const nodeId = randomUUID();
    let bus: RedisBus | undefined;
    const onError = (error: Error) => bus?.problem('lost the connection to Redis', error);
    const commands = await openRedis(options.url, `cxkit-publish-${nodeId}`, onError);
    try {
      const subscriber = await openRedis(options.url, `cxkit-subscribe-${nodeId}`, onError);
      bus = new RedisBus(nodeId, commands, subscriber, options);
      await subscriber.subscribe(bus.prefix + resyncTopic);
      return bus;
    } catch (error) {
      commands.disconnect();
      bus?.subscriber.disconnect();
      throw error;
    }
  }

  private constructor(
    /** Tags what this node publishes and names its Redis connections and presence keys. */
    readonly nodeId: string,
    /** The command connection: publishes, and other shared state of the nodes (presence). */
    readonly commands: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisBusOptions,
  ) {
    this.prefix = options.prefix ?? 'cxkit:';
    this.#tag = `${nodeId} `;
    this.#local = new MemoryBus(options.onHandlerError);
    subscriber.on('message', (channel: string, message: string) =>
      this.#received(channel, message),
    );
    // `ready` again means a reconnect: the first one happened before this constructor.
    subscriber.on('ready', () => void this.#resubscribe());
    commands.on('ready', () => {
      this.#problemReported = false;
      if (this.#publishDropped) this.#sendResync();
    });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    this.#local.publishLocal(topic, payload);
    // Not awaited: the local subscribers and the command's answer do not wait for Redis.
    this.#send(topic, `${this.#tag}${JSON.stringify(payload)}`);
  }

  publishLocal(topic: string, payload: unknown): void {
    this.#local.publishLocal(topic, payload);
  }

  subscribe(topic: string, handler: (payload: unknown) => void, onMissed?: () => void): () => void {
    const unsubscribeLocal = this.#local.subscribe(topic, handler);
    // Wrapped, so the same function given twice is two entries.
    const missed = onMissed && (() => onMissed());
    if (missed) this.#missedListeners(topic).add(missed);
    const count = (this.#counts.get(topic) ?? 0) + 1;
    this.#counts.set(topic, count);
    if (count === 1) this.#subscribeRemote(topic);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribeLocal();
      if (missed) this.#onMissed.get(topic)?.delete(missed);
      const left = (this.#counts.get(topic) ?? 1) - 1;
      if (left > 0) return void this.#counts.set(topic, left);
      this.#counts.delete(topic);
      this.#onMissed.delete(topic);
      if (this.subscriber.status === 'ready') {
        this.subscriber.unsubscribe(this.prefix + topic).catch(() => {});
      }
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#counts.clear();
    this.#onMissed.clear();
    await this.#local.close();
    await Promise.all([closeRedis(this.subscriber), closeRedis(this.commands)]);
  }

  /** Reports a problem once until the connection is back. */
  problem(message: string, error?: unknown): void {
    if (this.#problemReported || this.#closed) return;
    this.#problemReported = true;
    this.options.onProblem?.(message, error);
  }

  #send(topic: string, message: string): void {
    if (this.commands.status !== 'ready') {
      this.#dropped();
      return;
    }
    this.commands.publish(this.prefix + topic, message).catch((error: unknown) => {
      this.#dropped(error);
      // The connection may already be back (its `ready` came first): resync now.
      if (this.commands.status === 'ready') this.#sendResync();
    });
  }

  #dropped(error?: unknown): void {
    this.#publishDropped = true;
    this.problem('Redis unreachable: events are stored; other hub nodes catch up later', error);
  }

  #sendResync(): void {
    this.#publishDropped = false;
    this.#send(resyncTopic, `${this.#tag}{}`);
  }

  #received(channel: string, message: string): void {
    // Our own publish: delivered locally already.
    if (message.startsWith(this.#tag)) return;
    const topic = channel.slice(this.prefix.length);
    if (topic === resyncTopic) return this.#missedAll();
    let payload: unknown;
    try {
      payload = JSON.parse(message.slice(message.indexOf(' ') + 1));
    } catch (error) {
      this.options.onHandlerError?.(error);
      return;
    }
    this.#local.publishLocal(topic, payload);
  }

  #subscribeRemote(topic: string): void {
    // Disconnected: `#resubscribe` takes it along once Redis is back.
    if (this.subscriber.status !== 'ready') return;
    this.subscriber.subscribe(this.prefix + topic).then(
      // What other nodes published before this moment never reached us.
      () => this.#missed(topic),
      () => {},
    );
  }

  /** After a reconnect: subscribe to every topic again, then let everyone catch up. */
  async #resubscribe(): Promise<void> {
    this.#problemReported = false;
    const channels = [resyncTopic, ...this.#counts.keys()].map((topic) => this.prefix + topic);
    try {
      await this.subscriber.subscribe(...channels);
    } catch {
      return; // Lost again: the next `ready` tries again.
    }
    this.#missedAll();
  }

  #missedListeners(topic: string): Set<() => void> {
    let listeners = this.#onMissed.get(topic);
    if (!listeners) this.#onMissed.set(topic, (listeners = new Set()));
    return listeners;
  }

  #missedAll(): void {
    for (const topic of this.#onMissed.keys()) this.#missed(topic);
  }

  #missed(topic: string): void {
    for (const listener of [...(this.#onMissed.get(topic) ?? [])]) {
      try {
        listener();
      } catch (error) {
        this.options.onHandlerError?.(error);
      }
    }
  }
}
