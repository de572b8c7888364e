// Accuracy corpus: Hono — app.onError variants, 503/429 headers, cached error pages and error bodies. Labels: see test/corpus/README.md.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getLimiter } from '../lib/limiter';
import { renderPost } from '../lib/render';

type Env = { Bindings: { KV: KVNamespace; DB: D1Database; MAINTENANCE: string } };

export const api = new Hono<Env>();
export const web = new Hono<Env>();
export const legacy = new Hono<Env>();

// negative error-handler-respects-status: HTTPException keeps its own response; everything else is a 500.
api.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});

// positive error-handler-respects-status: every error, HTTPException(401/404) included, becomes 500.
web.onError((err, c) => {
  console.error('web error', err);
  return c.html('<h1>Something went wrong</h1>', 500); // expect: error-handler-respects-status
});

// positive error-handler-respects-status and positive no-leaked-error-details: blanket 500 with the message.
legacy.onError((err, c) => c.json({ error: err.message }, 500)); // expect: error-handler-respects-status, no-leaked-error-details

// positive require-retry-after: maintenance middleware answers 503 without Retry-After.
api.use('*', async (c, next) => {
  if (c.env.MAINTENANCE === 'on') return c.json({ error: 'Maintenance' }, 503); // expect: require-retry-after
  await next();
});

// negative require-retry-after: c.header('Retry-After') before the 429.
api.post('/uploads', async (c) => {
  const limiter = getLimiter(c.env.KV);
  const { success, reset } = await limiter.limit(c.req.header('cf-connecting-ip') ?? 'anon');
  if (!success) {
    c.header('Retry-After', String(Math.ceil((reset - Date.now()) / 1000)));
    return c.json({ error: 'Too many uploads' }, 429);
  }
  return c.json({ ok: true }, 201);
});

// positive require-retry-after: HTTPException(429) thrown without a Retry-After header.
api.post('/comments', async (c) => {
  const { success } = await getLimiter(c.env.KV).limit(c.req.header('cf-connecting-ip') ?? 'anon');
  if (!success) throw new HTTPException(429, { message: 'Too many comments' }); // expect: require-retry-after
  return c.json({ ok: true }, 201);
});

// negative require-retry-after: HTTPException with a Response carrying Retry-After.
api.post('/reactions', async (c) => {
  const { success } = await getLimiter(c.env.KV).limit(c.req.header('cf-connecting-ip') ?? 'anon');
  if (!success) {
    throw new HTTPException(429, { res: new Response('Too many reactions', { status: 429, headers: { 'Retry-After': '30' } }) });
  }
  return c.json({ ok: true }, 201);
});

// positive no-cacheable-error-response: the edge-cached page answers a rendering failure with an immutable, long-lived cache header.
web.get('/blog/:slug', async (c) => {
  const html = await c.env.KV.get(`post:${c.req.param('slug')}`);
  if (html === null) return c.notFound();
  try {
    return c.html(renderPost(JSON.parse(html)), 200, { 'Cache-Control': 'public, max-age=86400' });
  } catch {
    return c.html('<h1>Error</h1>', 500, { 'Cache-Control': 'public, max-age=86400, immutable' }); // expect: no-cacheable-error-response
  }
});

// negative no-cacheable-error-response: the 500 from the D1 query is marked no-store.
web.get('/tags', async (c) => {
  try {
    const { results } = await c.env.DB.prepare('SELECT name FROM tags ORDER BY name').all();
    c.header('Cache-Control', 'public, s-maxage=300');
    return c.json(results);
  } catch {
    c.header('Cache-Control', 'no-store');
    return c.json({ error: 'Tags unavailable' }, 500);
  }
});

// positive no-leaked-error-details: String(err) in a 500 body.
api.get('/comments/:id', async (c) => {
  try {
    const row = await c.env.DB.prepare('SELECT * FROM comments WHERE id = ?').bind(c.req.param('id')).first();
    return row ? c.json(row) : c.json({ error: 'Not found' }, 404);
  } catch (err) {
    return c.text(String(err), 500); // expect: no-leaked-error-details
  }
});
