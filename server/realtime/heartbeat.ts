import type { WebSocket } from 'ws';

/** Pings every socket each interval and drops those that did not answer the previous ping. */
export class Heartbeat {
  readonly #alive = new Map<WebSocket, boolean>();
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 30_000) {
    this.#timer = setInterval(() => this.#beat(), intervalMs);
    this.#timer.unref();
  }

  watch(socket: WebSocket): void {
    this.#alive.set(socket, true);
    socket.on('pong', () => this.#alive.set(socket, true));
    socket.on('close', () => this.#alive.delete(socket));
  }

  /** Sockets currently open, for shutdown. */
  get sockets(): WebSocket[] {
    return [...this.#alive.keys()];
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #beat(): void {
    for (const [socket, alive] of this.#alive) {
      if (!alive) {
        socket.terminate();
        this.#alive.delete(socket);
        continue;
      }
      this.#alive.set(socket, false);
      socket.ping();
    }
  }
}
