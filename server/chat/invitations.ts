import type { InvitationRule, InvitationsWidgetPart } from '../../protocol/index.js';
import type { SiteConfig } from '../config/index.js';
import { languageTagProblem, textsSchema } from '../config/localized-text.js';

/**
 * Proactive chat invitations: rules per site (`sites[].invitations`), published to the
 * storefront widgets as the `invitations` part of the widget settings. The widget checks the
 * rules (page, time on page) and the per-visitor limits in the browser; the hub only says them.
 */
export interface InvitationsConfig {
  /** A visitor is invited at most once in this many minutes (default 30). */
  minutesBetween?: number;
  rules: InvitationRule[];
}

export const DEFAULT_MINUTES_BETWEEN = 30;

/** `sites[].invitations`; what JSON schema cannot say is in `invitationsConfigProblem`. */
export const invitationsConfigSchema = {
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  properties: {
    minutesBetween: { type: 'number', minimum: 0, maximum: 525600 },
    rules: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['pages', 'afterSeconds'],
        additionalProperties: false,
        properties: {
          pages: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: { type: 'string', minLength: 1, maxLength: 500 },
          },
          afterSeconds: { type: 'number', minimum: 0, maximum: 86400 },
          message: textsSchema(500),
          messageKey: { type: 'string', minLength: 1, maxLength: 100 },
          queue: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
    },
  },
} as const;

/**
 * A problem the schema cannot see, or null: a page pattern that is not a path, a language
 * tag that is not one, or a queue that is not one of the site's `queues` (when it lists queues).
 */
export function invitationsConfigProblem(
  config: InvitationsConfig,
  field: string,
  queueIds: string[] | undefined,
): string | null {
  for (const [i, rule] of config.rules.entries()) {
    const at = `${field}.rules[${i}]`;
    const page = rule.pages.findIndex((pattern) => !pattern.startsWith('/'));
    if (page >= 0)
      return `${at}.pages[${page}] must be a URL path starting with "/", "*" matching anything (got ${JSON.stringify(rule.pages[page])})`;
    const tagProblem = languageTagProblem(rule.message, `${at}.message`);
    if (tagProblem) return tagProblem;
    if (rule.queue && queueIds && !queueIds.includes(rule.queue))
      return `${at}.queue "${rule.queue}" is not one of the site's queues (${queueIds.join(', ')})`;
  }
  return null;
}

/** The `invitations` part of the widget settings, or undefined when the site has no rules. */
export function invitationsWidgetPart(site: SiteConfig): InvitationsWidgetPart | undefined {
  const config = site.invitations;
  if (!config || config.rules.length === 0) return undefined;
  return {
    minutesBetween: config.minutesBetween ?? DEFAULT_MINUTES_BETWEEN,
    rules: config.rules.map(({ pages, afterSeconds, message, messageKey, queue }) => ({
      pages,
      afterSeconds,
      ...(message ? { message } : {}),
      ...(messageKey ? { messageKey } : {}),
      ...(queue ? { queue } : {}),
    })),
  };
}
