// Extra hygiene cases (Fastify).
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { db } from '../lib/db';

const app = Fastify({ logger: true });

app.get('/reports/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
  if (await db.reports.isRebuilding()) {
    return reply.code(503).send({ error: 'Reports are being rebuilt' }); // expect: require-retry-after
  }
  try {
    return await db.reports.find(request.params.id);
  } catch (err) {
    request.log.error(err);
    return reply.code(500).send({ error: (err as Error).message }); // expect: no-leaked-error-details
  }
});

// negative: header chained after the status.
app.post('/reports', async (request, reply) => {
  if (await db.reports.queueFull()) return reply.code(503).header('Retry-After', '120').send({ error: 'Queue full' });
  return reply.code(202).send(await db.reports.enqueue(request.body));
});

// negative: Cache-Control no-store on a 500.
app.get('/reports/:id/chart', async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
  try {
    return await db.charts.render(request.params.id);
  } catch (err) {
    request.log.error(err);
    return reply.code(500).header('Cache-Control', 'no-store').send({ error: 'Chart unavailable' });
  }
});

app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ error: 'Internal Server Error', detail: String(error) }); // expect: error-handler-respects-status, no-leaked-error-details
});

export default app;
