/** `detail` of `cx-message-sent`: the hub acknowledged a message the user sent. */
export interface MessageSentDetail {
  conversationId: string;
  /** The command id, also the message's `clientMessageId`. */
  clientMessageId: string;
  text: string;
}

export function messageSentEvent(detail: MessageSentDetail): CustomEvent<MessageSentDetail> {
  return new CustomEvent('cx-message-sent', { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'cx-message-sent': CustomEvent<MessageSentDetail>;
  }
}
