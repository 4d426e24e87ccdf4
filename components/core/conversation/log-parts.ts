import { css, html } from 'lit';
import type { Role } from '../../../protocol/index.js';
import { formatTime } from '../i18n/intl-format.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { LogEntry } from './log-entries.js';
import { dayKey, dayLabel, formatFullTime } from './message-time.js';
import type { ReceiptState } from './receipts.js';
import { typistName, type Typist } from './typing.js';

/** Pieces of the conversation log beside the message text: time, days, receipts, typing, quick replies. */

/** The clock time on the line; the full date and time for hover and for screen readers. */
export function renderTime(l10n: LocalizeController, iso: string) {
  const full = formatFullTime(l10n.locale, iso);
  return html`<time datetime=${iso} title=${full}
    ><span aria-hidden="true">${formatTime(l10n.locale, iso)}</span
    ><span class="visually-hidden">${full}</span></time
  >`;
}

/** Entries with a day separator before each new day, when the log is not all from today. */
export function withDays(entries: readonly LogEntry[]): (LogEntry | { day: string; at: string })[] {
  const today = dayKey(new Date());
  if (entries.every((entry) => dayKey(entry.createdAt) === today)) return [...entries];
  const lines: (LogEntry | { day: string; at: string })[] = [];
  let previous = '';
  for (const entry of entries) {
    const day = dayKey(entry.createdAt);
    if (day !== previous) lines.push({ day, at: entry.createdAt });
    previous = day;
    lines.push(entry);
  }
  return lines;
}

export function renderDay(l10n: LocalizeController, at: string) {
  const label = dayLabel(l10n.locale, at);
  const text =
    'date' in label
      ? label.date
      : l10n.t(label.relative === 'today' ? 'chat.today' : 'chat.yesterday');
  return html`<li class="day" part="day"><span>${text}</span></li>`;
}

/** "Sent", "Delivered" or "Read" in words, under the writer's latest message. */
export function renderReceipt(l10n: LocalizeController, state: ReceiptState) {
  return html`<span class="state receipt ${state}" part="receipt"
    >${l10n.t(`chat.receipt.${state}`)}</span
  >`;
}

/**
 * Who is typing, in a polite live region that is always there (a region announces changes,
 * not its own appearance). The text stays the same while they keep typing, so it is said once.
 * `visitorName` (the agent's side): what the visitor said their name is.
 */
export function renderTyping(
  l10n: LocalizeController,
  typists: readonly Typist[],
  visitorName?: string,
) {
  const roleNames: Record<Role, string> = {
    agent: l10n.t('chat.agent'),
    visitor: visitorName || l10n.t('chat.visitor'),
  };
  const names = typists.map((typist) => typistName(typist, roleNames));
  const text =
    names.length === 0
      ? ''
      : names.length === 1
        ? l10n.t('chat.typing', { name: names[0]! })
        : l10n.t('chat.typingMany', { names: listFormat(l10n.locale, names) });
  return html`<p class="typing ${text ? '' : 'idle'}" part="typing" role="status">${text}</p>`;
}

/** The visitor's buttons under the latest agent message: tapping one answers with its label. */
export function renderQuickReplies(
  l10n: LocalizeController,
  labels: readonly string[],
  onQuickReply: ((label: string) => void) | undefined,
) {
  if (!onQuickReply)
    return html`<span class="offered" part="quick-replies"
      >${l10n.t('inbox.quickRepliesOffered', { labels: listFormat(l10n.locale, labels) })}</span
    >`;
  return html`<div
    class="quick-replies"
    part="quick-replies"
    role="group"
    aria-label=${l10n.t('chat.quickReplies')}
  >
    ${labels.map(
      (label) =>
        html`<button
          type="button"
          class="quick-reply"
          part="quick-reply"
          @click=${() => onQuickReply(label)}
        >
          ${label}
        </button>`,
    )}
  </div>`;
}

function listFormat(locale: string, items: readonly string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The look of the pieces above; part of `conversationStyles`. */
export const logPartStyles = css`
  .day {
    align-self: center;
    font-size: 0.75em;
    color: var(--_cx-text-muted);
  }
  .text a {
    color: inherit;
    text-decoration: underline;
  }
  .receipt {
    align-self: flex-end;
  }
  /* On the agent's own (coloured) message: the message's own colour keeps the contrast. */
  .offered {
    font-size: 0.75em;
    font-style: italic;
  }
  .quick-replies {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cx-space) * 0.5);
    margin-top: calc(var(--_cx-space) * 0.5);
  }
  .quick-reply {
    border: 1px solid var(--_cx-primary);
    background: var(--_cx-surface);
    color: var(--_cx-primary);
    border-radius: 999px;
    padding: calc(var(--_cx-space) * 0.25) var(--_cx-space);
    font: inherit;
    cursor: pointer;
  }
  .typing {
    margin: 0;
    padding: calc(var(--_cx-space) * 0.25) var(--_cx-space);
    font-size: 0.875em;
    font-style: italic;
    color: var(--_cx-text-muted);
  }
  .typing.idle {
    padding: 0;
  }
  .agent-name {
    margin: 0;
    font-size: 0.8em;
    color: var(--_cx-text-muted);
  }
`;

/** The agent now in the conversation (by its notices), or null before one joined or after they left. */
export function currentAgentName(entries: readonly LogEntry[]): string | null {
  let name: string | null = null;
  for (const entry of entries) {
    const key = entry.notice?.key;
    if (key === 'chat.agentJoined') name = entry.notice?.values?.name ?? null;
    else if (key === 'chat.transferred' || key === 'chat.closed') name = null;
  }
  return name;
}
