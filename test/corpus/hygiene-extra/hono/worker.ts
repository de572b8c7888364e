// Extra hygiene cases (Hono on Workers).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

type Env = { Bindings: { DB: D1Database; RATE: KVNamespace } };
const app = new Hono<Env>();

app.get('/links/:slug', async (c) => {
  const row = await c.env.DB.prepare('select url from links where slug = ?').bind(c.req.param('slug')).first<{ url: string }>();
  if (!row) return c.json({ error: 'not found' }, 404);
  return c.redirect(row.url, 302);
});

app.post('/links', async (c) => {
  const used = Number((await c.env.RATE.get(c.req.header('cf-connecting-ip') ?? 'anon')) ?? 0);
  if (used > 100) return c.json({ error: 'Too many links today' }, 429); // expect: require-retry-after
  if (used > 90) {
    c.header('Retry-After', '3600');
    return c.json({ error: 'Slow down' }, 429);
  }
  return c.json({ ok: true }, 201);
});

app.get('/stats', async (c) => {
  try {
    const stats = await c.env.DB.prepare('select count(*) as n from links').first();
    return c.json(stats, 200, { 'Cache-Control': 'public, max-age=60' });
  } catch (err) {
    return c.json({ error: 'Stats unavailable' }, 500, { 'Cache-Control': 'public, max-age=60' }); // expect: no-cacheable-error-response
  }
});

app.get('/health', (c) => {
  throw new HTTPException(503, { message: 'draining' }); // expect: require-retry-after
});

app.onError((err, c) => {
  console.error(err);
  return c.text(`Internal error: ${err}`, 500); // expect: error-handler-respects-status, no-leaked-error-details
});

export default app;
