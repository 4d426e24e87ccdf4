import { en, type Catalog, type MessageKey } from './en.js';
import { ko } from './ko.js';

const catalogs = new Map<string, Catalog>([
  ['en', en],
  ['ko', ko],
]);

/** Adds or extends a language; keys it leaves out fall back to English. */
export function registerTranslation(locale: string, catalog: Catalog): void {
  const tag = locale.toLowerCase();
  catalogs.set(tag, { ...catalogs.get(tag), ...catalog });
}

/** The string for `key` in `locale` (`ko-KR` falls back to `ko`, then to English). */
export function translate(
  locale: string,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const tag = locale.toLowerCase();
  const text = catalogs.get(tag)?.[key] ?? catalogs.get(tag.split('-')[0])?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    String(values[name] ?? placeholder),
  );
}
