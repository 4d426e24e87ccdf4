import { css, html, nothing } from 'lit';
import type { ConversationSummary } from '../../protocol/index.js';
import { formatTime } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { DeskState } from './desk-state.js';

export interface OfflineListOptions {
  l10n: LocalizeController;
  desk: DeskState;
  /** Taking a message accepts its conversation: the agent answers it like a chat, then closes it. */
  onAccept(conversationId: string): void;
}

/**
 * "Offline messages": what visitors left outside business hours, with who to answer (name,
 * email), the message and its queue. Nothing is shown while there are none.
 */
export function renderOfflineList({ l10n, desk, onAccept }: OfflineListOptions) {
  const messages = desk.offline();
  if (!messages.length) return nothing;
  const t = l10n.t.bind(l10n);
  return html`<h2>${t('inbox.offline')}</h2>
    <ul part="offline">
      ${messages.map((conversation) => {
        const previewId = `offline-${conversation.id}`;
        const contact = conversation.offline!;
        return html`<li class="item">
          <span class="contact">${t('inbox.offlineFrom', { ...contact })}</span>
          <span class="preview" id=${previewId}>${conversation.lastText ?? ''}</span>
          <span class="waited">
            ${t('inbox.leftAt', { time: formatTime(l10n.locale, conversation.createdAt) })}
            ${renderQueueLabel(l10n, desk, conversation)}
          </span>
          <button
            part="accept"
            aria-describedby=${previewId}
            @click=${() => onAccept(conversation.id)}
          >
            ${t('inbox.openOffline')}
          </button>
        </li>`;
      })}
    </ul>`;
}

/** "Queue: Returns" where the site has more than one queue. */
export function renderQueueLabel(
  l10n: LocalizeController,
  desk: DeskState,
  conversation: ConversationSummary,
) {
  const name = desk.queues.length > 1 ? desk.queueName(conversation) : undefined;
  return name ? html`<span class="queue">${l10n.t('inbox.queue', { name })}</span>` : nothing;
}

export const offlineListStyles = css`
  .contact {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .queue {
    margin-inline-start: var(--_cx-space);
  }
`;

/**
 * In the conversation pane: its queue, who to answer for a message left outside hours, and
 * whether answers the visitor misses go to them by email (they gave an address).
 */
export function renderConversationQueue(
  l10n: LocalizeController,
  desk: DeskState,
  conversation: ConversationSummary,
) {
  const contact = conversation.offline;
  const emailedTo = contact?.email ?? conversation.prechat?.email;
  return html`${renderQueueLabel(l10n, desk, conversation)}
  ${
    contact
      ? html`<p class="contact">
          ${l10n.t('inbox.offline')}: ${l10n.t('inbox.offlineFrom', { ...contact })}
        </p>`
      : nothing
  }
  ${
    desk.emailsAnswers && emailedTo && conversation.status !== 'closed'
      ? html`<p class="hint answer-emailed">
          ${l10n.t(conversation.emailStopped ? 'inbox.answerNotEmailed' : 'inbox.answerEmailed', {
            email: emailedTo,
          })}
        </p>`
      : nothing
  }`;
}
