// Accuracy corpus: Hapi — Boom errors (whose 5xx messages Boom hides) and cache headers on error responses. Labels: see test/corpus/README.md.
import type Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import { knex } from '../lib/knex';

export const routes: Hapi.ServerRoute[] = [
  // negative no-leaked-error-details: Boom.internal() keeps the message server-side; the 500 payload says "An internal server error occurred".
  {
    method: 'GET',
    path: '/reports/{id}',
    handler: async (request) => {
      try {
        return await knex('reports').where({ id: request.params.id }).first();
      } catch (err) {
        throw Boom.internal((err as Error).message);
      }
    },
  },
  // positive no-leaked-error-details: the message is written into an explicit 500 response payload.
  {
    method: 'DELETE',
    path: '/reports/{id}',
    handler: async (request, h) => {
      try {
        await knex('reports').where({ id: request.params.id }).del();
        return h.response().code(204);
      } catch (err) {
        return h.response({ error: (err as Error).message }).code(500); // expect: no-leaked-error-details
      }
    },
  },
  // positive no-cacheable-error-response: a 500 response with a public cache header.
  {
    method: 'GET',
    path: '/reports/public',
    handler: async (request, h) => {
      try {
        return h.response(await knex('reports').where({ public: true })).header('cache-control', 'public, max-age=300');
      } catch {
        return h.response({ error: 'Unavailable' }).code(500).header('cache-control', 'public, max-age=300'); // expect: no-cacheable-error-response
      }
    },
  },
  // negative require-retry-after: Boom.tooManyRequests with Retry-After on its output headers.
  {
    method: 'POST',
    path: '/reports',
    handler: async (request) => {
      if ((await knex('reports').count('* as n').first())!.n > 1000) {
        const err = Boom.tooManyRequests('Report limit reached');
        err.output.headers['Retry-After'] = '3600';
        throw err;
      }
      return knex('reports').insert(request.payload as object).returning('*');
    },
  },
];
