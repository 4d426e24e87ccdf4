/** Dates and numbers in a widget's locale (`LocalizeController.locale`), through Intl. */

/** A clock time such as "10:42" or "오전 10:42". */
export function formatTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A short duration such as "45 sec", "3분" or "2 hr": one unit, rounded down. */
export function formatDuration(locale: string, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  // The largest unit that says it in a small number: "151 min" reads better as "2 hr".
  const [value, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.floor(seconds / 60), 'minute']
        : seconds < 2 * 86_400
          ? [Math.floor(seconds / 3600), 'hour']
          : [Math.floor(seconds / 86_400), 'day'];
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
  }).format(value);
}

/** "today", "tomorrow" (0, 1 days away) and so on, in words. */
export function formatRelativeDay(locale: string, days: number): string {
  return new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(days, 'day');
}

/** "A, B, and C" or "A, B 및 C". */
export function formatList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/** A page's `lang` may be anything; Intl throws on a malformed tag. */
export function intlLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
