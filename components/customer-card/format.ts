/** Dates and money on the card, in the widget's locale, through Intl. */
import { formatRelativeDay, formatTime, intlLocale } from '../core/i18n/intl-format.js';

const dayMs = 86_400_000;

/**
 * A moment as an agent reads it at a glance: "today 10:42 AM", "yesterday 9:05 PM",
 * "Mar 3, 10:42 AM", and with the year only when it is not this one ("오늘 오전 10:42" in
 * Korean). Days are the agent's calendar days.
 */
export function formatDateTime(locale: string, iso: string, now = new Date()): string {
  const date = new Date(iso);
  const daysAgo = Math.round((startOfDay(now) - startOfDay(date)) / dayMs);
  if (daysAgo === 0 || daysAgo === 1) {
    return `${formatRelativeDay(locale, -daysAgo)} ${formatTime(locale, iso)}`;
  }
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** Local midnight, as a time; rounding the difference absorbs a daylight-saving hour. */
function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
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
