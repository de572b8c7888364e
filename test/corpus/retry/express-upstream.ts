// An Express route that proxies to an upstream with a retry helper.
import express from 'express';

const app = express();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchWithBackoff(url: string, init: RequestInit = {}, attempts = 4): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(3000) });
      if (res.status < 500 || attempt === attempts - 1) return res;
    } catch (err) {
      if (attempt === attempts - 1) throw err;
    }
    await sleep(Math.random() * Math.min(5000, 100 * 2 ** attempt));
  }
}

// A hand-rolled retry without any wait or status check.
async function fetchQuickly(url: string): Promise<Response> {
  let error: unknown;
  for (let tries = 0; tries < 3; tries++) { // expect: require-retry-backoff
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) throw new Error(String(res.status)); // expect: no-retry-on-client-error
      return res;
    } catch (err) {
      error = err;
    }
  }
  throw error;
}

app.get('/api/products/:id', async (req, res, next) => {
  try {
    const upstream = await fetchWithBackoff(`https://catalog.internal/products/${encodeURIComponent(req.params.id)}`);
    if (upstream.status === 404) return res.status(404).json({ error: 'not found' });
    if (!upstream.ok) return res.status(502).json({ error: 'catalog unavailable' });
    res.json(await upstream.json());
  } catch (err) {
    next(err);
  }
});

app.get('/api/reviews/:id', async (req, res, next) => {
  try {
    const upstream = await fetchQuickly(`https://reviews.internal/${encodeURIComponent(req.params.id)}`);
    res.json(await upstream.json());
  } catch (err) {
    next(err);
  }
});

export default app;
