import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** Server frames, loosely typed so tests can reach into them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = { type: string; [field: string]: any };

/** A protocol client for tests: sends raw frames or commands and waits for matching frames. */
export class WsClient {
  /** The frames as the hub sent them. */
  readonly received: Frame[] = [];
  /** The frames as a client handles them: events carried in an ack come just before it. */
  readonly frames: Frame[] = [];
  readonly #taken = new Set<number>();
  #waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.received.push(frame);
      if (frame.type === 'ack') this.frames.push(...((frame.events as Frame[] | undefined) ?? []));
      this.frames.push(frame);
      this.#waiters.forEach((wake) => wake());
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens /ws; rejects with `{ status, body }` when the upgrade is refused. */
  static connect(baseUrl: string, siteKey: string, origin: string | null): Promise<WsClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/ws?siteKey=${encodeURIComponent(siteKey)}`;
    const socket = new WebSocket(url, origin ? { origin } : {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new WsClient(socket)));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () =>
          reject({ status: response.statusCode, body: JSON.parse(body || '{}') }),
        );
      });
      socket.once('error', reject);
    });
  }

  sendRaw(data: string | object): void {
    this.socket.send(typeof data === 'string' ? data : JSON.stringify(data));
  }

  /** Sends a command (with a fresh id unless given) and resolves with its ack or error frame. */
  async command(
    type: string,
    fields: Record<string, unknown> = {},
    id: string = randomUUID(),
  ): Promise<Frame> {
    this.sendRaw({ v: 1, type, id, ...fields });
    return this.waitFor(
      (frame) => (frame.type === 'ack' || frame.type === 'error') && frame.id === id,
    );
  }

  /** Like command() but fails the test unless the answer is an ack; returns its result. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async ok<T = Record<string, any>>(
    type: string,
    fields: Record<string, unknown> = {},
    id?: string,
  ): Promise<T> {
    const frame = await this.command(type, fields, id);
    if (frame.type !== 'ack') throw new Error(`${type} failed: ${JSON.stringify(frame)}`);
    return frame.result as T;
  }

  /** The first frame not yet taken that matches; waits up to timeoutMs for it. */
  waitFor(match: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.frames.findIndex((frame, i) => !this.#taken.has(i) && match(frame));
        if (index === -1) return false;
        this.#taken.add(index);
        cleanup();
        resolve(this.frames[index]!);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
      };
      if (!check()) this.#waiters.push(check);
    });
  }

  /** Event frames of a stream received so far. */
  events(stream: string): Frame[] {
    return this.frames.filter((frame) => frame.type === 'event' && frame.stream === stream);
  }

  close(): void {
    this.socket.close();
  }
}
