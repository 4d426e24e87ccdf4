import type { LocalizedText, PrechatField, PrechatSettings } from '../../../protocol/index.js';
import {
  languageTagProblem,
  localizedTextSchema,
  textsSchema,
} from '../../config/localized-text.js';

/** `sites[].prechat` in cxkit.config.json. */
export interface PrechatConfig {
  /** Each field listed is shown; none is required unless it says so. */
  fields: {
    name?: { required?: boolean };
    email?: { required?: boolean };
    topic?: {
      required?: boolean;
      /** `label` is stored and read by agents; `labels` per language is what visitors read. */
      options: Array<{ label: string; labels?: Record<string, string>; queueId?: string }>;
    };
  };
  /** Shown above the form, in the site's words: one string or one per language. */
  greeting?: LocalizedText;
}

/** Longest answer per field (a topic is one of its options). */
export const prechatLimits = { name: 200, email: 254 } as const;

const optional = {
  type: 'object',
  additionalProperties: false,
  properties: { required: { type: 'boolean' } },
} as const;

/** JSON schema of `sites[].prechat`; option labels' uniqueness is checked in `prechatConfigProblem`. */
export const prechatConfigSchema = {
  type: 'object',
  required: ['fields'],
  additionalProperties: false,
  properties: {
    greeting: localizedTextSchema(500),
    fields: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: optional,
        email: optional,
        topic: {
          type: 'object',
          required: ['options'],
          additionalProperties: false,
          properties: {
            required: { type: 'boolean' },
            options: {
              type: 'array',
              minItems: 1,
              maxItems: 30,
              items: {
                type: 'object',
                required: ['label'],
                additionalProperties: false,
                properties: {
                  label: { type: 'string', minLength: 1, maxLength: 100 },
                  labels: textsSchema(100),
                  queueId: { type: 'string', minLength: 1, maxLength: 64 },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * A problem the schema cannot see, or null: a language that is not a language tag, a topic
 * label used twice, or a queue id that is not one of the site's `queues` (when it lists queues).
 */
export function prechatConfigProblem(
  prechat: PrechatConfig,
  field: string,
  queueIds: string[] | undefined,
): string | null {
  const greetingProblem = languageTagProblem(prechat.greeting, `${field}.greeting`);
  if (greetingProblem) return greetingProblem;
  const labels = new Set<string>();
  const options = prechat.fields.topic?.options ?? [];
  for (const [j, option] of options.entries()) {
    const at = `${field}.fields.topic.options[${j}]`;
    const labelsProblem = languageTagProblem(option.labels, `${at}.labels`);
    if (labelsProblem) return labelsProblem;
    if (labels.has(option.label)) return `${at}.label "${option.label}" is used twice`;
    labels.add(option.label);
    if (option.queueId && queueIds && !queueIds.includes(option.queueId))
      return `${at}.queueId "${option.queueId}" is not one of the site's queues (${queueIds.join(', ')})`;
  }
  return null;
}

/** Widget settings part `prechat`: the form as the panel shows it, or absent without fields. */
export function prechatSettings(prechat: PrechatConfig | undefined): PrechatSettings | undefined {
  if (!prechat) return undefined;
  const fields: PrechatField[] = [];
  const { name, email, topic } = prechat.fields;
  if (name) fields.push({ name: 'name', required: name.required === true });
  if (email) fields.push({ name: 'email', required: email.required === true });
  if (topic)
    fields.push({ name: 'topic', required: topic.required === true, options: topic.options });
  if (!fields.length) return undefined;
  return { fields, ...(prechat.greeting ? { greeting: prechat.greeting } : {}) };
}

/** Widget settings part `prechat` of a site. */
export const prechatWidgetPart = (site: { prechat?: PrechatConfig }) =>
  prechatSettings(site.prechat);
