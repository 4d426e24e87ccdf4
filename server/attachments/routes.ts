import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorizeSite, principalFromToken, principalKey, verifySiteToken } from '../auth/index.js';
import type { HubConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import type { RateCounter } from '../rate-limit/index.js';
import type { Storage } from '../storage/index.js';
import { cleanFileName, contentDisposition } from './file-name.js';
import { attachmentSettings } from './settings.js';
import { checkLink } from './signing.js';
import { extensionOf, sniffType, typeOfName } from './sniff.js';
import { findFile, insertAttachment } from './store.js';

export interface AttachmentRouteDeps {
  config: HubConfig;
  storage: Storage;
  tokenSecret: string;
  /** Uploads per principal per minute, on this node or across nodes. */
  rates: RateCounter;
}

/** Uploads one principal may make per minute (on all hub nodes together). */
export const uploadsPerMinute = 30;

interface UploadQuery {
  siteKey: string;
  name?: string;
}

const uploadQuery = {
  type: 'object',
  required: ['siteKey'],
  additionalProperties: false,
  properties: {
    siteKey: { type: 'string', minLength: 1, maxLength: 64 },
    name: { type: 'string', maxLength: 1000 },
  },
} as const;

/** `POST /api/v1/attachments` (upload, the raw file as the body) and `GET /api/v1/attachments/:id` (signed download). */
export async function attachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps) {
  // Scoped to this plugin: the body stays a stream, read here under the site's own limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post<{ Querystring: UploadQuery }>(
    '/api/v1/attachments',
    { schema: { querystring: uploadQuery } },
    async (request, reply) => {
      const site = authorizeSite(deps.config, request.query.siteKey, request.headers.origin);
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!bearer) throw new HubError('auth.missing_token', 'give the token as a Bearer token');
      const principal = principalFromToken(verifySiteToken(deps.tokenSecret, site, bearer));
      const limits = attachmentSettings(site);
      if (!limits.enabled)
        throw new HubError('attachment.disabled', `site "${site.key}" does not accept files`);
      if (!(await deps.rates.take(`uploads:${principalKey(principal)}`, 1, uploadsPerMinute))) {
        throw new HubError('rate.limited', `at most ${uploadsPerMinute} uploads per minute`);
      }
      const claimed = claimedType(request.headers['content-type']);
      if (claimed && !limits.types.includes(claimed)) throw notAllowed(claimed, limits.types);
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (declared > limits.maxBytes) throw tooLarge(reply, limits.maxBytes);

      const bytes = await readBody(request.body as IncomingMessage, limits.maxBytes, reply);
      if (bytes.length === 0) throw new HubError('attachment.empty', 'the file is empty');
      const type = sniffType(bytes);
      if (!type || !limits.types.includes(type)) throw notAllowed(type, limits.types);
      if (claimed && claimed !== type) throw mismatch(`its type says ${claimed}`, type);
      let name = cleanFileName(request.query.name ?? '');
      const named = typeOfName(name);
      if (named === null || named === 'unknown') name = `${name}.${extensionOf(type)}`;
      else if (named !== type) throw mismatch(`its name says ${named}`, type);

      return insertAttachment(deps.storage, {
        siteKey: site.key,
        uploader: principal,
        name,
        type,
        bytes,
      });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { exp?: unknown; sig?: unknown } }>(
    '/api/v1/attachments/:id',
    async (request, reply) => {
      const { id } = request.params;
      checkLink(deps.tokenSecret, id, request.query.exp, request.query.sig);
      const file = await findFile(deps.storage, id);
      if (!file) throw new HubError('attachment.not_found', `no attachment ${id}`);
      const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      return reply
        .header('content-type', file.type)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=86400')
        .header('etag', `"${file.sha256}"`)
        .send(bytes);
    },
  );
}

/** The request's Content-Type as a claim about the file; octet-stream (or none) claims nothing. */
function claimedType(header: string | undefined): string | null {
  const type = header?.split(';')[0]!.trim().toLowerCase();
  return !type || type === 'application/octet-stream' ? null : type;
}

/**
 * The body, refused as soon as it passes `max` bytes (a chunked or lying upload). The
 * connection is closed after the answer, so the rest of a huge body is not read.
 */
function readBody(stream: IncomingMessage, max: number, reply: FastifyReply): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        stream.off('data', onData);
        stream.pause();
        reject(tooLarge(reply, max));
      } else chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function tooLarge(reply: FastifyReply, max: number): HubError {
  void reply.header('connection', 'close');
  return new HubError('attachment.too_large', `the file is larger than ${formatBytes(max)}`);
}

function notAllowed(type: string | null, allowed: string[]): HubError {
  const what = type ? `files of type ${type}` : 'this kind of file';
  return new HubError(
    'attachment.type_not_allowed',
    `${what} cannot be attached; allowed: ${allowed.join(', ')}`,
  );
}

function mismatch(claim: string, found: string): HubError {
  return new HubError('attachment.type_mismatch', `${claim} but its content is ${found}`);
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
