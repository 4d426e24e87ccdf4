import type { ChatMessage, EventFrame, Role } from '../../../protocol/index.js';

/** The texts one side saw on a conversation stream, and how they compare with what was sent. */
export class ConversationLog {
  readonly texts: Array<{ role: Role; text: string }> = [];

  onEvent = (frame: EventFrame): void => {
    if (frame.event.type !== 'message.created') return;
    const message = (frame.event as { message: ChatMessage }).message;
    this.texts.push({ role: message.author.role, text: message.text });
  };

  /** Texts by `role`, in stream order. */
  by(role: Role): string[] {
    return this.texts.filter((each) => each.role === role).map((each) => each.text);
  }

  /**
   * Compares what `role` sent with what this side saw of it: lost = sent but never seen,
   * duplicated = seen more than once, inOrder = the first sightings follow the sending order.
   */
  check(role: Role, sent: string[]): { lost: number; duplicated: number; inOrder: boolean } {
    const seen = this.by(role);
    const unique = [...new Set(seen)];
    return {
      lost: sent.filter((text) => !unique.includes(text)).length,
      duplicated: seen.length - unique.length,
      inOrder: unique.join('\n') === sent.filter((text) => unique.includes(text)).join('\n'),
    };
  }
}
