/** JSON schema of cxkit.config.json; field-specific wording lives in validate.ts. */
import { attachmentsConfigSchema } from '../attachments/settings.js';
import { invitationsConfigSchema } from '../chat/invitations.js';
import { prechatConfigSchema } from '../chat/prechat/config.js';
import { queuesSchema } from '../chat/queues/config.js';
import { emailConfigSchema } from '../email/config.js';

export const siteKeyPattern = '^[a-z0-9][a-z0-9_-]{0,63}$';

/** A dotted path into a CRM's JSON answer, e.g. `profile.fullName`. */
const crmPath = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** `sites[].crm`; the URL's form is checked in server/crm/config.ts, where the message can name it. */
const crmSourceSchema = {
  type: 'object',
  required: ['url', 'mapping'],
  additionalProperties: false,
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2000 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    timeoutMs: { type: 'number', minimum: 1, maximum: 10000 },
    cacheSeconds: { type: 'number', minimum: 0, maximum: 86400 },
    mapping: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: crmPath,
        email: crmPath,
        tier: crmPath,
        lifetimeValue: crmPath,
        currency: crmPath,
        orders: crmPath,
        openTickets: crmPath,
        order: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: crmPath,
            date: crmPath,
            total: crmPath,
            currency: crmPath,
            status: crmPath,
            items: crmPath,
          },
        },
      },
    },
  },
} as const;

/** `sites[].journey`: what the hub keeps of the customer's visit and how it reads it. */
const journeySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requireConsent: { type: 'boolean' },
    stripParams: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', minLength: 1, maxLength: 100 },
    },
    retentionDays: { type: 'integer', minimum: 1, maximum: 3650 },
    eventsPerMinute: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    helpPages: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', minLength: 1, maxLength: 200 },
    },
    interestRules: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['views', 'suggest'],
        additionalProperties: false,
        properties: {
          sku: { type: 'string', minLength: 1, maxLength: 200 },
          category: { type: 'string', minLength: 1, maxLength: 200 },
          views: { type: 'integer', minimum: 1, maximum: 10000 },
          suggest: { type: 'string', minLength: 1, maxLength: 500 },
        },
        // A rule is about one product or one category.
        oneOf: [
          { required: ['sku'], properties: { sku: { type: 'string' } } },
          { required: ['category'], properties: { category: { type: 'string' } } },
        ],
      },
    },
  },
} as const;

/** `sites[].cannedResponses`; the shortcut's form and uniqueness are checked in validate.ts. */
const cannedResponsesSchema = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    required: ['shortcut', 'text'],
    additionalProperties: false,
    properties: {
      shortcut: { type: 'string', minLength: 2, maxLength: 32 },
      text: { type: 'string', minLength: 1, maxLength: 4000 },
      // The limits of chat.send's quickReplies (server/chat/message-extras.ts).
      quickReplies: {
        type: 'array',
        maxItems: 6,
        items: { type: 'string', minLength: 1, maxLength: 80 },
      },
    },
  },
} as const;

export const configSchema = {
  type: 'object',
  required: ['sites'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    tokenSecret: { type: 'string', minLength: 32 },
    email: emailConfigSchema,
    sites: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['key', 'name', 'origins'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', pattern: siteKeyPattern },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          origins: { type: 'array', items: { type: 'string' } },
          demo: { type: 'boolean' },
          agentSecret: { type: 'string', minLength: 32 },
          crm: crmSourceSchema,
          identitySecret: { type: 'string', minLength: 32 },
          journey: journeySchema,
          maxChatsPerAgent: { type: 'integer', minimum: 1, maximum: 100 },
          cannedResponses: cannedResponsesSchema,
          attachments: attachmentsConfigSchema,
          prechat: prechatConfigSchema,
          invitations: invitationsConfigSchema,
          queues: queuesSchema,
        },
      },
    },
  },
} as const;
