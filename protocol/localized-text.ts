/**
 * Text a site writes in its config for visitors to read (a greeting, a topic), in one
 * language or in several: `"Hello"` or `{ "en": "Hello", "ko": "안녕하세요" }`.
 */
export type LocalizedText = string | Record<string, string>;

/**
 * The text for `locale`: its own language (`ko-KR`, then `ko`), else English, else the
 * first the site wrote. A plain string is every language's.
 */
export function textFor(text: LocalizedText | undefined, locale: string): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return ownText(text, locale) ?? text.en ?? Object.values(text)[0];
}

/** The text in `locale`'s own language only (`ko-KR`, then `ko`), or undefined. */
export function ownText(texts: Record<string, string> | undefined, locale: string) {
  const tag = locale.toLowerCase();
  return texts?.[tag] ?? texts?.[tag.split('-')[0]!];
}
