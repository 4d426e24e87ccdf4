import type { ConversationSummary, DeskEvent } from '../../protocol/index.js';
import type { HubConnection, HubError, Subscription } from '../core/hub/hub-connection.js';
import { DeskState } from './desk-state.js';

export interface DeskFeedOptions {
  /** The connection the inbox speaks through now: an answer for an older one is dropped. */
  current(): HubConnection | null;
  desk(): DeskState;
  setDesk(desk: DeskState): void;
  /** The site to follow when the principal does not say (before `hello`). */
  siteKey(): string;
  /** A visitor began waiting, or a transfer put a conversation back in the queue (`seq`: the desk event's). */
  onArrival(seq: number, conversation: ConversationSummary): void;
  /** Something went wrong: a line for the agent. */
  onNotice(error: HubError, whileLoading: boolean): void;
  /** Events the desk missed are gone (a restored database): the inbox loads it afresh. */
  onGap(): void;
}

/** The desk from the hub: `desk.snapshot`, then the events of the site's `desk:` stream. */
export class DeskFeed {
  #subscription: Subscription | null = null;

  constructor(private readonly options: DeskFeedOptions) {}

  stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  async load(connection: HubConnection): Promise<void> {
    const { options } = this;
    try {
      const snapshot = await connection.command('desk.snapshot', {});
      if (connection !== options.current()) return;
      options.setDesk(DeskState.fromSnapshot(snapshot));
      const siteKey = connection.principal?.siteKey ?? options.siteKey();
      this.#subscription = connection.subscribe(`desk:${siteKey}`, snapshot.seq, {
        onEvent: (frame) => this.#apply(frame.event as DeskEvent, frame.seq),
        onError: (error) =>
          error.code === 'stream.gap' ? options.onGap() : options.onNotice(error, false),
      });
    } catch (error) {
      // A connection replaced meanwhile (another token, another cx-config) no longer speaks here.
      if (connection === options.current()) options.onNotice(error as HubError, true);
    }
  }

  #apply(event: DeskEvent, seq: number): void {
    const desk = this.options.desk();
    if (event.type !== 'agent.updated') {
      const { id, status, offline } = event.conversation;
      if (status === 'waiting' && !offline && desk.conversations.get(id)?.status !== 'waiting')
        this.options.onArrival(seq, event.conversation);
    }
    this.options.setDesk(desk.withEvent(event));
  }
}
