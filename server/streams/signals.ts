import type { SignalFrame, StreamName, StreamSignal } from '../../protocol/index.js';
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
