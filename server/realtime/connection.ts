import type { WebSocket } from 'ws';
import type { EventFrame, ServerFrame, StreamName } from '../../protocol/index.js';
import { signedPath } from '../attachments/index.js';
import {
  customerIdOf,
  principalFromToken,
  verifySiteToken,
  type Principal,
} from '../auth/index.js';
import { withCustomer } from '../identity/index.js';
import type { EventBus } from '../bus/index.js';
import type { SiteConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import type { Storage } from '../storage/index.js';
import { fromSelf, lastSeq, publishSignal, readEvents } from '../streams/index.js';
import type { Command, CommandHandler, SessionHooks, StreamAuthorizer } from './command-types.js';
import type { FrameParser } from './frames.js';
import { FrameError } from './frames.js';
import { sendCoalesced } from './coalesced-writes.js';
import { ackText, eventText } from './frame-text.js';
import { runOnce } from './idempotency.js';
import { StreamSubscription } from './stream-subscription.js';

export interface ConnectionDeps {
  storage: Storage;
  bus: EventBus;
  tokenSecret: string;
  parser: FrameParser;
  commands: Record<string, CommandHandler>;
  authorizeStream: StreamAuthorizer;
  sessions?: SessionHooks;
  log: { error(details: object, message: string): void };
}

/** Close code for a bad credential: clients do not retry it as is. */
const unauthorizedClose = 4401;

/** `stream.gap`, with the seq to subscribe after once the client has loaded the state again. */
class StreamGapError extends HubError {
  constructor(
    message: string,
    readonly lastSeq: number,
  ) {
    super('stream.gap', message);
  }
}

/** One socket: `hello`, subscriptions and commands, handled one frame at a time in arrival order. */
export class Connection {
  #principal: Principal | null = null;
  readonly #subscriptions = new Map<StreamName, StreamSubscription>();
  #inbox: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: WebSocket,
    private readonly site: SiteConfig,
    private readonly deps: ConnectionDeps,
  ) {
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString();
      this.#inbox = this.#inbox.then(() => this.#handle(text));
    });
    socket.on('close', () => {
      this.#dropSubscriptions();
      if (this.#principal) this.deps.sessions?.closed(this.#principal);
    });
  }

  async #handle(data: string | null): Promise<void> {
    let command: Command | undefined;
    try {
      if (data === null) throw new FrameError('protocol.invalid_json', 'frames must be text');
      command = this.deps.parser.parse(data);
      if (command.type === 'hello') return await this.#hello(command);
      if (!this.#principal) throw new HubError('auth.required', 'say hello with a token first');
      if (command.type === 'subscribe') return await this.#subscribe(this.#principal, command);
      const { result, events } = await this.#dispatch(this.#principal, command);
      const handler = this.deps.commands[command.type];
      if (handler?.kind === 'effect' && handler.sessionAfter)
        this.#principal = handler.sessionAfter(this.#principal, result);
      this.#ack(command.id, result, events);
      for (const frame of events) await this.deps.bus.publish(frame.stream, frame);
    } catch (error) {
      this.#fail(error, command?.id ?? (error instanceof FrameError ? error.commandId : undefined));
    }
  }

  async #hello(command: Command): Promise<void> {
    const token = command.token as string | undefined;
    try {
      if (!token) throw new HubError('auth.missing_token', 'hello needs a token');
      const signedIn = principalFromToken(verifySiteToken(this.deps.tokenSecret, this.site, token));
      const { principal, identityRefused } = withCustomer(
        signedIn,
        this.site,
        command.identityToken as string | undefined,
      );
      if (
        this.#principal &&
        (this.#principal.id !== principal.id ||
          this.#principal.role !== principal.role ||
          customerIdOf(this.#principal) !== customerIdOf(principal))
      ) {
        this.#dropSubscriptions();
      }
      if (this.#principal) this.deps.sessions?.closed(this.#principal);
      this.#principal = principal;
      this.deps.sessions?.opened(principal);
      const { role, id, name, siteKey } = principal;
      this.#send({
        v: 1,
        type: 'ack',
        id: command.id,
        result: {
          role,
          principalId: id,
          name,
          siteKey,
          customerId: customerIdOf(principal),
          identityRefused,
        },
      });
    } catch (error) {
      this.#fail(error, command.id);
      // A bad credential ends the session; the client must not retry it as is.
      this.socket.close(unauthorizedClose, error instanceof HubError ? error.code : 'auth');
    }
  }

  /** Runs a command: its result, and the stored events the caller publishes after the ack. */
  async #dispatch(
    principal: Principal,
    command: Command,
  ): Promise<{ result: unknown; events: EventFrame[] }> {
    if (command.type === 'unsubscribe') {
      const stream = command.stream as StreamName;
      this.#subscriptions.get(stream)?.stop();
      this.#subscriptions.delete(stream);
      return { result: { stream }, events: [] };
    }
    const handler = this.deps.commands[command.type]!;
    if (handler.kind === 'read') {
      return { result: await handler.run(this.deps.storage, principal, command), events: [] };
    }
    if (handler.kind === 'signal') {
      const { result, signals } = await handler.run(this.deps.storage, principal, command);
      for (const { stream, signal } of signals) await publishSignal(this.deps.bus, stream, signal);
      return { result, events: [] };
    }
    return handler.kind === 'batched'
      ? handler.run(this.deps.storage, principal, command)
      : runOnce(this.deps.storage, principal, command, (tx) => handler.run(tx, principal, command));
  }

  /**
   * A command's answer. Its events on streams this socket follows ride in it when they are
   * next in line (`StreamSubscription.carry`): the sender of a message gets one frame, not
   * an ack and its own echo. Sent before the events are published, so that nothing
   * published meanwhile overtakes them on this socket.
   */
  #ack(id: string, result: unknown, events: EventFrame[]): void {
    const carried = events.flatMap(
      (frame) => this.#subscriptions.get(frame.stream)?.carry(frame) ?? [],
    );
    this.#sendText(ackText(id, result, carried));
  }

  /** Ack with the stream's last seq first, then replayed events, then live ones. */
  async #subscribe(principal: Principal, command: Command): Promise<void> {
    const stream = command.stream as StreamName;
    const view = (await this.deps.authorizeStream(this.deps.storage, principal, stream)) ?? null;
    const last = await lastSeq(this.deps.storage, stream);
    await this.#checkReplayable(stream, command.after as number, last);
    this.#subscriptions.get(stream)?.stop();
    const subscription = new StreamSubscription(stream, command.after as number, {
      bus: this.deps.bus,
      read: (name, from, limit) =>
        readEvents(this.deps.storage, name, from, limit, (id) =>
          signedPath(this.deps.tokenSecret, id),
        ),
      send: (frame: EventFrame) => this.#send(frame, eventText),
      ...(view ? { view } : {}),
      sendSignal: (frame) => {
        if (!fromSelf(frame, principal)) this.#send(frame);
      },
      onError: (error) => this.deps.log.error({ err: error, stream }, 'stream catch-up failed'),
    });
    this.#subscriptions.set(stream, subscription);
    const result = { stream, lastSeq: last };
    this.#send({ v: 1, type: 'ack', id: command.id, result });
    await subscription.replay();
  }

  /**
   * A client must never take a hole for "nothing happened": when the events after `after`
   * are no longer kept (retention, deletion) or the stream is behind what the client saw
   * (a restored database), say so.
   */
  async #checkReplayable(stream: StreamName, after: number, last: number): Promise<void> {
    if (after > last) {
      throw new StreamGapError(
        `${stream} ends at ${last}, before ${after}; load it again and subscribe after ${last}`,
        last,
      );
    }
    if (after === last) return;
    const [next] = await readEvents(this.deps.storage, stream, after, 1);
    if (next?.seq !== after + 1) {
      throw new StreamGapError(
        `events after ${after} of ${stream} are no longer kept; load it again and subscribe after ${last}`,
        last,
      );
    }
  }

  #fail(error: unknown, id: string | undefined): void {
    const known = error instanceof HubError;
    if (!known) this.deps.log.error({ err: error }, 'command failed');
    this.#send({
      v: 1,
      type: 'error',
      ...(id ? { id } : {}),
      code: known ? error.code : 'internal',
      message: known ? error.message : 'the hub failed; retry with the same id',
      ...(error instanceof StreamGapError ? { lastSeq: error.lastSeq } : {}),
    });
  }

  #send(frame: ServerFrame, serialize: (frame: ServerFrame) => string = JSON.stringify): void {
    this.#sendText(serialize(frame));
  }

  #sendText(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) sendCoalesced(this.socket, text);
  }

  #dropSubscriptions(): void {
    for (const subscription of this.#subscriptions.values()) subscription.stop();
    this.#subscriptions.clear();
  }
}
