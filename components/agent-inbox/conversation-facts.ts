import { css, html, nothing } from 'lit';
import type { ConversationSummary } from '../../protocol/index.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

/** "★ 4 — “quick help”": the visitor's rating as agents read it. */
export function ratingText(l10n: LocalizeController, conversation: ConversationSummary): string {
  const { rating } = conversation;
  if (!rating) return '';
  const stars = l10n.t('inbox.ratingValue', { score: String(rating.score) });
  return rating.comment ? `${stars} — “${rating.comment}”` : stars;
}

/**
 * What the visitor told before and after the chat, beside the conversation: the pre-chat
 * answers (name, email, topic) and the rating. Nothing when there is neither.
 */
export function renderConversationFacts(
  l10n: LocalizeController,
  conversation: ConversationSummary,
) {
  const t = l10n.t.bind(l10n);
  const { prechat = {} } = conversation;
  const facts: Array<[string, string]> = [];
  if (prechat.name) facts.push([t('inbox.prechatName'), prechat.name]);
  if (prechat.email) facts.push([t('inbox.prechatEmail'), prechat.email]);
  if (prechat.topic) facts.push([t('inbox.prechatTopic'), prechat.topic]);
  if (conversation.rating) facts.push([t('inbox.rating'), ratingText(l10n, conversation)]);
  if (!facts.length) return nothing;
  return html`<dl class="facts" part="conversation-facts">
    ${facts.map(
      ([term, value]) =>
        html`<div>
          <dt>${term}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

export const conversationFactsStyles = css`
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cx-space) * 0.25) var(--_cx-space);
    margin: 0;
    font-size: 0.875em;
  }
  .facts div {
    display: flex;
    gap: calc(var(--_cx-space) * 0.25);
  }
  .facts dt {
    color: var(--_cx-text-muted);
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
