/** JSON schemas of protocol commands; every command shares the envelope fields. */
export const commandId = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9_.:-]+$',
} as const;
export const streamName = {
  type: 'string',
  minLength: 6,
  maxLength: 200,
  pattern: '^(conv|desk|visitor):.+$',
} as const;
export const entityId = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** A closed object schema for command `type` with the envelope plus `fields`. */
export function commandSchema(
  type: string,
  fields: Record<string, object> = {},
  required: string[] = [],
): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['v', 'type', 'id', ...required],
    properties: { v: { const: 1 }, type: { const: type }, id: commandId, ...fields },
  };
}

// `token` is optional here so that a missing token gets auth.missing_token, not a schema error.
export const helloSchema = commandSchema('hello', {
  token: { type: 'string', maxLength: 4096 },
  identityToken: { type: 'string', minLength: 1, maxLength: 4096 },
});
export const subscribeSchema = commandSchema(
  'subscribe',
  { stream: streamName, after: { type: 'integer', minimum: 0 } },
  ['stream', 'after'],
);
export const unsubscribeSchema = commandSchema('unsubscribe', { stream: streamName }, ['stream']);
