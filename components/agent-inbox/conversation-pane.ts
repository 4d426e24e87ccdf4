import { html, nothing } from 'lit';
import type { ConversationSummary } from '../../protocol/index.js';
import { renderLog } from '../core/conversation/conversation-view.js';
import type { LogEntries } from '../core/conversation/log-entries.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import type { DeskState } from './desk-state.js';
import { renderInboxComposer, type InboxComposerOptions } from './inbox-composer.js';
import { renderTransferDialog } from './transfer-dialog.js';

export interface ConversationPaneOptions {
  l10n: LocalizeController;
  conversation: ConversationSummary | undefined;
  selfId: string | undefined;
  log: LogEntries;
  desk: DeskState;
  composer: Pick<
    InboxComposerOptions,
    'mode' | 'draft' | 'cannedOpen' | 'onMode' | 'onDraft' | 'onToggleCanned'
  >;
  onSend(conversationId: string, text: string): void;
  onNote(conversationId: string, text: string): void;
  onOpenTransfer(): void;
  onTransfer(conversationId: string, toAgentId: string | undefined, note: string): void;
  onClose(conversationId: string): void;
}

/**
 * The selected conversation: its log (notes marked), Transfer and Close while it is the
 * agent's, the composer while it is open, read only once closed.
 */
export function renderConversationPane(options: ConversationPaneOptions) {
  const { l10n, conversation, selfId, desk } = options;
  const t = l10n.t.bind(l10n);
  if (!conversation)
    return html`<section class="conversation">
      <p class="prompt">${t('inbox.selectPrompt')}</p>
    </section>`;
  const id = conversation.id;
  const mine = conversation.status === 'active' && conversation.agentId === selfId;
  const open = conversation.status !== 'closed';
  const title = t('inbox.conversationWith', { name: t('chat.visitor') });
  return html`<section
    class="conversation"
    part="conversation"
    aria-labelledby="conversation-title"
  >
    <div class="header">
      <h3 id="conversation-title">${title}</h3>
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
    ${renderLog({ entries: options.log.entries, l10n, selfId, label: title })}
    ${
      open
        ? renderInboxComposer({
            ...options.composer,
            l10n,
            canReply: mine,
            canNote: true,
            cannedResponses: desk.cannedResponses,
            onSend: (text, mode) =>
              mode === 'note' ? options.onNote(id, text) : options.onSend(id, text),
          })
        : nothing
    }
    ${
      mine
        ? renderTransferDialog({
            l10n,
            agents: desk.otherAgents(selfId),
            maxChatsPerAgent: desk.maxChatsPerAgent,
            onTransfer: (toAgentId, note) => options.onTransfer(id, toAgentId, note),
          })
        : nothing
    }
  </section>`;
}
