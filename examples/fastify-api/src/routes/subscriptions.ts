import type { FastifyPluginAsync } from 'fastify';
import { subscriptions } from '../db';
import { subscriptionSchema } from '../schemas';

const MAX_SUBSCRIPTIONS_PER_EMAIL = 5;

export const subscriptionRoutes: FastifyPluginAsync = async (app) => {
  app.post('/', async (request, reply) => {
    const { error, value } = subscriptionSchema.validate(request.body, { abortEarly: false });
    if (error) {
      return reply.code(400).send({ error: 'Invalid subscription', details: error.details });
    }

    const count = await subscriptions.countForEmail(value.email);
    if (count >= MAX_SUBSCRIPTIONS_PER_EMAIL) {
      return reply.code(429).send({ error: 'Too many subscriptions for this address' });
    }

    const row = await subscriptions.create(value);
    return reply.code(201).send(row);
  });

  app.delete('/:id', async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0) {
      throw app.httpErrors.internalServerError('bad id');
    }
    return reply.code(204).send();
  });
};
