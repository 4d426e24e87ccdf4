import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CannedResponse } from '../../protocol/index.js';
import type { AttachmentPicker } from '../core/conversation/attachment-picker.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { cannedMatches } from './canned-responses.js';
import { renderQuickReplyEditor } from './quick-reply-editor.js';

export type ComposeMode = 'reply' | 'note';

export interface InboxComposerOptions {
  l10n: LocalizeController;
  mode: ComposeMode;
  /** Replying needs the conversation to be the agent's; a note only needs it open. */
  canReply: boolean;
  canNote: boolean;
  draft: string;
  cannedResponses: readonly CannedResponse[];
  /** The full list of canned responses is shown (the menu button was pressed). */
  cannedOpen: boolean;
  onMode(mode: ComposeMode): void;
  onDraft(text: string): void;
  onToggleCanned(): void;
  onSend(text: string, mode: ComposeMode): void;
  /** Buttons the next reply offers the visitor. */
  quickReplies: readonly string[];
  onQuickReplies(labels: string[]): void;
  /** Focus left the textbox (typing indicators). */
  onLeave?(): void;
  /** Files for the reply (replies only: notes carry none). */
  attachments?: AttachmentPicker;
}

/**
 * The agent's composer: reply or internal note, and canned responses. Typing a shortcut
 * (`/hello`) lists the matches; Tab or Enter inserts the first, a click inserts any.
 * The "Canned responses" button shows them all.
 */
export function renderInboxComposer(options: InboxComposerOptions) {
  const { l10n, mode, draft } = options;
  const t = l10n.t.bind(l10n);
  const matches = cannedMatches(draft, options.cannedResponses);
  const listed = options.cannedOpen ? options.cannedResponses : matches;
  const files = mode === 'reply' && options.canReply ? options.attachments : undefined;
  const disabled = mode === 'reply' ? !options.canReply : !options.canNote;

  const insert = (response: CannedResponse, form: HTMLFormElement | null) => {
    options.onDraft(response.text);
    if (response.quickReplies?.length) options.onQuickReplies([...response.quickReplies]);
    if (options.cannedOpen) options.onToggleCanned();
    form?.querySelector('textarea')?.focus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    const textarea = event.target as HTMLTextAreaElement;
    const expands = (event.key === 'Tab' || event.key === 'Enter') && !event.shiftKey;
    if (expands && !event.isComposing && matches[0]) {
      event.preventDefault();
      insert(matches[0], textarea.form);
      return;
    }
    // Enter sends, Shift+Enter starts a new line; Enter ending an IME composition (Korean) does not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    textarea.form?.requestSubmit();
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    // The textbox is the truth: a script or an autofill may set it without an input event.
    const textarea = (event.target as HTMLFormElement).elements.namedItem(
      'message',
    ) as HTMLTextAreaElement;
    const text = textarea.value.trim();
    if ((!text && !files?.hasFiles) || disabled || files?.blocked) return;
    textarea.value = '';
    options.onSend(text, mode);
  };

  return html`<form
    class="composer agent ${mode}"
    part="composer"
    @submit=${submit}
    @paste=${files?.onPaste}
    @dragover=${files?.onDragOver}
    @drop=${files?.onDrop}
  >
    <fieldset class="modes">
      <legend class="visually-hidden">${t('inbox.composeMode')}</legend>
      ${(['reply', 'note'] as const).map(
        (each) =>
          html`<label>
            <input
              type="radio"
              name="mode"
              value=${each}
              .checked=${live(mode === each)}
              @change=${() => options.onMode(each)}
            />
            ${t(each === 'reply' ? 'inbox.replyMode' : 'inbox.noteMode')}
          </label>`,
      )}
    </fieldset>
    <label class="visually-hidden" for="cx-message"
      >${t(mode === 'reply' ? 'composer.message' : 'inbox.internalNote')}</label
    >
    <textarea
      id="cx-message"
      name="message"
      rows="2"
      maxlength="4000"
      aria-describedby=${matches.length ? 'canned-hint' : nothing}
      placeholder=${t(mode === 'reply' ? 'composer.placeholder' : 'inbox.notePlaceholder')}
      .value=${live(draft)}
      @input=${(event: InputEvent) => options.onDraft((event.target as HTMLTextAreaElement).value)}
      @keydown=${onKeydown}
      @blur=${() => options.onLeave?.()}
    ></textarea>
    ${files?.renderChosen()}
    <div class="actions">
      ${files?.renderButton()}
      ${
        options.cannedResponses.length
          ? html`<button
              type="button"
              class="quiet"
              part="canned-button"
              aria-expanded=${options.cannedOpen ? 'true' : 'false'}
              aria-controls="canned-list"
              @click=${options.onToggleCanned}
            >
              ${t('inbox.cannedResponses')}
            </button>`
          : nothing
      }
      <button type="submit" ?disabled=${disabled}>
        ${t(mode === 'reply' ? 'composer.send' : 'inbox.addNote')}
      </button>
    </div>
    ${
      mode === 'reply' && options.canReply
        ? renderQuickReplyEditor({
            l10n,
            labels: options.quickReplies,
            onChange: options.onQuickReplies,
          })
        : nothing
    }
    ${
      matches.length && !options.cannedOpen
        ? html`<p class="hint" id="canned-hint">
            ${t('inbox.cannedHint', { shortcut: matches[0]!.shortcut })}
          </p>`
        : nothing
    }
    ${
      listed.length
        ? html`<ul
            class="canned"
            id="canned-list"
            part="canned"
            aria-label=${t('inbox.cannedResponses')}
          >
            ${listed.map(
              (response) =>
                html`<li>
                  <button
                    type="button"
                    class="quiet"
                    @click=${(event: Event) =>
                      insert(response, (event.target as HTMLElement).closest('form'))}
                  >
                    <span class="shortcut">${response.shortcut}</span>
                    <span class="canned-text">${response.text}</span>
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </form>`;
}
