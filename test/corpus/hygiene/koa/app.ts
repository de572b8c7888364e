// Accuracy corpus: Koa — error-handling middleware, maintenance/rate limits and error bodies. Labels: see test/corpus/README.md.
import Koa, { type Context, type Next } from 'koa';
import Router from '@koa/router';
import { HttpError } from 'koa';
import { db } from '../lib/db';
import { quota } from '../lib/quota';

const app = new Koa();
const router = new Router();

// positive error-handler-respects-status: try { await next() } catch answers every error (ctx.throw(404) included) with 500.
app.use(async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500; // expect: error-handler-respects-status
    ctx.body = { error: 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
});

// negative error-handler-respects-status: reads err.status and err.expose; negative no-leaked-error-details: message only when exposable.
export async function errorHandler(ctx: Context, next: Next) {
  try {
    await next();
  } catch (err: any) {
    ctx.status = err.status ?? err.statusCode ?? 500;
    ctx.body = { error: err.expose ? err.message : 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
}

// negative error-handler-respects-status: branches on HttpError before falling back to 500.
export async function apiErrors(ctx: Context, next: Next) {
  try {
    await next();
  } catch (err) {
    if (err instanceof HttpError) {
      ctx.status = err.status;
      ctx.body = { error: err.expose ? err.message : 'Request failed' };
      return;
    }
    ctx.status = 500;
    ctx.body = { error: 'Internal Server Error' };
  }
}

// positive error-handler-respects-status and positive no-leaked-error-details: blanket 500 with the error message in the body.
export async function adminErrors(ctx: Context, next: Next) {
  try {
    await next();
  } catch (err) {
    ctx.status = 500; // expect: error-handler-respects-status
    ctx.body = { message: (err as Error).message }; // expect: no-leaked-error-details
  }
}

// positive require-retry-after: quota exhausted -> ctx.status = 429 with no Retry-After.
router.post('/api/jobs', async (ctx: Context) => {
  if (!(await quota.tryTake(ctx.state.user.id))) {
    ctx.status = 429; // expect: require-retry-after
    ctx.body = { error: 'Job quota exceeded' };
    return;
  }
  ctx.status = 202;
});

// negative require-retry-after: ctx.set('Retry-After') before ctx.throw(503).
router.get('/api/reports', async (ctx: Context) => {
  if (await db.isMigrating()) {
    ctx.set('Retry-After', '300');
    ctx.throw(503, 'Reports are unavailable during the migration');
  }
  ctx.body = await db.report.findMany();
});

// positive require-retry-after: ctx.throw(503) without a header.
router.get('/api/search', async (ctx: Context) => {
  if (!(await db.searchIndexReady())) ctx.throw(503, 'Search index is rebuilding'); // expect: require-retry-after
  ctx.body = await db.search(String(ctx.query.q ?? ''));
});

// positive no-cacheable-error-response: a 500 with a public Cache-Control.
router.get('/api/public/stats', async (ctx: Context) => {
  try {
    ctx.set('Cache-Control', 'public, max-age=120');
    ctx.body = await db.stats.public();
  } catch {
    ctx.status = 500; // expect: no-cacheable-error-response
    ctx.body = { error: 'Stats unavailable' };
  }
});

// negative no-cacheable-error-response: the error path sets no-store.
router.get('/api/public/leaderboard', async (ctx: Context) => {
  try {
    ctx.body = await db.leaderboard.top(100);
    ctx.set('Cache-Control', 'public, max-age=60');
  } catch {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 500;
    ctx.body = { error: 'Leaderboard unavailable' };
  }
});

// positive no-leaked-error-details: the stack is put in a 500 body.
router.get('/api/jobs/:id', async (ctx: Context) => {
  try {
    ctx.body = await db.job.findUniqueOrThrow({ where: { id: ctx.params.id } });
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Job lookup failed', detail: (err as Error).stack }; // expect: no-leaked-error-details
  }
});

// negative no-leaked-error-details: the stack is only added outside production.
router.delete('/api/jobs/:id', async (ctx: Context) => {
  try {
    await db.job.delete({ where: { id: ctx.params.id } });
    ctx.status = 204;
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Could not delete job', ...(process.env.NODE_ENV !== 'production' ? { stack: (err as Error).stack } : {}) };
  }
});

app.use(router.routes()).use(router.allowedMethods());
export default app;
