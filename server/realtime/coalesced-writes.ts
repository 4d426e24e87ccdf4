import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Frames sent to one socket in one turn of the event loop leave in one write. A chat send
 * answers its sender twice (the event on the stream, then the ack); each write is a system
 * call that also runs the network stack, so one write instead of two saves the hub CPU.
 * ws writes through the socket's own cork, which nests: we hold it until the turn ends.
 * `_socket` is ws's own field (not public API): without it, frames go out one by one.
 */
const corked = new Set<Socket>();
let flushScheduled = false;

export function sendCoalesced(socket: WebSocket, text: string): void {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (raw && !corked.has(raw)) {
    raw.cork();
    corked.add(raw);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
  socket.send(text);
}

function flush(): void {
  flushScheduled = false;
  for (const raw of corked) raw.uncork();
  corked.clear();
}
