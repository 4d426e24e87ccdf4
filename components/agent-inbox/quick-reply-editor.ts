import { css, html, nothing } from 'lit';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

/** The hub's limits (server/chat/message-extras.ts): checked here first so nothing is lost. */
export const maxQuickReplies = 6;
export const maxQuickReplyLength = 80;

export interface QuickReplyEditorOptions {
  l10n: LocalizeController;
  labels: readonly string[];
  onChange(labels: string[]): void;
}

/**
 * Where the agent lists the buttons their next reply offers the visitor: type a label, Enter
 * or "Add button" adds it (Enter here never sends the reply), each has its own Remove button.
 * Collapsed until used; canned responses with quick replies fill it.
 */
export function renderQuickReplyEditor({ l10n, labels, onChange }: QuickReplyEditorOptions) {
  const t = l10n.t.bind(l10n);
  const full = labels.length >= maxQuickReplies;
  const add = (input: HTMLInputElement | null) => {
    const label = input?.value.trim() ?? '';
    if (!label || full || labels.includes(label)) return;
    onChange([...labels, label]);
    input!.value = '';
    input!.focus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    add(event.target as HTMLInputElement);
  };
  return html`<details
    class="quick-reply-editor"
    part="quick-reply-editor"
    ?open=${labels.length > 0}
  >
    <summary>${t('inbox.quickReplies')}${labels.length ? ` (${labels.length})` : ''}</summary>
    ${
      labels.length
        ? html`<ul class="quick-reply-labels">
            ${labels.map(
              (label) =>
                html`<li>
                  <span>${label}</span>
                  <button
                    type="button"
                    class="quiet"
                    aria-label=${t('inbox.removeQuickReply', { label })}
                    @click=${() => onChange(labels.filter((each) => each !== label))}
                  >
                    ×
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <div class="quick-reply-add">
      <label class="visually-hidden" for="cx-quick-reply">${t('inbox.quickReplyLabel')}</label>
      <input
        id="cx-quick-reply"
        maxlength=${maxQuickReplyLength}
        placeholder=${t('inbox.quickReplyLabel')}
        aria-describedby="cx-quick-reply-hint"
        ?disabled=${full}
        @keydown=${onKeydown}
      />
      <button
        type="button"
        class="quiet"
        ?disabled=${full}
        @click=${(event: Event) =>
          add((event.target as HTMLElement).parentElement!.querySelector('input'))}
      >
        ${t('inbox.addQuickReply')}
      </button>
    </div>
    <p class="hint" id="cx-quick-reply-hint">${t('inbox.quickRepliesHint')}</p>
  </details>`;
}

export const quickReplyEditorStyles = css`
  .quick-reply-editor {
    flex-basis: 100%;
    font-size: 0.875em;
  }
  .quick-reply-labels {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cx-space) * 0.5);
    list-style: none;
    margin: calc(var(--_cx-space) * 0.5) 0;
    padding: 0;
  }
  .quick-reply-labels li {
    display: flex;
    align-items: center;
    gap: 2px;
    border: 1px solid var(--_cx-border);
    border-radius: 999px;
    padding: 0 0 0 var(--_cx-space);
  }
  .quick-reply-add {
    display: flex;
    gap: calc(var(--_cx-space) * 0.5);
    margin: calc(var(--_cx-space) * 0.5) 0;
  }
  .quick-reply-add input {
    flex: 1;
  }
`;
