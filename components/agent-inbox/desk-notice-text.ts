import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { Arrival } from './desk-attention.js';
import type { DeskNotice } from './desk-notifications.js';

/** A notification shows the start of a long message; the desk has the rest. */
const maxBody = 200;

/**
 * A desktop notification for an arrival, in the desk's language: who wrote or waits, and
 * what they wrote. A click brings the desk forward, with the conversation a message came in
 * open; a waiting visitor is in the desk's list, with its Accept button.
 */
export function deskNotice(
  arrival: Arrival,
  l10n: LocalizeController,
  {
    nameOf,
    open,
  }: {
    /** The visitor's name as they gave it, if they did. */
    nameOf(conversationId: string): string | undefined;
    open(conversationId: string): void;
  },
): DeskNotice {
  const waiting = 'waiting' in arrival;
  const conversationId = waiting ? arrival.waiting.id : arrival.conversationId;
  const name = waiting ? arrival.waiting.prechat?.name : nameOf(conversationId);
  const text = (waiting ? arrival.waiting.lastText : arrival.text) ?? '';
  const title = waiting
    ? name
      ? l10n.t('inbox.notifyWaiting', { name })
      : l10n.t('inbox.notifyWaitingAnonymous')
    : name
      ? l10n.t('inbox.notifyMessage', { name })
      : l10n.t('inbox.notifyMessageAnonymous');
  return {
    title,
    body: text.length > maxBody ? `${text.slice(0, maxBody - 1)}…` : text,
    tag: `cxkit-desk:${conversationId}`,
    lang: l10n.locale,
    onClick: waiting ? () => {} : () => open(conversationId),
  };
}
