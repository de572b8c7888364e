import { Hono } from 'hono';

export const weather = new Hono();

weather.get('/:city', async (c) => {
  const city = c.req.param('city');
  try {
    const res = await fetch(`https://api.weather.example.com/v1/forecast/${encodeURIComponent(city)}`, {
      signal: AbortSignal.timeout(3000),
    });
    if (res.status === 404) return c.json({ error: 'Unknown city' }, 404);
    if (!res.ok) return c.json({ error: 'Weather provider error' }, 502);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await res.json());
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') {
      return c.json({ error: 'Weather provider timed out' }, 504);
    }
    return c.json({ error: 'Weather provider unreachable', stack: (err as Error).stack }, 502);
  }
});
