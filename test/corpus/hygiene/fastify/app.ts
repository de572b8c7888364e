// Accuracy corpus: Fastify — setErrorHandler variants, rate limits, cache headers and error bodies. Labels: see test/corpus/README.md.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { db } from '../lib/db';

export function buildApp(): FastifyInstance {
  const app = Fastify({ logger: true });

  // positive error-handler-respects-status: the handler answers schema validation errors, 404s and everything else with 500.
  app.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.status(500).send({ error: 'Internal Server Error' }); // expect: error-handler-respects-status
  });

  // negative error-handler-respects-status: this (child) handler uses error.validation and error.statusCode before falling back.
  app.register(async (api) => {
    api.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        return reply.status(400).send({ error: 'Invalid request', details: error.validation });
      }
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      return reply.status(status).send({ error: status < 500 ? error.message : 'Internal Server Error' });
    });

    // positive require-retry-after: reply.code(429) without a Retry-After header.
    api.post('/messages', async (request, reply) => {
      const sent = await db.message.countToday(request.user.id);
      if (sent > 500) return reply.code(429).send({ error: 'Daily message limit reached' }); // expect: require-retry-after
      return db.message.create({ data: { userId: request.user.id, body: String((request.body as any).body) } });
    });

    // negative require-retry-after: reply.header('Retry-After') chained before the 429.
    api.post('/messages/bulk', async (request, reply) => {
      const sent = await db.message.countToday(request.user.id);
      if (sent > 400) return reply.header('Retry-After', 3600).code(429).send({ error: 'Bulk limit reached' });
      return reply.code(202).send({ queued: true });
    });

    // positive require-retry-after: reply.serviceUnavailable() (fastify-sensible) with no header.
    api.get('/inbox', async (request, reply) => {
      if (await db.isReadReplicaLagging()) return reply.serviceUnavailable('Inbox is catching up'); // expect: require-retry-after
      return db.message.inbox(request.user.id);
    });

    // positive no-cacheable-error-response: 500 sent with public caching headers.
    api.get('/feed', async (request, reply) => {
      const feed = await db.feed.latest().catch(() => null);
      if (!feed) return reply.code(500).headers({ 'cache-control': 'public, max-age=900' }).send({ error: 'Feed unavailable' }); // expect: no-cacheable-error-response
      return reply.header('cache-control', 'public, max-age=900').send(feed);
    });

    // negative no-cacheable-error-response: a 500 with no-store even though the success path is cacheable.
    api.get('/feed/:id', async (request, reply) => {
      const item = await db.feed.byId((request.params as { id: string }).id).catch(() => undefined);
      if (item === undefined) return reply.code(500).header('cache-control', 'no-store').send({ error: 'Feed item unavailable' });
      return reply.header('cache-control', 'public, max-age=900').send(item);
    });

    // positive no-leaked-error-details: error.message in a 500 body sent from a route.
    api.delete('/messages/:id', async (request, reply) => {
      try {
        await db.message.delete({ where: { id: (request.params as { id: string }).id } });
        return reply.code(204).send();
      } catch (error) {
        return reply.code(500).send({ error: (error as Error).message }); // expect: no-leaked-error-details
      }
    });
  }, { prefix: '/api' });

  // positive error-handler-respects-status and positive no-leaked-error-details: admin scope, blanket 500 echoing the raw error.
  app.register(async (admin) => {
    admin.setErrorHandler(async (error, request, reply) => {
      await reply.code(500).send({ error }); // expect: error-handler-respects-status, no-leaked-error-details
    });
  }, { prefix: '/admin' });

  return app;
}
