import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { JourneyBatch, JourneyEventType } from '../../protocol/index.js';
import { HubError } from '../errors.js';

export const maxEventsPerBatch = 100;

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const id = { type: 'string', minLength: 1, maxLength: 128 } as const;
const amount = { type: 'number', minimum: 0, maximum: 1e12 } as const;
const count = { type: 'integer', minimum: 0, maximum: 1e9 } as const;
const currency = { type: 'string', pattern: '^[A-Za-z]{3}$' } as const;

const product = {
  type: 'object',
  required: ['sku'],
  additionalProperties: false,
  properties: {
    sku: { type: 'string', minLength: 1, maxLength: 200 },
    name: text(300),
    price: amount,
    currency,
    availability: text(100),
    category: text(200),
    quantity: { type: 'integer', minimum: 1, maximum: 10000 },
  },
} as const;

/** The fields each event type adds to `type`, `at` and `url`. */
const fieldsByType: Record<JourneyEventType, [Record<string, object>, string[]]> = {
  page_view: [{ title: text(500), referrer: text(2048), spa: { type: 'boolean' } }, ['title']],
  page_leave: [
    { durationMs: { type: 'integer', minimum: 0, maximum: 7 * 24 * 3600 * 1000 } },
    ['durationMs'],
  ],
  product_view: [{ product }, ['product']],
  search: [{ query: text(500), results: count }, ['query']],
  cart_add: [{ product }, ['product']],
  cart_remove: [{ product }, ['product']],
  checkout_step: [{ step: { ...text(100), minLength: 1 }, value: amount, currency }, ['step']],
  purchase: [{ orderId: text(200), value: amount, currency }, []],
  js_error: [{ message: text(1000), source: text(2048), line: count }, ['message']],
  request_failed: [
    {
      method: { type: 'string', pattern: '^[A-Za-z]{1,16}$' },
      target: text(2048),
      status: { type: 'integer', minimum: 0, maximum: 999 },
    },
    ['method', 'target', 'status'],
  ],
  form_error: [
    { form: text(200), field: text(200), message: text(500) },
    ['form', 'field', 'message'],
  ],
};

/** ISO 8601 with a zone, as `Date.prototype.toISOString` writes it (offsets accepted too). */
const isoTime = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})$';

const batchSchema = {
  type: 'object',
  required: ['siteKey', 'token', 'visitId', 'events'],
  additionalProperties: false,
  properties: {
    siteKey: { type: 'string', maxLength: 64 },
    token: { type: 'string', maxLength: 4096 },
    identityToken: { type: 'string', maxLength: 4096 },
    visitId: id,
    events: { type: 'array', minItems: 1, maxItems: maxEventsPerBatch },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strict: true });
const checkBatch = ajv.compile(batchSchema);
const checkEvent = new Map<string, ValidateFunction>(
  Object.entries(fieldsByType).map(([type, [fields, required]]) => [
    type,
    ajv.compile({
      type: 'object',
      required: ['type', 'at', 'url', ...required],
      additionalProperties: false,
      properties: {
        type: { const: type },
        at: { type: 'string', pattern: isoTime },
        url: { type: 'string', minLength: 1, maxLength: 2048 },
        ...fields,
      },
    }),
  ]),
);

/**
 * Validates a whole batch, each event against the schema of its type. Throws
 * `protocol.invalid_message` naming the first bad field, e.g. `events[3].product.sku is required`.
 */
export function validateBatch(input: unknown): JourneyBatch {
  if (!checkBatch(input)) throw invalid(describe(checkBatch.errors![0]!, ''));
  const batch = input as unknown as JourneyBatch;
  batch.events.forEach((event: unknown, index) => {
    const at = `events[${index}]`;
    const type = (event as { type?: unknown } | null)?.type;
    const validate = typeof type === 'string' ? checkEvent.get(type) : undefined;
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      throw invalid(`${at} must be an object`);
    if (!validate)
      throw invalid(`${at}.type ${JSON.stringify(type ?? null)} is not a journey event type`);
    if (!validate(event)) throw invalid(describe(validate.errors![0]!, at));
    if (Number.isNaN(Date.parse((event as { at: string }).at)))
      throw invalid(`${at}.at is not a real time`);
  });
  return batch;
}

function describe(error: ErrorObject, prefix: string): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  const field = `${prefix}${path}`.replace(/^\./, '');
  const at = (name: string) => (field ? `${field}.${name}` : name);
  switch (error.keyword) {
    case 'required':
      return `${at(error.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${at(error.params.additionalProperty)} is not a known field`;
    case 'maxLength':
      return `${field} must be at most ${error.params.limit} characters long`;
    case 'maxItems':
      return `${field} must hold at most ${error.params.limit} events`;
    default:
      return `${field || 'the batch'} ${error.message}`;
  }
}

function invalid(message: string): HubError {
  return new HubError('protocol.invalid_message', message);
}
