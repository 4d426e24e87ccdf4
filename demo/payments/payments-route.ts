import type { FastifyInstance } from 'fastify';

/**
 * The demo storefront's payment service, down on purpose: the checkout's failure is what
 * the agent's card highlights. 503, as a payment provider that is down answers, so the
 * card says "POST /demo-api/payments failed with 503" (a 404 read like a broken link).
 */
export async function demoPaymentsRoute(app: FastifyInstance): Promise<void> {
  app.post('/demo-api/payments', async (_request, reply) =>
    reply.code(503).send({
      code: 'payments.unavailable',
      message: 'The demo payment service is down on purpose.',
    }),
  );
}
