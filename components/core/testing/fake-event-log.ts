import type { EventFrame, StreamEvent, StreamName } from '../../../protocol/index.js';

/** The fake hub's streams: events with seq numbers from 1, replayed and then delivered live. */
export class FakeEventLog {
  private readonly streams = new Map<StreamName, EventFrame[]>();
  private readonly watchers = new Map<StreamName, Set<(frame: EventFrame) => void>>();

  lastSeq(stream: StreamName): number {
    return this.streams.get(stream)?.length ?? 0;
  }

  /** Stores the event as the stream's next seq, delivers it to watchers, returns its seq. */
  append(stream: StreamName, event: StreamEvent): number {
    const frames = this.streams.get(stream) ?? [];
    this.streams.set(stream, frames);
    const frame: EventFrame = {
      v: 1,
      type: 'event',
      stream,
      seq: frames.length + 1,
      at: new Date().toISOString(),
      event,
    };
    frames.push(frame);
    for (const deliver of this.watchers.get(stream) ?? []) deliver(frame);
    return frame.seq;
  }

  /** Stored events after `after`, then live ones, until the returned stop is called. */
  watch(stream: StreamName, after: number, deliver: (frame: EventFrame) => void): () => void {
    for (const frame of this.streams.get(stream) ?? []) if (frame.seq > after) deliver(frame);
    let set = this.watchers.get(stream);
    if (!set) this.watchers.set(stream, (set = new Set()));
    set.add(deliver);
    return () => set.delete(deliver);
  }
}
