import { html, nothing } from 'lit';
import type { HandoffDetail } from './cx-chat.js';

type Channel = HandoffDetail['channel'];

/** The widget that takes each channel over, as the page embeds it. */
const targets: Record<Channel, string> = {
  call: 'cx-click-to-call',
  callback: 'cx-callback-scheduler',
};

/**
 * What a voice or callback widget implements to continue a chat: cx-chat calls it after an
 * uncancelled `cx-handoff`. The conversation id lets it show or send the chat as context.
 */
export interface HandoffTarget extends HTMLElement {
  startFromChat?(context: { conversationId: string | null }): void;
}

/** The channels whose widget is on the page (by tag: it may not be defined yet). */
export function availableHandoffs(): Channel[] {
  return (Object.keys(targets) as Channel[]).filter((channel) =>
    document.querySelector(targets[channel]),
  );
}

/** Resolves when a hand-off widget gets defined later, so the panel can show its button. */
export const handoffDefined = (): Promise<unknown> =>
  Promise.race(Object.values(targets).map((tag) => customElements.whenDefined(tag)));

/**
 * Fires the cancelable `cx-handoff` from `chat`, then, unless the page cancelled it, calls the
 * target widget's `startFromChat`. Returns whether the hand-off went ahead.
 */
export function handOff(chat: HTMLElement, detail: HandoffDetail): boolean {
  const request = new CustomEvent('cx-handoff', {
    detail,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (!chat.dispatchEvent(request)) return false;
  const target = document.querySelector<HandoffTarget>(targets[detail.channel]);
  target?.startFromChat?.({ conversationId: detail.conversationId });
  return true;
}

/** The buttons, or nothing when no hand-off widget is on the page. */
export function renderHandoff(
  channels: Channel[],
  t: (key: 'chat.handoff' | 'chat.handoffCall' | 'chat.handoffCallback') => string,
  choose: (channel: Channel) => void,
) {
  if (channels.length === 0) return nothing;
  const label = { call: t('chat.handoffCall'), callback: t('chat.handoffCallback') };
  return html`<div class="handoff" part="handoff" role="group" aria-label=${t('chat.handoff')}>
    ${channels.map(
      (channel) =>
        html`<button type="button" class="quiet" @click=${() => choose(channel)}>
          ${label[channel]}
        </button>`,
    )}
  </div>`;
}
