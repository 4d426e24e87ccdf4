/** JSON schema of cxkit.config.json; field-specific wording lives in validate.ts. */
export const siteKeyPattern = '^[a-z0-9][a-z0-9_-]{0,63}$';

export const configSchema = {
  type: 'object',
  required: ['sites'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    tokenSecret: { type: 'string', minLength: 32 },
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
        },
      },
    },
  },
} as const;
