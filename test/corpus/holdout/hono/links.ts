// Accuracy corpus (held-out): hono — link shortener with valibot, an unfurl upstream and drizzle. Labels: see test/corpus/README.md.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { links } from './schema';

type Env = { Bindings: { UNFURL_URL: string; UNFURL_TOKEN: string } };

const app = new Hono<Env>();

const NewLink = v.object({
  url: v.pipe(v.string(), v.url()),
  slug: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{3,32}$/))),
});

const UnfurlResult = v.object({ title: v.string(), image: v.optional(v.string()) });

// positive: valibot safeParse failure returned as 500
app.post('/links', async (c) => {
  const result = v.safeParse(NewLink, await c.req.json());
  if (!result.success) {
    return c.json({ error: 'Invalid link' }, 500); // expect: no-500-for-validation 400
  }
  const [row] = await db.insert(links).values({ url: result.output.url, slug: result.output.slug ?? crypto.randomUUID().slice(0, 8) }).returning();
  return c.json(row, 201);
});

// positive: the try only reads the JSON body; a malformed body becomes an HTTPException 500
app.put('/links/:slug', async (c) => {
  let payload: unknown;
  try {
    payload = await c.req.json();
  } catch {
    throw new HTTPException(500, { message: 'Could not read body' }); // expect: no-500-for-validation 400
  }
  const parsed = v.parse(NewLink, payload);
  await db.update(links).set({ url: parsed.url }).where(eq(links.slug, c.req.param('slug')));
  return c.body(null, 204);
});

// negative: valibot failure answered with 422
app.post('/links/bulk', async (c) => {
  const items = v.safeParse(v.array(NewLink), await c.req.json());
  if (!items.success) {
    return c.json({ error: 'Invalid links', issues: v.flatten(items.issues) }, 422);
  }
  await db.insert(links).values(items.output.map((l) => ({ url: l.url, slug: l.slug ?? crypto.randomUUID().slice(0, 8) })));
  return c.json({ created: items.output.length }, 201);
});

// positive: fetch to the unfurl service only, catch returns 500
app.get('/links/:slug/preview', async (c) => {
  const url = c.req.query('url');
  if (!url) return c.json({ error: 'url is required' }, 400);
  try {
    const res = await fetch(`${c.env.UNFURL_URL}/unfurl?url=${encodeURIComponent(url)}`, {
      headers: { authorization: `Bearer ${c.env.UNFURL_TOKEN}` },
      signal: AbortSignal.timeout(5000),
    });
    return c.json(await res.json());
  } catch (e) {
    if (e instanceof DOMException && e.name === 'TimeoutError') {
      return c.json({ error: 'Preview timed out' }, 500); // expect: no-500-for-upstream-failure 504
    }
    return c.json({ error: 'Preview failed' }, 500); // expect: no-500-for-upstream-failure 502
  }
});

// negative: the upstream body fails validation and the handler already answers 502
app.get('/links/:slug/title', async (c) => {
  const row = await db.query.links.findFirst({ where: eq(links.slug, c.req.param('slug')) });
  if (!row) return c.notFound();
  const res = await fetch(`${c.env.UNFURL_URL}/unfurl?url=${encodeURIComponent(row.url)}`, {
    signal: AbortSignal.timeout(5000),
  });
  const body = v.safeParse(UnfurlResult, await res.json());
  if (!body.success) {
    return c.json({ error: 'Unfurl service returned garbage' }, 502);
  }
  return c.json({ title: body.output.title });
});

// negative: 504 after an aborted upstream call is right
app.get('/links/:slug/screenshot', async (c) => {
  try {
    const shot = await fetch(`${c.env.UNFURL_URL}/screenshot/${c.req.param('slug')}`, { signal: AbortSignal.timeout(10_000) });
    if (!shot.ok) return c.json({ error: 'Screenshot failed' }, 502);
    return c.body(await shot.arrayBuffer(), 200, { 'content-type': 'image/png' });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') {
      return c.json({ error: 'Screenshot timed out' }, 504);
    }
    return c.json({ error: 'Screenshot failed' }, 502);
  }
});

// positive: drizzle query failure answered with 502
app.get('/links/:slug', async (c) => {
  try {
    const row = await db.select().from(links).where(eq(links.slug, c.req.param('slug'))).get();
    if (!row) return c.json({ error: 'Unknown link' }, 404);
    return c.redirect(row.url, 302);
  } catch {
    return c.json({ error: 'Lookup failed' }, 502); // expect: no-502-for-internal-error 500
  }
});

// negative: onError reads the status carried by HTTPException
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  const status = (err as { status?: number }).status ?? 500;
  return c.json({ error: 'Internal Server Error' }, status >= 400 && status < 600 ? (status as 500) : 500);
});

export default app;
