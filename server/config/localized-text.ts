import type { LocalizedText } from '../../protocol/index.js';

/** JSON schema of text visitors read: one string, or one per language (`{ "en": …, "ko": … }`). */
export function localizedTextSchema(maxLength: number) {
  const text = { type: 'string', minLength: 1, maxLength } as const;
  return { oneOf: [text, textsSchema(maxLength)] } as const;
}

/** JSON schema of texts per language only. */
export function textsSchema(maxLength: number) {
  return {
    type: 'object',
    minProperties: 1,
    additionalProperties: { type: 'string', minLength: 1, maxLength },
  } as const;
}

/** A key of `text` that is not a language tag such as "en" or "ko-KR", as a message; or null. */
export function languageTagProblem(text: LocalizedText | undefined, field: string): string | null {
  if (text === undefined || typeof text === 'string') return null;
  const tag = Object.keys(text).find((key) => !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(key));
  return tag === undefined
    ? null
    : `${field} has "${tag}", which is not a language tag such as "en" or "ko"`;
}
