// Extra hygiene cases (Elysia).
import { Elysia } from 'elysia';
import { db } from '../lib/db';

export const app = new Elysia()
  .onError(({ code, error, set }) => {
    if (code === 'NOT_FOUND') {
      set.status = 404;
      return { error: 'Not found' };
    }
    set.status = 500;
    return { error: 'Internal error' };
  })
  .get('/jobs', async ({ set }) => {
    if (await db.jobs.paused()) {
      set.status = 503; // expect: require-retry-after
      return { error: 'Jobs are paused' };
    }
    return db.jobs.list();
  })
  .post('/jobs', async ({ set, body }) => {
    try {
      return await db.jobs.create(body);
    } catch (err) {
      set.status = 500;
      return { error: (err as Error).message }; // expect: no-leaked-error-details
    }
  });
