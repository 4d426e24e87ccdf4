import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HubConfig } from '../../config/index.js';
import { HubError } from '../../errors.js';
import type { Storage } from '../../storage/index.js';
import { readUnsubscribeToken, unsubscribePath, type Unsubscriber } from './link.js';
import { pageSecurityPolicy, unsubscribePage, type PageState } from './page.js';
import { recordUnsubscribe } from './store.js';
import { pageLanguage } from './strings.js';

export interface UnsubscribeRouteDeps {
  config: HubConfig;
  storage: Storage;
  tokenSecret: string;
}

const linkQuery = {
  type: 'object',
  required: ['t'],
  additionalProperties: false,
  properties: { t: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;
const options = {
  schema: { querystring: linkQuery },
  config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
};
type LinkRequest = FastifyRequest<{ Querystring: { t: string } }>;

/**
 * The link of an answer email (`List-Unsubscribe`): `GET` asks, with a button, so a mail
 * scanner that opens links stops nothing; `POST` stops, from that button or from the mail
 * app's one-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`, with no Origin).
 */
export async function unsubscribeRoutes(app: FastifyInstance, deps: UnsubscribeRouteDeps) {
  // The button's form and the mail app's one-click POST; nothing in the body is read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, null),
  );
  app.get(unsubscribePath, options, (request: LinkRequest, reply) =>
    answer(request, reply, deps, 'ask'),
  );
  app.post(unsubscribePath, options, (request: LinkRequest, reply) =>
    answer(request, reply, deps, 'done', (whom) => recordUnsubscribe(deps.storage, whom)),
  );
}

/**
 * The page in the reader's language, after `act` for whom the link names; a link the hub
 * did not make gets its error, and nothing is done.
 */
async function answer(
  request: LinkRequest,
  reply: FastifyReply,
  deps: UnsubscribeRouteDeps,
  state: PageState,
  act?: (whom: Unsubscriber) => Promise<void>,
): Promise<string> {
  let whom: Unsubscriber;
  try {
    whom = readUnsubscribeToken(deps.tokenSecret, request.query.t);
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    // A person sees the page; a program the usual error body.
    if (!request.headers.accept?.includes('text/html')) throw error;
    void reply.code(error.status);
    return page(request, reply, 'invalid', { site: '', email: '', action: '' });
  }
  await act?.(whom);
  const site = deps.config.sites.find((each) => each.key === whom.siteKey);
  return page(request, reply, state, {
    site: site?.name ?? whom.siteKey,
    email: whom.email,
    action: request.url,
  });
}

function page(
  request: FastifyRequest,
  reply: FastifyReply,
  state: PageState,
  values: { site: string; email: string; action: string },
): string {
  void reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', pageSecurityPolicy)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer');
  return unsubscribePage(state, pageLanguage(request.headers['accept-language']), values);
}
