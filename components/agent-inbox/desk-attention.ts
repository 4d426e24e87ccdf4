import { claimChime } from '../core/notice/chime-claim.js';
import { chime, TitleNotice } from '../core/notice/page-notice.js';

/**
 * What asks for the agent's attention: visitor messages in their conversations not seen yet
 * (another conversation is open, or the tab is hidden), and conversations that began
 * waiting while the tab was hidden. The list shows the counts per conversation; a hidden tab
 * also gets "(3) …" before its title and, with `chime`, a short sound: one, however many
 * of the agent's tabs heard it.
 */
export class DeskAttention {
  /** Play a chime when something arrives while the tab is hidden (the page's `chime`). */
  chime = false;
  /** The agent's "Sound alerts" choice, kept in this browser: the chime plays only with it. */
  #soundOn = soundPreference.read();
  /** For a polite live region: the latest message of a conversation that is not open. */
  announcement = '';
  readonly #unread = new Map<string, number>();
  #arrivedWhileHidden = 0;
  readonly #title = new TitleNotice();

  constructor(
    private readonly options: {
      /** The conversation open on the desk. */
      selected(): string;
      /** Where the tabs of this desk (hub, site, agent) claim their chimes. */
      chimeKey(): string;
      /** The title prefix for `count` things waiting for the agent. */
      titleText(count: number): string;
      /** What a screen reader hears of a message in a conversation that is not open. */
      announce(text: string): string;
      onChange(): void;
    },
  ) {}

  connect(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  disconnect(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#title.disconnect();
  }

  get soundOn(): boolean {
    return this.#soundOn;
  }

  setSound(on: boolean): void {
    this.#soundOn = on;
    soundPreference.write(on);
    this.options.onChange();
  }

  /** Visitor messages in `conversationId` the agent has not seen. */
  unread(conversationId: string): number {
    return this.#unread.get(conversationId) ?? 0;
  }

  /** Message `seq` of `conversationId`, from its visitor. */
  visitorWrote(conversationId: string, text: string, seq: number): void {
    const open = conversationId === this.options.selected();
    if (open && !document.hidden) return;
    this.#unread.set(conversationId, this.unread(conversationId) + 1);
    // The open conversation's log announces its own messages.
    if (!open) this.announcement = this.options.announce(text);
    this.#notify(conversationId, seq);
  }

  /** A visitor began waiting (or routing offered a conversation to the agent): desk event `seq`. */
  waiting(seq: number): void {
    if (!document.hidden) return;
    this.#arrivedWhileHidden++;
    this.#notify('desk', seq);
  }

  /** The agent opened `conversationId` in a visible tab: its messages are seen. */
  seen(conversationId: string): void {
    if (document.hidden || !this.#unread.delete(conversationId)) return;
    this.options.onChange();
  }

  /** Forgets counts of conversations that are no longer the agent's (closed, transferred). */
  keepOnly(conversationIds: ReadonlySet<string>): void {
    let dropped = false;
    for (const id of this.#unread.keys())
      if (!conversationIds.has(id)) dropped = this.#unread.delete(id);
    if (dropped) this.#showTitle();
  }

  /** Drops every count (another agent signed in). */
  clear(): void {
    this.#unread.clear();
    this.#arrivedWhileHidden = 0;
    this.#title.restore();
  }

  #notify(subject: string, seq: number): void {
    this.options.onChange();
    if (!document.hidden) return;
    this.#showTitle();
    if (!this.chime || !this.#soundOn) return;
    void claimChime(this.options.chimeKey(), subject, seq).then((mine) => mine && chime());
  }

  /** A hidden tab's title counts what waits for the agent; nothing left, the page's own. */
  #showTitle(): void {
    if (!document.hidden) return;
    let count = this.#arrivedWhileHidden;
    for (const unread of this.#unread.values()) count += unread;
    if (count) this.#title.show(this.options.titleText(count));
    else this.#title.restore();
  }

  readonly #onVisibility = (): void => {
    if (document.hidden) return;
    this.#arrivedWhileHidden = 0;
    this.#title.restore();
    this.seen(this.options.selected());
  };
}

const soundKey = 'cxkit.desk.sound';

/** The agent's "Sound alerts" choice, kept in this browser: on unless they turned it off. */
const soundPreference = {
  read(): boolean {
    try {
      return localStorage.getItem(soundKey) !== 'off';
    } catch {
      return true; // Storage blocked: the page's `chime` decides.
    }
  },
  write(on: boolean): void {
    try {
      if (on) localStorage.removeItem(soundKey);
      else localStorage.setItem(soundKey, 'off');
    } catch {
      // Storage blocked: the choice lasts as long as the page.
    }
  },
};
