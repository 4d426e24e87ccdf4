/**
 * A message's time in the reader's locale and time zone (the browser's, unless one is given):
 * the clock time on the line, the full date and time for hover and screen readers, and the
 * day separators of a log that spans days.
 */
import { intlLocale } from '../i18n/intl-format.js';

/** The full date and time, e.g. "Tuesday, 3 June 2025 at 10:42". */
export function formatFullTime(locale: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The local calendar day of an instant, as `YYYY-MM-DD`, to tell days apart. */
export function dayKey(iso: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** "today", "yesterday" or the date itself (e.g. "Mon, 2 June 2025") for a day separator. */
export function dayLabel(
  locale: string,
  iso: string,
  now: Date = new Date(),
  timeZone?: string,
): { relative: 'today' | 'yesterday' } | { date: string } {
  const day = dayKey(iso, timeZone);
  if (day === dayKey(now, timeZone)) return { relative: 'today' };
  if (day === dayKey(new Date(now.getTime() - 86_400_000), timeZone))
    return { relative: 'yesterday' };
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
  return { date };
}
