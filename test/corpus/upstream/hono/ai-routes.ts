// Accuracy corpus: Hono — edge routes calling OpenAI, a translation API (fetch) and a geo IP service. Labels: see test/corpus/README.md.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import OpenAI from 'openai';
import { drizzle } from 'drizzle-orm/d1';
import { eq } from 'drizzle-orm';
import { translations } from '../../db/schema';

type Bindings = { DB: D1Database; OPENAI_API_KEY: string; DEEPL_KEY: string };
const app = new Hono<{ Bindings: Bindings }>();

// Same-file helper: calls the translation API with a timeout and throws on a non-ok response.
async function translate(text: string, target: string, key: string) {
  const res = await fetch('https://api-free.deepl.com/v2/translate', {
    method: 'POST',
    headers: { authorization: `DeepL-Auth-Key ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: [text], target_lang: target }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`deepl ${res.status}`);
  const data = (await res.json()) as { translations: { text: string }[] };
  return data.translations[0].text;
}

// positive no-500-for-upstream-failure (502): the try only calls the same-file translate() helper; answered c.json(..., 500).
app.post('/translate', async (c) => {
  const { text, target } = await c.req.json<{ text: string; target: string }>();
  try {
    return c.json({ text: await translate(text, target, c.env.DEEPL_KEY) });
  } catch (err) {
    console.error('translation failed', err);
    return c.json({ error: 'Translation failed' }, 500); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (502): HTTPException(500) thrown after the OpenAI embedding call failed.
app.post('/embed', async (c) => {
  const openai = new OpenAI({ apiKey: c.env.OPENAI_API_KEY });
  const { input } = await c.req.json<{ input: string }>();
  try {
    const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input });
    return c.json({ embedding: res.data[0].embedding });
  } catch (err) {
    throw new HTTPException(500, { message: 'Embedding failed' }); // expect: no-500-for-upstream-failure 502
  }
});

// negative no-500-for-upstream-failure: cache lookup in D1, translate() and cache write share one try; the catch does not single out the upstream error.
app.get('/translate/cached/:id', async (c) => {
  const db = drizzle(c.env.DB);
  try {
    const [row] = await db.select().from(translations).where(eq(translations.id, c.req.param('id')));
    if (!row) return c.json({ error: 'Not found' }, 404);
    const text = row.translated ?? (await translate(row.source, row.lang, c.env.DEEPL_KEY));
    await db.update(translations).set({ translated: text }).where(eq(translations.id, row.id));
    return c.json({ text });
  } catch (err) {
    console.error('cached translation failed', err);
    return c.json({ error: 'Translation failed' }, 500);
  }
});

// positive require-upstream-timeout: fetch to the geo IP service without a signal; positive no-500-for-upstream-failure (502): non-ok answered 500.
app.get('/whereami', async (c) => {
  const ip = c.req.header('cf-connecting-ip') ?? '';
  const res = await fetch(`https://ipapi.example.com/json/${ip}`); // expect: require-upstream-timeout
  if (!res.ok) {
    return c.text('Geo lookup failed', 500); // expect: no-500-for-upstream-failure 502
  }
  return c.json(await res.json());
});

// positive no-502-for-internal-error (500): a D1 (database) query failure answered 502.
app.get('/translations', async (c) => {
  const db = drizzle(c.env.DB);
  try {
    return c.json(await db.select().from(translations).limit(50));
  } catch (err) {
    return c.json({ error: 'Could not list translations' }, 502); // expect: no-502-for-internal-error 500
  }
});

// negative no-502-for-internal-error: HTTPException(502) after the translate() upstream helper failed.
app.post('/translate/batch', async (c) => {
  const { texts, target } = await c.req.json<{ texts: string[]; target: string }>();
  try {
    const out = await Promise.all(texts.map((t) => translate(t, target, c.env.DEEPL_KEY)));
    return c.json({ texts: out });
  } catch {
    throw new HTTPException(502, { message: 'Translation provider failed' });
  }
});

export default app;
