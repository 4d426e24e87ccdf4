import type { EventFrame, SignalFrame, StreamName } from '../../../protocol/index.js';
import type { HubError, StreamListener } from './hub-connection.js';

interface ListenerState {
  /** Last seq this listener received; it gets each later seq exactly once, in order. */
  lastSeq: number;
  listener: StreamListener;
}

interface StreamState {
  listeners: Set<ListenerState>;
  /** A subscribe is on its way; its replay will fill any hole, so do not ask again. */
  resyncing: boolean;
}

/**
 * Keeps the last seq seen per stream listener and turns the hub's at-least-once,
 * possibly-gapped delivery (replays after reconnects, events lost with a dropped
 * socket) into exactly-once, in-order delivery: duplicates are dropped, and a hole
 * makes it subscribe again from the last seq seen.
 */
export class StreamTracker {
  private readonly streams = new Map<StreamName, StreamState>();

  constructor(private readonly subscribe: (stream: StreamName, after: number) => void) {}

  /** Returns a remover, which tells whether the stream has no listener left. */
  add(stream: StreamName, after: number, listener: StreamListener): () => boolean {
    let state = this.streams.get(stream);
    if (!state) this.streams.set(stream, (state = { listeners: new Set(), resyncing: false }));
    const entry: ListenerState = { lastSeq: after, listener };
    state.listeners.add(entry);
    this.resync(stream, state);
    return () => {
      state.listeners.delete(entry);
      if (state.listeners.size > 0 || this.streams.get(stream) !== state) return false;
      this.streams.delete(stream);
      return true;
    };
  }

  deliver(frame: EventFrame): void {
    const state = this.streams.get(frame.stream);
    if (!state) return;
    let hole = false;
    for (const entry of state.listeners) {
      if (frame.seq <= entry.lastSeq) continue;
      if (frame.seq > entry.lastSeq + 1) {
        hole = true;
        continue;
      }
      entry.lastSeq = frame.seq;
      entry.listener.onEvent(frame);
    }
    if (hole && !state.resyncing) this.resync(frame.stream, state);
  }

  signal(frame: SignalFrame): void {
    for (const entry of this.streams.get(frame.stream)?.listeners ?? [])
      entry.listener.onSignal?.(frame);
  }

  /** The hub answered a subscribe for `stream`. */
  answered(stream: StreamName, error: HubError | null): void {
    const state = this.streams.get(stream);
    if (!state) return;
    state.resyncing = false;
    if (error)
      for (const entry of state.listeners)
        entry.listener.onError?.({
          code: error.code,
          message: error.message,
          ...(error.lastSeq === undefined ? {} : { lastSeq: error.lastSeq }),
        });
  }

  resubscribeAll(): void {
    for (const [stream, state] of this.streams) this.resync(stream, state);
  }

  disconnected(): void {
    for (const state of this.streams.values()) state.resyncing = false;
  }

  private resync(stream: StreamName, state: StreamState): void {
    state.resyncing = true;
    this.subscribe(stream, Math.min(...[...state.listeners].map((entry) => entry.lastSeq)));
  }
}
