// Accuracy corpus: Elysia (Bun) — RSS/JSON feed aggregation over fetch and a local SQLite cache. Labels: see test/corpus/README.md.
import { Elysia, t } from 'elysia';
import { Database } from 'bun:sqlite';

const cache = new Database('feeds.sqlite');

export const feeds = new Elysia({ prefix: '/feeds' })
  // positive no-500-for-upstream-failure (502): the try only fetches the remote feed; set.status = 500 on failure.
  .get('/remote', async ({ query, set }) => {
    try {
      const res = await fetch(query.url, { signal: AbortSignal.timeout(4000) });
      return await res.text();
    } catch (err) {
      console.warn('feed fetch failed', err);
      set.status = 500; // expect: no-500-for-upstream-failure 502
      return { error: 'Feed could not be fetched' };
    }
  }, { query: t.Object({ url: t.String({ format: 'uri' }) }) })

  // positive require-upstream-timeout: fetch to the podcast index without a signal; positive no-500-for-upstream-failure (502): res.status !== 200 answered error(500).
  .get('/podcasts/:id', async ({ params, error }) => {
    const res = await fetch(`https://podcasts.example.org/api/1.0/podcasts/byfeedid?id=${params.id}`); // expect: require-upstream-timeout
    if (res.status !== 200) {
      return error(500, 'Podcast index failed'); // expect: no-500-for-upstream-failure 502
    }
    return res.json();
  })

  // positive no-502-for-internal-error (500): the local SQLite cache query failed, answered error(502).
  .get('/cached', ({ error }) => {
    try {
      return cache.query('SELECT url, title, fetched_at FROM feeds ORDER BY fetched_at DESC LIMIT 50').all();
    } catch {
      return error(502, 'Feed cache unavailable'); // expect: no-502-for-internal-error 500
    }
  })

  // negative no-502-for-internal-error: error(504) after the remote feed timed out.
  .get('/remote/head', async ({ query, error }) => {
    try {
      const res = await fetch(query.url, { method: 'HEAD', signal: AbortSignal.timeout(2000) });
      return { status: res.status, type: res.headers.get('content-type') };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') return error(504, 'Feed host timed out');
      return error(502, 'Feed host failed');
    }
  }, { query: t.Object({ url: t.String({ format: 'uri' }) }) });
