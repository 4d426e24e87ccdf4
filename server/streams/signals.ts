import type { SignalFrame, StreamName, StreamSignal } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { EventBus } from '../bus/index.js';

/** Signals travel on their own bus topic beside the stream's stored events. */
export const signalTopic = (stream: StreamName): string => `signal:${stream}`;

export function signalFrame(stream: StreamName, signal: StreamSignal): SignalFrame {
  return { v: 1, type: 'signal', stream, signal };
}

/** Tells the sockets subscribed to `stream` right now; nothing is stored. */
export function publishSignal(
  bus: EventBus,
  stream: StreamName,
  signal: StreamSignal,
): Promise<void> {
  return bus.publish(signalTopic(stream), signalFrame(stream, signal));
}

/** A signal about the principal themself (their own typing): their sockets need not hear it. */
export function fromSelf({ signal }: SignalFrame, principal: Principal): boolean {
  return (
    signal.type === 'typing' &&
    signal.author.id === principal.id &&
    signal.author.role === principal.role
  );
}
