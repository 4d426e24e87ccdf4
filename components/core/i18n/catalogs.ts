import type { Catalog, MessageKey } from './en.js';
import { launcherEn, launcherKo } from './launcher-strings.js';

// Starts with the launchers' strings; builtin-catalogs.ts adds the rest when a panel loads.
const catalogs = new Map<string, Catalog>([
  ['en', launcherEn],
  ['ko', launcherKo],
]);

/** Adds or extends a language; keys it leaves out fall back to English. */
export function registerTranslation(locale: string, catalog: Catalog): void {
  const tag = locale.toLowerCase();
  catalogs.set(tag, { ...catalogs.get(tag), ...catalog });
}

/** Adds a built-in catalog under what is already there, so registered translations keep winning. */
export function addBuiltInCatalog(locale: string, catalog: Catalog): void {
  catalogs.set(locale, { ...catalog, ...catalogs.get(locale) });
}

/**
 * The string for `key` in `locale` (`ko-KR` falls back to `ko`, then to English; a key of
 * a catalog not loaded yet falls back to the key itself).
 */
export function translate(
  locale: string,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const tag = locale.toLowerCase();
  const text =
    catalogs.get(tag)?.[key] ??
    catalogs.get(tag.split('-')[0])?.[key] ??
    catalogs.get('en')?.[key] ??
    key;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    String(values[name] ?? placeholder),
  );
}
