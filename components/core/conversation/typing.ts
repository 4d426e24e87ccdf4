import type { Role, StreamSignal } from '../../../protocol/index.js';

type TypingSignal = Extract<StreamSignal, { type: 'typing' }>;
export type Typist = TypingSignal['author'];

/** At most one "typing" per this long while someone keeps typing. */
export const typingThrottleMs = 3_000;
/** No keystroke for this long counts as having stopped. */
export const typingIdleMs = 5_000;
/** A "typing" not renewed for this long is stale: its "stopped" may have been lost. */
export const typingExpiryMs = 7_000;

/**
 * The sending side: turns keystrokes into few `chat.typing` commands. "Typing" at most once
 * per `typingThrottleMs`, "stopped" once on send, blur, an emptied box or `typingIdleMs` idle.
 */
export class TypingReporter {
  #active = false;
  #lastSent = 0;
  #idle?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly send: (active: boolean) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The draft changed; `hasText` is whether anything is left in it. */
  input(hasText: boolean): void {
    if (!hasText) return this.stop();
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.stop(), typingIdleMs);
    const now = this.clock();
    if (this.#active && now - this.#lastSent < typingThrottleMs) return;
    this.#active = true;
    this.#lastSent = now;
    this.send(true);
  }

  stop(): void {
    clearTimeout(this.#idle);
    if (!this.#active) return;
    this.#active = false;
    this.send(false);
  }
}

/**
 * The receiving side: who is typing now. A "typing" lasts `typingExpiryMs` unless renewed,
 * and ends with "stopped" or with that person's message.
 */
export class TypingWatcher {
  readonly #typists = new Map<string, { author: Typist; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    /** Signals from this principal are ignored (the hub does not send them; a fake might). */
    private readonly selfId: () => string | undefined,
    private readonly onChange: () => void,
  ) {}

  signal(signal: StreamSignal): void {
    if (signal.type !== 'typing' || signal.author.id === this.selfId()) return;
    this.#drop(signal.author.id);
    if (signal.active) {
      const timer = setTimeout(() => this.ended(signal.author.id), typingExpiryMs);
      this.#typists.set(signal.author.id, { author: signal.author, timer });
    }
    this.onChange();
  }

  /** That person sent a message (or left): they are no longer typing it. */
  ended(authorId: string): void {
    if (this.#drop(authorId)) this.onChange();
  }

  get typists(): Typist[] {
    return [...this.#typists.values()].map((each) => each.author);
  }

  clear(): void {
    for (const id of [...this.#typists.keys()]) this.#drop(id);
  }

  #drop(authorId: string): boolean {
    const typist = this.#typists.get(authorId);
    if (!typist) return false;
    clearTimeout(typist.timer);
    this.#typists.delete(authorId);
    return true;
  }
}

/** The name a typist is shown by: theirs, else their role's. */
export function typistName(typist: Typist, roleNames: Record<Role, string>): string {
  return typist.name || roleNames[typist.role];
}
