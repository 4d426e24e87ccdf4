import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { EventFrame } from '../../../protocol/index.js';

/** A server frame, loosely typed: this client only reads a few fields of each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Frame = { type: string; id?: string; [field: string]: any };

export interface ResilientClientOptions {
  /** Hub base URL (http). */
  hub: string;
  siteKey: string;
  /** Sent as the upgrade's Origin header, as a browser would. */
  origin: string;
  token: string;
}

interface Pending {
  frame: Frame;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Stream {
  lastSeq: number;
  onEvent(frame: EventFrame): void;
}

/**
 * A Node protocol client with the browser client's rules (docs/protocol.md, "Reconnecting"):
 * commands keep their id and are resent until answered, streams resume after the last seq
 * seen, events already seen are dropped, and a dropped socket reconnects with backoff.
 */
export class ResilientClient {
  online = false;
  private socket: WebSocket | null = null;
  private closed = false;
  private attempt = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly options: ResilientClientOptions) {
    this.connect();
  }

  /** Resolves with the ack's result; only an error answer other than `internal` rejects. */
  command(type: string, fields: Record<string, unknown>, id = randomUUID()): Promise<unknown> {
    const frame = { v: 1, type, id, ...fields };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { frame, resolve, reject });
      if (this.online) this.send(frame);
    });
  }

  subscribe(stream: string, onEvent: (frame: EventFrame) => void): void {
    this.streams.set(stream, { lastSeq: 0, onEvent });
    if (this.online) this.sendSubscribe(stream);
  }

  /** Loses the socket as a failing network would; the client recovers by itself. */
  drop(): boolean {
    if (!this.online) return false;
    this.socket?.terminate();
    return true;
  }

  /** Stops for good; commands still waiting reject. */
  close(): void {
    this.closed = true;
    this.socket?.terminate();
    for (const command of this.pending.values()) command.reject(new Error('client closed'));
    this.pending.clear();
  }

  private connect(): void {
    if (this.closed) return;
    const url = `${this.options.hub.replace(/^http/, 'ws')}/ws?siteKey=${this.options.siteKey}`;
    const socket = new WebSocket(url, { origin: this.options.origin });
    this.socket = socket;
    socket.on('open', () =>
      this.send({ v: 1, type: 'hello', id: 'hello', token: this.options.token }),
    );
    socket.on('message', (data) => this.receive(JSON.parse(data.toString()) as Frame));
    socket.on('error', () => {}); // 'close' follows, and reconnects
    socket.on('close', () => {
      if (socket !== this.socket) return;
      this.online = false;
      this.socket = null;
      const delay = Math.random() * Math.min(1000, 50 * 2 ** this.attempt++);
      setTimeout(() => this.connect(), delay);
    });
  }

  private receive(frame: Frame): void {
    if (frame.type === 'event') return this.deliver(frame as unknown as EventFrame);
    // A sender's own events ride in its ack (protocol.md, "Envelope").
    if (frame.type === 'ack')
      (frame.events as EventFrame[] | undefined)?.forEach((event) => this.deliver(event));
    if (frame.id === 'hello') return this.welcomed(frame);
    if (frame.id?.startsWith('subscribe:')) {
      if (frame.type === 'error')
        throw new Error(`subscribe failed: ${frame.code} ${frame.message}`);
      return;
    }
    const command = frame.id === undefined ? undefined : this.pending.get(frame.id);
    if (!command) return; // a late answer to a command already settled
    if (frame.type === 'error' && frame.code === 'internal') {
      setTimeout(() => this.online && this.send(command.frame), 100);
      return;
    }
    this.pending.delete(frame.id!);
    if (frame.type === 'ack') command.resolve(frame.result);
    else command.reject(new Error(`${frame.code}: ${frame.message}`));
  }

  private welcomed(frame: Frame): void {
    if (frame.type !== 'ack') throw new Error(`hello failed: ${frame.code} ${frame.message}`);
    this.online = true;
    this.attempt = 0;
    for (const stream of this.streams.keys()) this.sendSubscribe(stream);
    for (const { frame: command } of this.pending.values()) this.send(command);
  }

  private deliver(frame: EventFrame): void {
    const stream = this.streams.get(frame.stream);
    if (!stream || frame.seq <= stream.lastSeq) return;
    // A hole: ask for everything after the last seq seen again, and drop this one.
    if (frame.seq > stream.lastSeq + 1) return this.sendSubscribe(frame.stream);
    stream.lastSeq = frame.seq;
    stream.onEvent(frame);
  }

  private sendSubscribe(stream: string): void {
    const after = this.streams.get(stream)!.lastSeq;
    this.send({ v: 1, type: 'subscribe', id: `subscribe:${randomUUID()}`, stream, after });
  }

  private send(frame: Frame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}
