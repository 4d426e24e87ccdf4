import type { ConversationEvent, EventFrame } from '../../protocol/index.js';

/** What every tab of the site agrees on, in localStorage: how far the visitor has read. */
interface ReadState {
  conversationId: string;
  /** The last event the visitor saw with the panel open. */
  readSeq: number;
  /** The last agent message a sound or title was given for, so a reload does not repeat it. */
  noticedSeq: number;
}

/** An agent message no tab has given notice of yet. */
export interface FreshMessage {
  conversationId: string;
  seq: number;
}

/**
 * Counts the agent's messages the visitor has not seen yet. "Seen" means shown in an open panel,
 * in any tab: the read position is kept in localStorage, and a `storage` event brings another
 * tab's reading here, which clears this tab's count too.
 */
export class UnreadTracker {
  private conversationId: string | null = null;
  private agentSeqs: number[] = [];
  private lastSeq = 0;

  /**
   * @param key localStorage key of the read state (one per hub and site).
   * @param onChange the count changed; `fresh` names the agent message that arrived when no
   *   tab has given notice of it yet (play the sound, flash the title), else null.
   */
  constructor(
    private readonly key: string,
    private readonly onChange: (count: number, fresh: FreshMessage | null) => void,
  ) {
    addEventListener('storage', this.onStorage);
  }

  disconnect(): void {
    removeEventListener('storage', this.onStorage);
  }

  /** An event of the followed conversation; `visible` when the visitor sees the open panel. */
  take(frame: EventFrame, visible: boolean): void {
    const conversationId = frame.stream.replace(/^conv:/, '');
    if (conversationId !== this.conversationId) {
      this.conversationId = conversationId;
      this.agentSeqs = [];
    }
    this.lastSeq = frame.seq;
    const event = frame.event as ConversationEvent;
    if (event.type === 'message.created' && event.message.author.role === 'agent')
      this.agentSeqs.push(frame.seq);
    if (visible) this.markRead();
    else this.report(true);
  }

  /** The visitor sees the whole conversation now (the panel is open). */
  markRead(): void {
    if (this.conversationId === null) return;
    this.save({
      conversationId: this.conversationId,
      readSeq: this.lastSeq,
      noticedSeq: this.lastSeq,
    });
    this.onChange(0, null);
  }

  private count(state: ReadState | null): number {
    const readSeq = state?.conversationId === this.conversationId ? state.readSeq : 0;
    return this.agentSeqs.filter((seq) => seq > readSeq).length;
  }

  private report(mayNotice: boolean): void {
    const state = this.load();
    const count = this.count(state);
    const noticedSeq = state?.conversationId === this.conversationId ? state.noticedSeq : 0;
    const newest = this.agentSeqs.at(-1) ?? 0;
    const fresh = mayNotice && count > 0 && newest > noticedSeq;
    if (fresh && this.conversationId !== null) {
      this.save({
        conversationId: this.conversationId,
        readSeq: state?.conversationId === this.conversationId ? state.readSeq : 0,
        noticedSeq: newest,
      });
    }
    const conversationId = this.conversationId;
    this.onChange(count, fresh && conversationId ? { conversationId, seq: newest } : null);
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === this.key && this.conversationId !== null) this.report(false);
  };

  private load(): ReadState | null {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? 'null') as ReadState | null;
    } catch {
      return null;
    }
  }

  private save(state: ReadState): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the count still works in this tab.
    }
  }
}
