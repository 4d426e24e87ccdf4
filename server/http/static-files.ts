import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The demo pages must work without unsafe-inline or eval and with Trusted Types enforced. */
export const demoContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws: wss: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Serves the demo storefront at /, the agent desk at /agent/, built widgets at /dist/ and themes at /themes/. */
export async function staticRoutes(app: FastifyInstance, deps: { root: string }) {
  const mounts: Array<[prefix: string, folder: string]> = [
    ['/', 'demo/storefront'],
    ['/agent/', 'demo/agent'],
    ['/dist/', 'dist'],
    ['/themes/', 'themes'],
  ];
  // The desk's relative URLs resolve only under /agent/.
  app.get('/agent', (_request, reply) => reply.redirect('/agent/', 301));
  mounts.forEach(([prefix, folder], index) => {
    void app.register(fastifyStatic, {
      root: join(deps.root, folder),
      prefix,
      // Only the first registration may add reply.sendFile.
      decorateReply: index === 0,
      setHeaders(reply) {
        reply.header('Content-Security-Policy', demoContentSecurityPolicy);
        reply.header('X-Content-Type-Options', 'nosniff');
      },
    });
  });
}
