import { css, html, nothing } from 'lit';
import { formatRelativeDay, formatTime, intlLocale } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';

/** What the visitor leaves outside business hours. */
export interface OfflineFields {
  name: string;
  email: string;
  text: string;
}

export interface OfflineFormOptions {
  l10n: LocalizeController;
  /** ISO instant of the next opening, if the queue opens again. */
  nextOpenAt: string | null;
  /** The hub emails the answer (it has SMTP): say so. */
  answersByEmail: boolean;
  busy: boolean;
  /** Why the last attempt failed; the fields keep what was typed. */
  error: string;
  onSubmit(fields: OfflineFields): void;
}

/**
 * Outside business hours, in place of the composer: when the queue opens again (in the
 * visitor's own locale and time zone) and a native form for a message the agents answer
 * later. Name and email are required so an agent can reply; the browser checks the email.
 */
export function renderOfflineForm({
  l10n,
  nextOpenAt,
  answersByEmail,
  busy,
  error,
  onSubmit,
}: OfflineFormOptions) {
  const t = l10n.t.bind(l10n);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const fields = { name: field('name'), email: field('email'), text: field('text') };
    if (fields.name && fields.email && fields.text) onSubmit(fields);
  };
  const closed = nextOpenAt ? closedUntil(l10n, nextOpenAt) : t('queue.closed');
  return html`<form
    class="offline"
    part="offline-form"
    aria-labelledby="cx-offline-title"
    aria-describedby="cx-offline-help"
    @submit=${submit}
  >
    <p id="cx-offline-title" class="offline-title">${closed}</p>
    <p id="cx-offline-help">
      ${t(answersByEmail ? 'queue.leaveMessage' : 'queue.leaveMessageHere')}
    </p>
    <label for="cx-offline-name">${t('queue.name')}</label>
    <input id="cx-offline-name" name="name" autocomplete="name" maxlength="200" required />
    <label for="cx-offline-email">${t('queue.email')}</label>
    <input
      id="cx-offline-email"
      name="email"
      type="email"
      autocomplete="email"
      maxlength="254"
      required
    />
    <label for="cx-offline-text">${t('queue.message')}</label>
    <textarea id="cx-offline-text" name="text" rows="3" maxlength="4000" required></textarea>
    ${error ? html`<p class="offline-error" role="alert">${error}</p>` : nothing}
    <button type="submit" ?disabled=${busy}>${busy ? t('queue.sending') : t('queue.send')}</button>
  </form>`;
}

/**
 * "We open today at 9:00 AM", "… tomorrow at …", else "… Monday 9:00 AM" (with the date a
 * week or more away): in the visitor's locale and zone.
 */
export function closedUntil(l10n: LocalizeController, iso: string, now = new Date()): string {
  const at = new Date(iso);
  const days = calendarDays(now, at);
  if (days === 0 || days === 1) {
    const day = formatRelativeDay(l10n.locale, days);
    return l10n.t('queue.closedUntilDay', { day, time: formatTime(l10n.locale, iso) });
  }
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    ...(days >= 7 ? { month: 'long', day: 'numeric' } : {}),
  };
  const when = new Intl.DateTimeFormat(intlLocale(l10n.locale), options).format(at);
  return l10n.t('queue.closedUntil', { when });
}

/** Local calendar days from `from`'s date to `to`'s (0: the same day). */
function calendarDays(from: Date, to: Date): number {
  const midnight = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((midnight(to).getTime() - midnight(from).getTime()) / 86_400_000);
}

export const offlineFormStyles = css`
  .offline {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    border-top: 1px solid var(--_cx-border);
    overflow-y: auto;
  }
  .offline p {
    margin: 0;
  }
  .offline-title {
    font-weight: 600;
  }
  .offline-error {
    color: var(--_cx-danger, #b00020);
  }
  .offline button {
    align-self: flex-end;
  }
`;
