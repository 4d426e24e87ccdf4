import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../protocol/index.js';
import { HubError } from '../errors.js';

/** Every HTTP failure answers `{ code, message }` with a fitting status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | HubError>((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error(error);
    void reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      code: 'protocol.invalid_message',
      message: `no route ${request.method} ${request.url}`,
    });
  });
}

function toErrorBody(error: FastifyError | HubError): { status: number; body: ErrorBody } {
  if (error instanceof HubError)
    return { status: error.status, body: { code: error.code, message: error.message } };
  if (error.statusCode === 429)
    return { status: 429, body: { code: 'rate.limited', message: error.message } };
  if (error.validation) {
    return {
      status: 400,
      body: { code: 'protocol.invalid_message', message: `request ${error.message}` },
    };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'protocol.invalid_json'
        : 'protocol.invalid_message';
    return { status: error.statusCode, body: { code, message: error.message } };
  }
  return { status: 500, body: { code: 'internal', message: 'the hub failed; retry later' } };
}
