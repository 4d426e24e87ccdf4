import type {
  EventFrame,
  SignalFrame,
  StreamEvent,
  StreamName,
  StreamSignal,
} from '../../../protocol/index.js';

/** The fake hub's streams: events with seq numbers from 1, replayed and then delivered live. */
export class FakeEventLog {
  private readonly streams = new Map<StreamName, EventFrame[]>();
  private readonly watchers = new Map<StreamName, Set<(frame: EventFrame) => void>>();
  private readonly signalWatchers = new Map<StreamName, Set<(frame: SignalFrame) => void>>();

  /** Per stream, the first seq still kept (retention dropped the ones before). */
  private readonly firstKept = new Map<StreamName, number>();

  /** Drops the events before `seq`, as retention does; a replay from before them is a `stream.gap`. */
  forgetBefore(stream: StreamName, seq: number): void {
    this.firstKept.set(stream, seq);
  }

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

  /** Tells the watchers of `stream` right now; nothing is stored (as the hub's signals). */
  signal(stream: StreamName, signal: StreamSignal): void {
    const frame: SignalFrame = { v: 1, type: 'signal', stream, signal };
    for (const deliver of this.signalWatchers.get(stream) ?? []) deliver(frame);
  }

  /** Stored events after `after`, then live ones (and signals), until the returned stop is called. */
  watch(
    stream: StreamName,
    after: number,
    deliver: (frame: EventFrame) => void,
    onSignal?: (frame: SignalFrame) => void,
  ): () => void {
    const firstKept = this.firstKept.get(stream) ?? 1;
    if (after + 1 < firstKept && after < this.lastSeq(stream)) {
      throw {
        code: 'stream.gap',
        message: `events after ${after} of ${stream} are no longer kept`,
        lastSeq: this.lastSeq(stream),
      };
    }
    for (const frame of this.streams.get(stream) ?? []) if (frame.seq > after) deliver(frame);
    const set = watchers(this.watchers, stream);
    set.add(deliver);
    const signals = watchers(this.signalWatchers, stream);
    if (onSignal) signals.add(onSignal);
    return () => {
      set.delete(deliver);
      if (onSignal) signals.delete(onSignal);
    };
  }
}

function watchers<T>(map: Map<StreamName, Set<T>>, stream: StreamName): Set<T> {
  let set = map.get(stream);
  if (!set) map.set(stream, (set = new Set()));
  return set;
}
