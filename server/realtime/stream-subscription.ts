import type { EventFrame, SignalFrame, StreamName } from '../../protocol/index.js';
import type { EventBus } from '../bus/index.js';
import { signalTopic } from '../streams/signals.js';

const replayPageSize = 500;

/**
 * Delivers one stream to one socket in seq order, exactly once: live events are buffered
 * while stored ones are replayed, and a hole in the live feed (events published out of
 * commit order, or by another hub node) is filled from the database. When the bus says
 * events may have gone past this node (Redis reconnected), the database is read again.
 */
export class StreamSubscription {
  #lastSent: number;
  #pending: EventFrame[] = [];
  #catchingUp = false;
  /** Set when the bus reports a miss during a replay: that replay reads once more. */
  #readAgain = false;
  #replaying: Promise<void> | null = null;
  #stopped = false;
  readonly #unsubscribe: () => void;
  readonly #unsubscribeSignals: () => void;

  constructor(
    readonly stream: StreamName,
    after: number,
    private readonly deps: {
      bus: EventBus;
      read: (stream: StreamName, after: number, limit: number) => Promise<EventFrame[]>;
      send: (frame: EventFrame) => void;
      /** What this socket may see of each frame (replayed, live or carried). */
      view?: (frame: EventFrame) => EventFrame;
      /** Signals are passed on as they come: they have no seq and are never replayed. */
      sendSignal: (frame: SignalFrame) => void;
      onError: (error: unknown) => void;
    },
  ) {
    this.#lastSent = after;
    // Listen before reading the database so nothing published meanwhile is lost.
    this.#catchingUp = true;
    this.#unsubscribe = deps.bus.subscribe(
      stream,
      (payload) => this.#onLive(payload as EventFrame),
      () => void this.replay().catch(deps.onError),
    );
    this.#unsubscribeSignals = deps.bus.subscribe(signalTopic(stream), (payload) => {
      if (!this.#stopped) deps.sendSignal(payload as SignalFrame);
    });
  }

  /**
   * Sends the stored events after the last one sent, then everything buffered meanwhile.
   * Called while a replay runs, it joins that one, which then reads the database once more.
   */
  replay(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#replaying) {
      this.#readAgain = true;
      return this.#replaying;
    }
    this.#catchingUp = true;
    this.#replaying = this.#catchUp();
    return this.#replaying;
  }

  async #catchUp(): Promise<void> {
    try {
      do {
        this.#readAgain = false;
        for (;;) {
          const before = this.#lastSent;
          await this.#sendStored();
          const holeLeft = this.#flushPending();
          // Stop when done, or when the database had nothing new (the hole waits for the next event).
          if (!holeLeft || this.#stopped || this.#lastSent === before) break;
        }
      } while (this.#readAgain && !this.#stopped);
    } finally {
      // In the same turn as the last flush: a live event cannot slip in between.
      this.#catchingUp = false;
      this.#replaying = null;
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#pending = [];
    this.#unsubscribe();
    this.#unsubscribeSignals();
  }

  async #sendStored(): Promise<void> {
    for (;;) {
      const before = this.#lastSent;
      const page = await this.deps.read(this.stream, before, replayPageSize);
      page.forEach((frame) => this.#deliver(frame));
      if (page.length < replayPageSize || this.#stopped || this.#lastSent === before) return;
    }
  }

  /**
   * The frame as this socket sees it, when it is next in line now: the caller sends it (in
   * the ack of the command that made it) and its live copy is skipped. Null when it is not
   * next (a replay runs, or an earlier event is still on its way): it comes live as usual.
   */
  carry(frame: EventFrame): EventFrame | null {
    if (this.#stopped || this.#catchingUp || frame.seq !== this.#lastSent + 1) return null;
    this.#lastSent = frame.seq;
    return this.#viewed(frame);
  }

  #onLive(frame: EventFrame): void {
    if (this.#stopped || frame.seq <= this.#lastSent) return;
    if (!this.#catchingUp && frame.seq === this.#lastSent + 1) {
      this.#deliver(frame);
      return;
    }
    this.#pending.push(frame);
    if (!this.#catchingUp) this.replay().catch(this.deps.onError);
  }

  /** Delivers buffered frames in order; true when a hole remains that only the database can fill. */
  #flushPending(): boolean {
    const pending = this.#pending.sort((a, b) => a.seq - b.seq);
    this.#pending = [];
    for (const [index, frame] of pending.entries()) {
      if (frame.seq <= this.#lastSent) continue;
      if (frame.seq !== this.#lastSent + 1) {
        this.#pending = pending.slice(index);
        return true;
      }
      this.#deliver(frame);
    }
    return false;
  }

  #deliver(frame: EventFrame): void {
    if (this.#stopped || frame.seq !== this.#lastSent + 1) return;
    this.#lastSent = frame.seq;
    this.deps.send(this.#viewed(frame));
  }

  #viewed(frame: EventFrame): EventFrame {
    return this.deps.view ? this.deps.view(frame) : frame;
  }
}
