import type {
  AckFrame,
  ClientCommand,
  CommandResults,
  CommandType,
  ErrorFrame,
  EventFrame,
  ServerFrame,
  StreamName,
} from '../../../protocol/index.js';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff.js';
import { newCommandId } from './command-id.js';
import type { Credentials } from './credentials.js';
import { HubHttpError } from './http.js';
import type {
  CommandFields,
  ConnectionStatus,
  HubConnection,
  HubError,
  Principal,
  StreamListener,
  Subscription,
} from './hub-connection.js';
import { StreamTracker } from './stream-tracker.js';

export interface HubClientOptions {
  /** Hub base URL (http or https). */
  hub: string;
  siteKey: string;
  credentials: Credentials;
  backoff?: BackoffOptions;
  /** After this long online, the backoff starts again from its first step. */
  stableMs?: number;
}

interface PendingCommand {
  frame: ClientCommand;
  resolve(result: unknown): void;
  reject(error: HubError): void;
}

type ReplyHandler = (frame: AckFrame | ErrorFrame) => void;

const authRetryCodes = new Set(['auth.invalid_token', 'auth.expired_token']);

/**
 * The browser side of docs/protocol.md over one WebSocket: `hello` first, commands that
 * survive reconnects (resent with the same id, which the hub dedupes), streams resumed
 * from their last seq, reconnects with backoff and jitter. Connects on first use.
 */
export class HubClient implements HubConnection {
  status: ConnectionStatus = 'connecting';
  principal: Principal | null = null;
  lastError: HubError | null = null;

  private socket: WebSocket | null = null;
  private started = false;
  private closed = false;
  private attempt = 0;
  private renewedToken = false;
  /** Between the start of `connect` and its socket (the token may be fetched first). */
  private connecting = false;
  private lastNudge = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private stableTimer?: ReturnType<typeof setTimeout>;
  /** Commands waiting for their ack, in the order they were issued. */
  private readonly pending = new Map<string, PendingCommand>();
  /** Answers the client waits for itself (hello, subscribe) on the current socket. */
  private readonly replies = new Map<string, ReplyHandler>();
  private readonly streams: StreamTracker;
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly options: HubClientOptions) {
    this.streams = new StreamTracker((stream, after) => this.sendSubscribe(stream, after));
  }

  command<T extends CommandType>(
    type: T,
    fields: CommandFields<T>,
    id = newCommandId(),
  ): Promise<CommandResults[T]> {
    if (this.closed || this.lastError) {
      return Promise.reject(
        this.lastError ?? { code: 'client.closed', message: 'The connection was closed.' },
      );
    }
    const frame = { ...fields, v: 1, type, id } as ClientCommand;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { frame, resolve: resolve as (result: unknown) => void, reject });
      if (this.status === 'online') this.send(frame);
      else this.reconnectNow();
      this.start();
    });
  }

  subscribe(stream: StreamName, after: number, listener: StreamListener): Subscription {
    const remove = this.streams.add(stream, after, listener);
    this.start();
    return {
      unsubscribe: () => {
        if (remove() && this.status === 'online') {
          this.send({ v: 1, type: 'unsubscribe', id: newCommandId(), stream });
        }
      },
    };
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  dropConnection(): void {
    if (!this.socket) return;
    // Detach first: frames still in flight are lost, exactly as when the network fails.
    this.detachSocket();
    this.scheduleReconnect();
  }

  close(): void {
    this.closed = true;
    removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.reconnectNow);
    clearTimeout(this.reconnectTimer);
    this.detachSocket();
    this.rejectPending({ code: 'client.closed', message: 'The connection was closed.' });
    this.setStatus('offline');
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.reconnectNow);
    void this.connect();
  }

  /**
   * Someone is here now (a command was issued, the network came back, the tab was shown):
   * try at once instead of at the end of a backoff step that may be many seconds long. At
   * most once a second, so a burst of commands is one attempt.
   */
  private readonly reconnectNow = (): void => {
    if (this.closed || this.status !== 'reconnecting' || this.connecting || this.socket) return;
    if (document.hidden || Date.now() - this.lastNudge < 1000) return;
    this.lastNudge = Date.now();
    clearTimeout(this.reconnectTimer);
    void this.connect();
  };

  private async connect(): Promise<void> {
    let token: string;
    this.connecting = true;
    try {
      token = await this.options.credentials.token();
    } catch (error) {
      this.connecting = false;
      if (error instanceof HubHttpError && error.permanent)
        this.fail({ code: error.code, message: error.message });
      else this.scheduleReconnect();
      return;
    }
    this.connecting = false;
    if (this.closed) return;
    const url = `${this.options.hub.replace(/^http/, 'ws')}/ws?siteKey=${encodeURIComponent(this.options.siteKey)}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => this.sayHello(token);
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.detachSocket();
      if (event.code === 4401)
        void this.handleAuthFailure({ code: 'auth.invalid_token', message: event.reason });
      else if (event.code === 4403)
        this.fail({ code: 'auth.forbidden', message: event.reason || 'Forbidden' });
      else this.scheduleReconnect();
    };
  }

  private sayHello(token: string): void {
    const id = newCommandId();
    this.replies.set(id, (frame) => {
      if (frame.type === 'error') {
        if (authRetryCodes.has(frame.code)) void this.handleAuthFailure(frame);
        else this.fail(frame);
        return;
      }
      this.principal = (frame as AckFrame<'hello'>).result;
      this.renewedToken = false;
      this.stableTimer = setTimeout(() => (this.attempt = 0), this.options.stableMs ?? 5_000);
      this.setStatus('online');
      this.streams.resubscribeAll();
      for (const { frame: command } of this.pending.values()) this.send(command);
    });
    const { identityToken } = this.options.credentials;
    this.send({ v: 1, type: 'hello', id, token, ...(identityToken ? { identityToken } : {}) });
  }

  private receive(data: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'event') {
      this.streams.deliver(frame as EventFrame);
      return;
    }
    if (frame.type === 'signal') {
      this.streams.signal(frame);
      return;
    }
    if (frame.id === undefined) return;
    if (frame.type === 'ack') frame.events?.forEach((event) => this.streams.deliver(event));
    const reply = this.replies.get(frame.id);
    if (reply) {
      this.replies.delete(frame.id);
      reply(frame);
      return;
    }
    const command = this.pending.get(frame.id);
    if (!command) return; // a late duplicate answer to a command already settled
    this.pending.delete(frame.id);
    if (frame.type === 'ack') command.resolve(frame.result);
    else command.reject({ code: frame.code, message: frame.message });
  }

  private sendSubscribe(stream: StreamName, after: number): void {
    if (this.status !== 'online') return; // resubscribeAll runs once online again
    const id = newCommandId();
    this.replies.set(id, (frame) =>
      this.streams.answered(stream, frame.type === 'error' ? frame : null),
    );
    this.send({ v: 1, type: 'subscribe', id, stream, after });
  }

  private async handleAuthFailure(error: HubError): Promise<void> {
    this.detachSocket();
    if (!this.renewedToken && (await this.options.credentials.renew())) {
      this.renewedToken = true;
      void this.connect();
    } else {
      this.fail(error);
    }
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.setStatus('reconnecting');
    clearTimeout(this.reconnectTimer);
    const backoff = this.options.backoff ?? defaultBackoff;
    const delay = backoffDelay(this.attempt++, backoff, backoff.random, this.pending.size > 0);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  /** Retrying cannot help: stay offline and tell whoever waits. */
  private fail(error: HubError): void {
    this.detachSocket();
    this.lastError = { code: error.code, message: error.message };
    this.rejectPending(this.lastError);
    this.setStatus('offline');
  }

  private rejectPending(error: HubError): void {
    for (const command of this.pending.values()) command.reject(error);
    this.pending.clear();
  }

  private detachSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.replies.clear();
    this.streams.disconnected();
    clearTimeout(this.stableTimer);
    if (this.status === 'online') this.setStatus('reconnecting');
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN)
      socket.close();
  }

  private send(frame: ClientCommand): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}
