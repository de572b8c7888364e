// Extra hygiene cases (Koa).
import Koa from 'koa';
import Router from '@koa/router';
import { db } from '../lib/db';

const app = new Koa();
const router = new Router();

// positive error-handler-respects-status: every error becomes a 500 (ctx.throw(404) included).
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = 500; // expect: error-handler-respects-status
    ctx.body = { error: 'Internal Server Error', stack: err.stack }; // expect: no-leaked-error-details
    ctx.app.emit('error', err, ctx);
  }
});

// negative: a second error middleware that respects the status.
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: err.expose ? err.message : 'Internal Server Error' };
  }
});

router.get('/feeds/:id', async (ctx) => {
  if (await db.feeds.isLocked(ctx.params.id)) {
    ctx.status = 503; // expect: require-retry-after
    ctx.body = { error: 'Feed is locked for rebuilding' };
    return;
  }
  ctx.body = await db.feeds.find(ctx.params.id);
});

// negative: Retry-After set after the status; Koa sends headers at the end.
router.post('/feeds', async (ctx) => {
  if (await db.feeds.quotaReached(ctx.state.user.id)) {
    ctx.status = 429;
    ctx.set('Retry-After', '3600');
    ctx.body = { error: 'Feed quota reached' };
    return;
  }
  ctx.status = 201;
  ctx.body = await db.feeds.create(ctx.request.body);
});

router.get('/feeds/:id/rss', async (ctx) => {
  ctx.set('Cache-Control', 'public, max-age=900');
  try {
    ctx.type = 'application/rss+xml';
    ctx.body = await db.feeds.renderRss(ctx.params.id);
  } catch (err) {
    ctx.status = 500; // expect: no-cacheable-error-response
    ctx.body = 'Feed unavailable';
  }
});

app.use(router.routes());
export default app;
