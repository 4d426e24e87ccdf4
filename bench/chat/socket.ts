import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** A server frame, loosely typed: the bench reads only a few fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = { type: string; id?: string; [field: string]: any };

/** One protocol socket: commands awaited by id during setup, every other frame to `onFrame`. */
export class BenchSocket {
  onFrame: (frame: Frame) => void = () => {};
  private readonly waiting = new Map<string, (frame: Frame) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const answer = frame.id === undefined ? undefined : this.waiting.get(frame.id);
      if (!answer) return this.onFrame(frame);
      this.waiting.delete(frame.id!);
      answer(frame);
    });
  }

  static open(url: string, origin: string): Promise<BenchSocket> {
    const socket = new WebSocket(url, { origin });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new BenchSocket(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a command and resolves with its ack's result; an error answer rejects. */
  request(type: string, fields: Record<string, unknown> = {}): Promise<Frame> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (frame) =>
        frame.type === 'ack'
          ? resolve(frame.result as Frame)
          : reject(new Error(`${type}: ${frame.code} ${frame.message}`)),
      );
      this.send({ v: 1, type, id, ...fields });
    });
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.socket.terminate();
  }
}
