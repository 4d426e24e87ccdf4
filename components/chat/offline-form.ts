import { css, html, nothing } from 'lit';
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
export function renderOfflineForm({ l10n, nextOpenAt, busy, error, onSubmit }: OfflineFormOptions) {
  const t = l10n.t.bind(l10n);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const fields = { name: field('name'), email: field('email'), text: field('text') };
    if (fields.name && fields.email && fields.text) onSubmit(fields);
  };
  const closed = nextOpenAt
    ? t('queue.closedUntil', { when: formatOpening(l10n.locale, nextOpenAt) })
    : t('queue.closed');
  return html`<form
    class="offline"
    part="offline-form"
    aria-labelledby="cx-offline-title"
    aria-describedby="cx-offline-help"
    @submit=${submit}
  >
    <p id="cx-offline-title" class="offline-title">${closed}</p>
    <p id="cx-offline-help">${t('queue.leaveMessage')}</p>
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

/** "Monday 9:00 AM" in the visitor's zone; with the date when it is a week or more away. */
export function formatOpening(locale: string, iso: string): string {
  const at = new Date(iso);
  const farAway = at.getTime() - Date.now() > 6 * 86_400_000;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    ...(farAway ? { month: 'long', day: 'numeric' } : {}),
  };
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(at);
  }
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
