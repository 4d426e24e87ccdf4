/** Dates and money on the card, in the widget's locale, through Intl. */

/** A page's `lang` may be anything; Intl throws on a malformed tag. */
function intlLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A date with a time, such as "Mar 3, 2026, 10:42 AM" or "2026. 3. 3. 오전 10:42". */
export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
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
