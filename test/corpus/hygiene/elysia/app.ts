// Accuracy corpus: Elysia — onError hook, cache headers on failures and Retry-After. Labels: see test/corpus/README.md.
import { Elysia } from 'elysia';
import { db } from '../lib/db';

export const app = new Elysia()
  // positive no-cacheable-error-response: set.headers makes the 500 cacheable for a day.
  .get('/banners', async ({ set }) => {
    set.headers['cache-control'] = 'public, max-age=86400';
    try {
      return await db.banner.active();
    } catch {
      set.status = 500; // expect: no-cacheable-error-response
      return { error: 'Banners unavailable' };
    }
  })
  // negative no-cacheable-error-response: no-store set alongside the 500.
  .get('/promos', async ({ set }) => {
    try {
      set.headers['cache-control'] = 'public, max-age=300';
      return await db.promo.active();
    } catch {
      set.headers['cache-control'] = 'no-store';
      set.status = 500;
      return { error: 'Promos unavailable' };
    }
  })
  // negative require-retry-after: Retry-After set before the 503.
  .get('/checkout', async ({ set }) => {
    if (await db.isFrozen()) {
      set.headers['retry-after'] = '60';
      set.status = 503;
      return { error: 'Checkout paused' };
    }
    return { open: true };
  });
