import { html, nothing } from 'lit';
import { fillPlaceholders } from '../../protocol/canned-placeholders.js';
import type { ConversationSummary } from '../../protocol/index.js';
import type { ConversationLive } from '../core/conversation/conversation-live.js';
import { renderLog } from '../core/conversation/conversation-view.js';
import { renderConversationFacts } from './conversation-facts.js';
import type { LogEntries } from '../core/conversation/log-entries.js';
import { renderTyping } from '../core/conversation/log-parts.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { DeskState } from './desk-state.js';
import { renderInboxComposer, type InboxComposerOptions } from './inbox-composer.js';
import { renderConversationQueue } from './offline-list.js';
import { renderTransferDialog } from './transfer-dialog.js';

export interface ConversationPaneOptions {
  l10n: LocalizeController;
  conversation: ConversationSummary | undefined;
  selfId: string | undefined;
  /** The agent's name, for canned responses that say it. */
  selfName: string | null;
  log: LogEntries;
  /** Typing and receipts of the selected conversation. */
  live: ConversationLive | null;
  desk: DeskState;
  composer: Pick<
    InboxComposerOptions,
    | 'mode'
    | 'draft'
    | 'cannedOpen'
    | 'onMode'
    | 'onDraft'
    | 'onToggleCanned'
    | 'quickReplies'
    | 'onQuickReplies'
    | 'attachments'
  >;
  /** The hub's URL: attachment links are relative to it. */
  hub?: string;
  onSend(conversationId: string, text: string, quickReplies: readonly string[]): void;
  onNote(conversationId: string, text: string): void;
  onOpenTransfer(): void;
  onTransfer(
    conversationId: string,
    toAgentId: string | undefined,
    note: string,
    toQueueId?: string,
  ): void;
  onClose(conversationId: string): void;
}

/**
 * The selected conversation: its log (notes marked), Transfer and Close while it is the
 * agent's, the composer while it is open, read only once closed.
 */
export function renderConversationPane(options: ConversationPaneOptions) {
  const { l10n, conversation, selfId, desk, live, composer } = options;
  const t = l10n.t.bind(l10n);
  if (!conversation)
    return html`<section class="conversation">
      <p class="prompt">${t('inbox.selectPrompt')}</p>
    </section>`;
  const id = conversation.id;
  const mine = conversation.status === 'active' && conversation.agentId === selfId;
  const open = conversation.status !== 'closed';
  const title = t('inbox.conversationWith', {
    name: conversation.prechat?.name ?? t('chat.visitor'),
  });
  return html`<section
    class="conversation"
    part="conversation"
    aria-labelledby="conversation-title"
  >
    <div class="header">
      <h3 id="conversation-title">${title}</h3>
      ${renderConversationQueue(l10n, desk, conversation)}
      ${renderConversationFacts(l10n, conversation)}
      ${
        mine
          ? html`<div class="tools">
              <button class="quiet" part="transfer" @click=${options.onOpenTransfer}>
                ${t('inbox.transfer')}
              </button>
              <button class="quiet" part="close" @click=${() => options.onClose(id)}>
                ${t('inbox.close')}
              </button>
            </div>`
          : nothing
      }
      ${open ? nothing : html`<p class="read-only">${t('inbox.readOnly')}</p>`}
    </div>
    ${renderLog({
      entries: options.log.entries,
      l10n,
      selfId,
      label: title,
      hub: options.hub,
      ...(conversation.prechat?.name ? { visitorName: conversation.prechat.name } : {}),
      ...(live ? { receiptOf: (seq: number) => live.receipts.stateOf(seq, 'visitor') } : {}),
    })}
    ${renderTyping(l10n, live?.typing.typists ?? [], conversation.prechat?.name)}
    ${
      open
        ? renderInboxComposer({
            ...composer,
            l10n,
            canReply: mine,
            canNote: true,
            cannedResponses: desk.cannedResponses.map((response) => ({
              ...response,
              text: fillPlaceholders(response.text, {
                customerName: conversation.prechat?.name ?? null,
                agentName: options.selfName,
              }),
            })),
            // Only replies are typed to the visitor: notes never show as typing.
            onDraft: (text) => {
              composer.onDraft(text);
              if (composer.mode === 'reply' && mine) live?.typed(!!text.trim());
            },
            onMode: (mode) => {
              if (mode === 'note') live?.stoppedTyping();
              composer.onMode(mode);
            },
            onLeave: () => live?.stoppedTyping(),
            onSend: (text, mode) => {
              live?.stoppedTyping();
              if (mode === 'note') options.onNote(id, text);
              else options.onSend(id, text, composer.quickReplies);
            },
          })
        : nothing
    }
    ${
      mine
        ? renderTransferDialog({
            l10n,
            agents: desk.otherAgents(selfId),
            maxChatsPerAgent: desk.maxChatsPerAgent,
            queues: desk.queues,
            queueId: conversation.queueId,
            onTransfer: (toAgentId, note, toQueueId) =>
              options.onTransfer(id, toAgentId, note, toQueueId),
          })
        : nothing
    }
  </section>`;
}
