import { Ajv, type ValidateFunction } from 'ajv';
import type { ErrorCode } from '../../protocol/index.js';
import { HubError } from '../errors.js';
import type { Command } from './command-types.js';

/** A frame that could not become a command; carries the command id when it was readable. */
export class FrameError extends HubError {
  readonly commandId: string | undefined;

  constructor(code: ErrorCode, message: string, commandId?: string) {
    super(code, message);
    this.commandId = commandId;
  }
}

/** Parses and validates inbound frames against one schema per command type. */
export class FrameParser {
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(schemas: Record<string, object>) {
    const ajv = new Ajv({ allErrors: false, strict: true });
    for (const [type, schema] of Object.entries(schemas))
      this.#validators.set(type, ajv.compile(schema));
  }

  parse(data: string): Command {
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      throw new FrameError('protocol.invalid_json', 'the frame is not valid JSON');
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      throw new FrameError('protocol.invalid_message', 'a frame must be a JSON object');
    }
    const { v, type, id } = frame as Record<string, unknown>;
    const commandId = typeof id === 'string' && id.length <= 128 ? id : undefined;
    if (v !== 1)
      throw new FrameError(
        'protocol.unsupported_version',
        `protocol version ${JSON.stringify(v)} is not supported; use 1`,
        commandId,
      );
    const validate = typeof type === 'string' ? this.#validators.get(type) : undefined;
    if (!validate)
      throw new FrameError(
        'protocol.unknown_type',
        `unknown command type ${JSON.stringify(type)}`,
        commandId,
      );
    if (!validate(frame)) {
      throw new FrameError(
        'protocol.invalid_message',
        describe(type as string, validate),
        commandId,
      );
    }
    return frame as Command;
  }
}

function describe(type: string, validate: ValidateFunction): string {
  const error = validate.errors![0]!;
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  switch (error.keyword) {
    case 'required':
      return `${type}: ${error.params.missingProperty} is required`;
    case 'additionalProperties':
      return `${type}: ${error.params.additionalProperty} is not a known field`;
    default:
      return `${type}: ${field || 'frame'} ${error.message}`;
  }
}
