import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Role } from '../../../protocol/index.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { renderLinkedText } from './auto-links.js';
import type { AttachmentPicker } from './attachment-picker.js';
import { renderAttachments } from './attachments-view.js';
import type { LogEntry } from './log-entries.js';
import {
  logPartStyles,
  renderDay,
  renderQuickReplies,
  renderReceipt,
  renderTime,
  withDays,
} from './log-parts.js';
import type { ReceiptState } from './receipts.js';

/**
 * The message log and the composer shared by cx-chat and cx-agent-inbox. Plain render
 * functions, not elements, so the textbox and its label stay in the widget's own shadow
 * root (a label cannot name a control across shadow roots).
 */

export interface LogOptions {
  entries: readonly LogEntry[];
  l10n: LocalizeController;
  /** The id of the principal looking at the log: their lines read "You". */
  selfId: string | undefined;
  /**
   * The visitor's side: every visitor line is the reader's, also one they wrote on another
   * device (a verified customer's conversation has no other visitor).
   */
  ownRole?: Role;
  label: string;
  /** How far the other side got with the reader's message at `seq`; shown under the latest one. */
  receiptOf?(seq: number): ReceiptState;
  /**
   * The visitor's side: quick replies of the latest message (if it is the agent's) become
   * buttons that answer with their label. Without it (agents), offered labels are listed.
   */
  onQuickReply?(label: string): void;
  /** The hub's URL: attachment links are relative to it. */
  hub?: string;
  /** The agent's side: what the visitor said their name is, for their lines. */
  visitorName?: string;
}

/** Which lines carry the receipt and the quick-reply buttons. */
interface LogMarks {
  receiptKey: string | undefined;
  quickRepliesKey: string | undefined;
}

function marksOf(options: LogOptions): LogMarks {
  const messages = options.entries.filter((entry) => entry.kind === 'message' && !entry.internal);
  const own = messages.filter((entry) => isOwn(entry, options));
  const lastOwn = own[own.length - 1];
  const last = messages[messages.length - 1];
  return {
    receiptKey: lastOwn?.state === 'sent' && lastOwn.seq ? lastOwn.key : undefined,
    // Answered (a later message) or not the agent's: no buttons any more.
    quickRepliesKey: last?.author?.role === 'agent' && last.quickReplies ? last.key : undefined,
  };
}

function isOwn({ author }: LogEntry, { selfId, ownRole }: LogOptions): boolean {
  return !author || author.id === selfId || author.role === ownRole;
}

function authorName(entry: LogEntry, options: LogOptions): string {
  const { l10n } = options;
  if (!entry.author || isOwn(entry, options)) return l10n.t('chat.you');
  const roleName: Record<Role, string> = {
    agent: l10n.t('chat.agent'),
    visitor: l10n.t('chat.visitor'),
  };
  const visitorName = entry.author.role === 'visitor' ? options.visitorName : undefined;
  return entry.author.name || visitorName || roleName[entry.author.role];
}

function renderEntry(entry: LogEntry, options: LogOptions, marks: LogMarks) {
  if (entry.notice) {
    const { key, values } = entry.notice;
    return html`<li class="notice" part="notice">${options.l10n.t(key, values)}</li>`;
  }
  const own = isOwn(entry, options);
  const { l10n } = options;
  return html`<li
    class="message ${own ? 'own' : 'theirs'} ${entry.state} ${entry.internal ? 'note' : ''}"
    part=${entry.internal ? 'message note' : 'message'}
  >
    ${entry.internal ? html`<span class="note-label">${l10n.t('inbox.internalNote')}</span>` : nothing}
    <span class="meta">
      <span class="author">${authorName(entry, options)}</span>
      ${renderTime(l10n, entry.createdAt)}
    </span>
    <span class="text">${renderLinkedText(entry.text, l10n.t('chat.newTab'))}</span>
    ${renderAttachments(entry.attachments, l10n, options.hub)}
    ${entry.state === 'pending' ? html`<span class="state">${l10n.t('chat.sending')}</span>` : nothing}
    ${
      entry.state === 'failed'
        ? html`<span class="state error"
            >${l10n.t('chat.notSent', { message: entry.error ?? '' })}</span
          >`
        : nothing
    }
    ${
      marks.receiptKey === entry.key && options.receiptOf
        ? renderReceipt(l10n, options.receiptOf(entry.seq!))
        : nothing
    }
    ${
      entry.quickReplies && (!options.onQuickReply || marks.quickRepliesKey === entry.key)
        ? renderQuickReplies(l10n, entry.quickReplies, options.onQuickReply)
        : nothing
    }
  </li>`;
}

export function renderLog(options: LogOptions, empty?: string) {
  const marks = marksOf(options);
  return html`<div
    class="log"
    role="log"
    aria-live="polite"
    aria-label=${options.label}
    part="log"
    tabindex="0"
  >
    ${options.entries.length === 0 && empty ? html`<p class="empty">${empty}</p>` : nothing}
    <ol>
      ${repeat(
        withDays(options.entries),
        (line) => ('day' in line ? `day:${line.day}` : line.key),
        (line) =>
          'day' in line ? renderDay(options.l10n, line.at) : renderEntry(line, options, marks),
      )}
    </ol>
  </div>`;
}

export interface ComposerOptions {
  l10n: LocalizeController;
  disabled?: boolean;
  /** Files to send with the message; without it the composer offers none. */
  attachments?: AttachmentPicker;
  onSend(text: string): void;
  /** The draft changed (for typing indicators); `hasText` is whether anything is left. */
  onDraft?(hasText: boolean): void;
  /** Focus left the textbox. */
  onLeave?(): void;
}

/** Enter sends, Shift+Enter starts a new line; Enter that ends an IME composition (Korean) does not send. */
function onKeydown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  (event.target as HTMLTextAreaElement).form?.requestSubmit();
}

export function renderComposer({
  l10n,
  disabled = false,
  attachments,
  onSend,
  onDraft,
  onLeave,
}: ComposerOptions) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const textarea = (event.target as HTMLFormElement).elements.namedItem(
      'message',
    ) as HTMLTextAreaElement;
    const text = textarea.value.trim();
    // Files alone make a message; a failed upload must be removed first.
    if ((!text && !attachments?.hasFiles) || attachments?.blocked) return;
    textarea.value = '';
    onSend(text);
  };
  return html`<form
    class="composer"
    part="composer"
    @submit=${submit}
    @paste=${attachments?.onPaste}
    @dragover=${attachments?.onDragOver}
    @drop=${attachments?.onDrop}
  >
    ${attachments?.renderChosen()} ${attachments?.renderButton()}
    <label class="visually-hidden" for="cx-message">${l10n.t('composer.message')}</label>
    <textarea
      id="cx-message"
      name="message"
      rows="2"
      maxlength="4000"
      placeholder=${l10n.t('composer.placeholder')}
      @keydown=${onKeydown}
      @input=${(event: InputEvent) =>
        onDraft?.(!!(event.target as HTMLTextAreaElement).value.trim())}
      @blur=${() => onLeave?.()}
    ></textarea>
    <button type="submit" ?disabled=${disabled}>${l10n.t('composer.send')}</button>
  </form>`;
}

export const conversationStyles = css`
  .log {
    flex: 1;
    overflow-y: auto;
    padding: var(--_cx-space);
    background: var(--_cx-surface-alt);
  }
  .log ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_cx-space);
  }
  .empty,
  .notice {
    color: var(--_cx-text-muted);
    font-size: 0.875em;
    text-align: center;
    margin: 0;
  }
  .message {
    display: flex;
    flex-direction: column;
    gap: 2px;
    max-width: 80%;
    padding: calc(var(--_cx-space) * 0.75) var(--_cx-space);
    border-radius: var(--_cx-radius);
    background: var(--_cx-surface);
    color: var(--_cx-text);
    border: 1px solid var(--_cx-border);
    align-self: flex-start;
  }
  .message.own {
    align-self: flex-end;
    background: var(--_cx-primary);
    color: var(--_cx-on-primary);
    border-color: transparent;
  }
  /* Internal notes: never the visitor's colours, so no one mistakes one for a sent message. */
  .message.note {
    background: var(--_cx-surface);
    color: var(--_cx-text);
    border: 1px dashed var(--_cx-text-muted);
  }
  .note-label {
    font-size: 0.75em;
    font-weight: 600;
  }
  .meta {
    display: flex;
    gap: var(--_cx-space);
    font-size: 0.75em;
  }
  .author {
    font-weight: 600;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .state {
    font-size: 0.75em;
  }
  .composer {
    display: flex;
    gap: var(--_cx-space);
    padding: var(--_cx-space);
    border-top: 1px solid var(--_cx-border);
  }
  .composer textarea {
    flex: 1;
    resize: none;
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
    padding: calc(var(--_cx-space) * 0.75);
    background: var(--_cx-surface);
  }
  ${logPartStyles}
`;
