// Extra hygiene cases (Hapi).
import Boom from '@hapi/boom';
import type { ServerRoute } from '@hapi/hapi';
import { db } from '../lib/db';

export const routes: ServerRoute[] = [
  {
    method: 'GET',
    path: '/imports',
    handler: async (request, h) => {
      if (await db.imports.running()) return h.response({ error: 'An import is running' }).code(503); // expect: require-retry-after
      return db.imports.list();
    },
  },
  {
    method: 'POST',
    path: '/imports',
    handler: async (request, h) => {
      if (await db.imports.running()) return h.response({ error: 'busy' }).code(503).header('Retry-After', '60');
      try {
        return h.response(await db.imports.start()).code(202);
      } catch (err) {
        throw Boom.badImplementation(err.message);
      }
    },
  },
];
