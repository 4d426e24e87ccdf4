import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AgentStatus, ConversationSummary } from '../../protocol/index.js';
import { formatDuration } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { switchKeys } from './conversation-keys.js';
import type { DeskAttention } from './desk-attention.js';
import type { DeskState } from './desk-state.js';
import { renderOfflineList, renderQueueLabel } from './offline-list.js';

export interface DeskListsOptions {
  l10n: LocalizeController;
  desk: DeskState;
  selfId: string | undefined;
  selected: string;
  onPresence(status: AgentStatus): void;
  onAccept(conversationId: string): void;
  onSelect(conversationId: string): void;
  /** Unseen messages, and the switches of the chime (with `chime`) and notifications. */
  attention: DeskAttention;
}

/** "Desktop notifications", and why they do not show when the browser blocks them. */
function renderNotificationsSwitch({ l10n, attention }: DeskListsOptions) {
  const state = attention.notifications;
  if (!state.supported) return nothing;
  return html`<label class="switch" part="notifications">
      <input
        type="checkbox"
        .checked=${live(state.on)}
        aria-describedby=${state.blocked ? 'notifications-blocked' : nothing}
        @change=${(event: Event) => void state.set((event.target as HTMLInputElement).checked)}
      />
      ${l10n.t('inbox.notifications')}
    </label>
    ${
      state.blocked
        ? html`<p class="hint" id="notifications-blocked">
            ${l10n.t('inbox.notificationsBlocked')}
          </p>`
        : nothing
    }`;
}

/** The agent's status, the site's agents with their load, and the offered, waiting and own conversations. */
export function renderDeskLists(options: DeskListsOptions) {
  const { l10n, desk, selfId } = options;
  const t = l10n.t.bind(l10n);
  const status = (selfId && desk.agents.get(selfId)?.status) || 'away';
  const offered = desk.offeredTo(selfId);
  const waiting = desk.waitingFor(selfId);
  const mine = desk.mine(selfId);
  // At the limit the hub refuses an accept: say so before the click, not after.
  const full = mine.length >= desk.maxChatsPerAgent;
  const listed = { ...options, full };
  return html`
    <label class="presence" part="presence"
      >${t('inbox.presence')}
      <select
        .value=${status}
        @change=${(event: Event) =>
          options.onPresence((event.target as HTMLSelectElement).value as AgentStatus)}
      >
        <option value="available" ?selected=${status === 'available'}>
          ${t('inbox.available')}
        </option>
        <option value="away" ?selected=${status === 'away'}>${t('inbox.away')}</option>
      </select>
    </label>
    ${
      options.attention.chime
        ? html`<label class="switch" part="sound">
            <input
              type="checkbox"
              .checked=${options.attention.soundOn}
              @change=${(event: Event) =>
                options.attention.setSound((event.target as HTMLInputElement).checked)}
            />
            ${t('inbox.sound')}
          </label>`
        : nothing
    }
    ${renderNotificationsSwitch(options)}
    ${
      offered.length
        ? html`<h2>${t('inbox.offered')}</h2>
            <ul part="offered">
              ${offered.map((c) => renderWaiting(c, listed))}
            </ul>`
        : nothing
    }
    <h2>${t('inbox.waiting')}</h2>
    ${
      full && (waiting.length || offered.length)
        ? html`<p class="hint" id="at-limit">
            ${t('inbox.atLimit', { limit: desk.maxChatsPerAgent })}
          </p>`
        : nothing
    }
    ${
      waiting.length
        ? html`<ul part="waiting">
            ${waiting.map((c) => renderWaiting(c, listed))}
          </ul>`
        : html`<p class="empty">${t('inbox.noneWaiting')}</p>`
    }
    ${renderOfflineList(options)}
    <h2>${t('inbox.mine')} (${mine.length}/${desk.maxChatsPerAgent})</h2>
    ${
      mine.length
        ? html`<ul part="mine">
            ${mine.map((c) => renderMine(c, options))}
          </ul>`
        : html`<p class="empty">${t('inbox.noneMine')}</p>`
    }
    ${
      desk.agents.size
        ? html`<h2>${t('inbox.agents')}</h2>
            <ul part="agents" class="agents">
              ${[...desk.agents.values()].map(
                (agent) =>
                  html`<li class=${agent.status}>
                    ${t('inbox.agentLoad', {
                      name: agent.name ?? agent.id,
                      status: t(agent.status === 'available' ? 'inbox.available' : 'inbox.away'),
                      count: agent.activeChats,
                      limit: desk.maxChatsPerAgent,
                    })}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
  `;
}

function renderWaiting(
  conversation: ConversationSummary,
  { l10n, desk, onAccept, full }: DeskListsOptions & { full: boolean },
) {
  const t = l10n.t.bind(l10n);
  const previewId = `preview-${conversation.id}`;
  const waited = formatDuration(l10n.locale, Date.now() - Date.parse(conversation.createdAt));
  return html`<li class="item">
    <span class="preview" id=${previewId}>${conversation.lastText ?? t('inbox.noPreview')}</span>
    <span class="waited"
      >${t('inbox.waitingFor', { duration: waited })}
      ${renderQueueLabel(l10n, desk, conversation)}</span
    >
    <button
      part="accept"
      aria-disabled=${full ? 'true' : 'false'}
      aria-describedby=${full ? `${previewId} at-limit` : previewId}
      @click=${() => full || onAccept(conversation.id)}
    >
      ${t('inbox.accept')}
    </button>
  </li>`;
}

function renderMine(
  conversation: ConversationSummary,
  { l10n, desk, selected, onSelect, attention }: DeskListsOptions,
) {
  const count = attention.unread(conversation.id);
  const owed = owedReply(l10n, conversation);
  return html`<li>
    <button
      class="select quiet item ${count ? 'has-unread' : ''}"
      aria-current=${conversation.id === selected ? 'true' : 'false'}
      aria-keyshortcuts=${switchKeys}
      @click=${() => onSelect(conversation.id)}
    >
      <span class="preview">${conversation.lastText ?? l10n.t('inbox.noPreview')}</span>
      ${count ? html`<span class="unread" part="unread">${l10n.t('inbox.unread', { count })}</span>` : nothing}
      ${owed ? html`<span class="waited">${owed}</span>` : nothing}
      ${renderQueueLabel(l10n, desk, conversation)}
    </button>
  </li>`;
}

/**
 * The visitor wrote last: how long they have waited for the agent's answer. Under a minute
 * the wait itself is the news ("0 sec" read as nothing owed).
 */
function owedReply(l10n: LocalizeController, conversation: ConversationSummary): string | null {
  if (conversation.lastFrom !== 'visitor' || !conversation.lastAt) return null;
  const waitedMs = Date.now() - Date.parse(conversation.lastAt);
  if (waitedMs < 60_000) return l10n.t('inbox.awaitingReplyNow');
  return l10n.t('inbox.awaitingReply', { duration: formatDuration(l10n.locale, waitedMs) });
}
