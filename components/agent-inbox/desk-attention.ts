import { claimChime } from '../core/notice/chime-claim.js';
import { chime, TitleNotice } from '../core/notice/page-notice.js';
import type { ConversationSummary } from '../../protocol/index.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { deskNotice } from './desk-notice-text.js';
import { DeskNotifications } from './desk-notifications.js';

/** What arrived: a visitor's message in one of the agent's conversations, or a visitor waiting. */
export type Arrival = { conversationId: string; text: string } | { waiting: ConversationSummary };

/**
 * What asks for the agent's attention: visitor messages in their conversations not seen yet
 * (another conversation is open, or the tab is hidden), and conversations that began
 * waiting while the tab was hidden. The list shows the counts per conversation; a hidden tab
 * also gets "(3) …" before its title and, with `chime`, a short sound, and, when the agent
 * turned them on, a desktop notification: one, however many of the agent's tabs heard it.
 */
export class DeskAttention {
  /** Play a chime when something arrives while the tab is hidden (the page's `chime`). */
  chime = false;
  /** The agent's "Sound alerts" choice, kept in this browser: the chime plays only with it. */
  #soundOn = soundPreference.read();
  /** The agent's desktop notifications. */
  readonly notifications = new DeskNotifications(() => this.options.onChange());
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
      l10n(): LocalizeController;
      /** The visitor's name as they gave it, if they did. */
      nameOf(conversationId: string): string | undefined;
      /** Opens a conversation on the desk (a click on its notification). */
      open(conversationId: string): void;
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
    if (!open) this.announcement = this.options.l10n().t('inbox.newElsewhere', { text });
    this.#notify(conversationId, seq, { conversationId, text });
  }

  /** A visitor began waiting (or routing offered a conversation to the agent): desk event `seq`. */
  waiting(seq: number, conversation: ConversationSummary): void {
    if (!document.hidden) return;
    this.#arrivedWhileHidden++;
    this.#notify('desk', seq, { waiting: conversation });
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

  #notify(subject: string, seq: number, arrival: Arrival): void {
    this.options.onChange();
    if (!document.hidden) return;
    this.#showTitle();
    const sound = this.chime && this.#soundOn;
    const notify = this.notifications.on;
    if (!sound && !notify) return;
    void claimChime(this.options.chimeKey(), subject, seq).then((mine) => {
      if (!mine) return;
      if (sound) chime();
      if (notify) this.notifications.show(deskNotice(arrival, this.options.l10n(), this.options));
    });
  }

  /** A hidden tab's title counts what waits for the agent; nothing left, the page's own. */
  #showTitle(): void {
    if (!document.hidden) return;
    let count = this.#arrivedWhileHidden;
    for (const unread of this.#unread.values()) count += unread;
    if (count) this.#title.show(this.options.l10n().t('inbox.titleNotice', { count }));
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
