/** Dates and money on the card, in the widget's locale, through Intl. */
import { dayLabel } from '../core/conversation/message-time.js';
import { formatRelativeDay, formatTime, intlLocale } from '../core/i18n/intl-format.js';

/**
 * A moment as an agent reads it at a glance: "today 10:42 AM", "yesterday 9:05 PM",
 * "Mar 3, 10:42 AM", and with the year only when it is not this one ("오늘 오전 10:42" in
 * Korean). Days are the agent's calendar days.
 */
export function formatDateTime(locale: string, iso: string, now = new Date()): string {
  const day = dayLabel(locale, iso, now);
  if ('relative' in day) {
    const days = day.relative === 'today' ? 0 : -1;
    return `${formatRelativeDay(locale, days)} ${formatTime(locale, iso)}`;
  }
  const date = new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** A date only, for orders. */
export function formatDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(iso));
}

/** An amount, as currency when the CRM or the store said which one. */
export function formatMoney(locale: string, value: number, currency?: string): string {
  try {
    return new Intl.NumberFormat(
      intlLocale(locale),
      currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 },
    ).format(value);
  } catch {
    // An unknown currency code from a CRM: still show the number.
    return `${new Intl.NumberFormat(intlLocale(locale)).format(value)} ${currency ?? ''}`.trim();
  }
}

/** Only http(s) URLs become links; anything else stays text. */
export function isWebUrl(url: string | null | undefined): url is string {
  try {
    return !!url && ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
