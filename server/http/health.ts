import type { FastifyInstance } from 'fastify';

export async function healthRoutes(app: FastifyInstance, deps: { storage: 'pglite' | 'postgres' }) {
  app.get('/healthz', async () => ({ ok: true, storage: deps.storage }));
}
