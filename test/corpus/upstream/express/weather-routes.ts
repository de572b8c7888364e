// Accuracy corpus: Express — upstream HTTP failures (fetch, axios, got) answered with 500 vs 502/504. Labels: see test/corpus/README.md.
import express, { type NextFunction, type Request, type Response } from 'express';
import axios from 'axios';
import got, { HTTPError, TimeoutError as GotTimeoutError } from 'got';
import { z } from 'zod';
import { db } from '../../lib/db';
import { logger } from '../../lib/logger';
import { requireAuth } from '../../middleware/auth';

const router = express.Router();
const WEATHER_URL = process.env.WEATHER_API_URL ?? 'https://api.weather.example.com';
const GEO_URL = process.env.GEO_API_URL ?? 'https://geo.example.com';

// Shared axios instance: the timeout set here covers every call made through it.
const geoApi = axios.create({
  baseURL: GEO_URL,
  timeout: 4000,
  headers: { 'X-Api-Key': process.env.GEO_API_KEY ?? '' },
});

// got instance extended with a timeout once for the whole module.
const radarClient = got.extend({
  prefixUrl: 'https://radar.example.com/v2',
  timeout: { request: 5000 },
  retry: { limit: 0 },
});

const ForecastSchema = z.object({
  city: z.string(),
  days: z.array(z.object({ date: z.string(), high: z.number(), low: z.number() })),
});

// Same-file helper that makes the upstream call (with a timeout).
async function getForecast(city: string) {
  const res = await fetch(`${WEATHER_URL}/v1/forecast?city=${encodeURIComponent(city)}`, {
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) throw new Error(`forecast upstream answered ${res.status}`);
  return res.json();
}

// positive no-500-for-upstream-failure (502): the try only calls a same-file helper that fetches the weather API; 500 blames this server.
router.get('/forecast/:city', async (req: Request, res: Response) => {
  try {
    const forecast = await getForecast(req.params.city);
    res.json(forecast);
  } catch (err) {
    logger.error({ err }, 'forecast lookup failed');
    res.status(500).json({ error: 'Could not load forecast' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (504 then 502): the catch singles out the AbortSignal timeout, then falls back to 500 for the other fetch failures.
router.get('/current/:city', async (req: Request, res: Response) => {
  try {
    const upstream = await fetch(`${WEATHER_URL}/v1/current?city=${encodeURIComponent(req.params.city)}`, {
      signal: AbortSignal.timeout(2500),
    });
    const body = await upstream.json();
    res.json({ city: req.params.city, temperature: body.temp_c });
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') {
      return res.status(500).json({ error: 'Weather provider took too long' }); // expect: no-500-for-upstream-failure 504
    }
    return res.status(500).json({ error: 'Weather provider failed' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (502): branch on a failed upstream response (!res.ok) answered with 500.
router.get('/alerts/:region', async (req: Request, res: Response) => {
  const upstream = await fetch(`${WEATHER_URL}/v1/alerts/${req.params.region}`, {
    signal: AbortSignal.timeout(3000),
  });
  if (!upstream.ok) {
    logger.warn({ status: upstream.status }, 'alerts upstream not ok');
    return res.status(500).json({ error: 'Alerts unavailable' }); // expect: no-500-for-upstream-failure 502
  }
  const alerts = await upstream.json();
  return res.json(alerts);
});

// negative no-500-for-upstream-failure: the upstream status is forwarded as-is, not replaced with 500.
router.get('/historical/:city', async (req: Request, res: Response) => {
  const upstream = await fetch(`${WEATHER_URL}/v1/history?city=${encodeURIComponent(req.params.city)}`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!upstream.ok) {
    return res.status(upstream.status).json({ error: 'History lookup failed' });
  }
  return res.json(await upstream.json());
});

// negative no-500-for-upstream-failure: the try mixes a database write with the upstream call and the catch does not single out the upstream error, so 500 is defensible.
router.post('/favorites', requireAuth, async (req: Request, res: Response) => {
  try {
    const { data: place } = await geoApi.get('/places/lookup', { params: { q: req.body.query } });
    const favorite = await db.favorites.create({ userId: req.user!.id, placeId: place.id, label: place.name });
    res.status(201).json(favorite);
  } catch (err) {
    logger.error({ err }, 'could not save favorite');
    res.status(500).json({ error: 'Could not save favorite' });
  }
});

// positive no-500-for-upstream-failure (502): mixed try, but the catch singles out the axios error and still answers 500; the database fallback 500 is fine.
router.put('/favorites/:id', requireAuth, async (req: Request, res: Response) => {
  try {
    const { data: place } = await geoApi.get(`/places/${req.body.placeId}`);
    await db.favorites.update(req.params.id, { placeId: place.id, label: place.name });
    res.sendStatus(204);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      logger.warn({ status: err.response?.status }, 'geo lookup failed');
      return res.status(500).json({ error: 'Place lookup failed' }); // expect: no-500-for-upstream-failure 502
    }
    logger.error({ err }, 'favorite update failed');
    return res.status(500).json({ error: 'Could not update favorite' });
  }
});

// negative no-500-for-upstream-failure and negative no-502-for-internal-error: 502 for the geocoder failure is right; negative require-upstream-timeout: the axios instance has a timeout.
router.get('/geocode', async (req: Request, res: Response) => {
  try {
    const { data } = await geoApi.get('/geocode', { params: { address: req.query.address } });
    res.json({ lat: data.lat, lng: data.lng });
  } catch (err) {
    logger.warn({ err }, 'geocoder failed');
    res.status(502).json({ error: 'Geocoding service failed' });
  }
});

// positive no-500-for-upstream-failure (502): got's HTTPError singled out and answered 500; negative require-upstream-timeout: got instance extended with a timeout.
router.get('/radar/:tile', async (req: Request, res: Response) => {
  try {
    const tile = await radarClient.get(`tiles/${req.params.tile}`).buffer();
    res.type('image/png').send(tile);
  } catch (err) {
    if (err instanceof HTTPError) {
      return res.status(500).json({ error: 'Radar tile unavailable' }); // expect: no-500-for-upstream-failure 502
    }
    throw err;
  }
});

// positive no-500-for-upstream-failure (504): got TimeoutError singled out and answered 500 instead of 504.
router.get('/radar/:tile/meta', async (req: Request, res: Response) => {
  try {
    const meta = await radarClient.get(`tiles/${req.params.tile}/meta`).json<{ updatedAt: string }>();
    res.json(meta);
  } catch (err) {
    if (err instanceof GotTimeoutError) {
      return res.status(500).json({ error: 'Radar service timed out' }); // expect: no-500-for-upstream-failure 504
    }
    return res.status(502).json({ error: 'Radar service failed' });
  }
});

// negative no-500-for-upstream-failure: rethrown to the error middleware, no status chosen here.
router.get('/sunrise/:city', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { data } = await geoApi.get(`/sun/${encodeURIComponent(req.params.city)}`);
    res.json(data);
  } catch (err) {
    next(err);
  }
});

// positive require-upstream-timeout: fetch without a signal while handling a request; negative no-502-for-internal-error: the 502 follows the upstream failure.
router.get('/air-quality/:city', async (req: Request, res: Response) => {
  try {
    const upstream = await fetch(`https://aqi.example.org/v1/city/${encodeURIComponent(req.params.city)}`); // expect: require-upstream-timeout
    if (!upstream.ok) return res.status(502).json({ error: 'Air quality provider failed' });
    res.json(await upstream.json());
  } catch (err) {
    logger.warn({ err }, 'aqi fetch failed');
    res.status(502).json({ error: 'Air quality provider unreachable' });
  }
});

// positive no-500-for-upstream-failure (502): upstream data failing validation (not the client's input) answered with 500.
router.get('/forecast/:city/validated', async (req: Request, res: Response) => {
  const upstream = await fetch(`${WEATHER_URL}/v2/forecast?city=${encodeURIComponent(req.params.city)}`, {
    signal: AbortSignal.timeout(3000),
  });
  const parsed = ForecastSchema.safeParse(await upstream.json());
  if (!parsed.success) {
    logger.error({ issues: parsed.error.issues }, 'weather provider sent an unexpected payload');
    return res.status(500).json({ error: 'Unexpected forecast format' }); // expect: no-500-for-upstream-failure 502
  }
  return res.json(parsed.data);
});

// positive no-500-for-upstream-failure (502): .catch() on a fetch promise chain answered with 500.
router.get('/moon/:date', (req: Request, res: Response) => {
  fetch(`${WEATHER_URL}/v1/moon?date=${encodeURIComponent(req.params.date)}`, { signal: AbortSignal.timeout(3000) })
    .then((r) => r.json())
    .then((moon) => res.json(moon))
    .catch((err) => {
      logger.error({ err }, 'moon phase fetch failed');
      res.status(500).json({ error: 'Moon phase unavailable' }); // expect: no-500-for-upstream-failure 502
    });
});

// negative no-500-for-upstream-failure: 500 after a database failure, no upstream involved.
router.get('/favorites', requireAuth, async (req: Request, res: Response) => {
  try {
    const favorites = await db.favorites.findMany({ where: { userId: req.user!.id } });
    res.json(favorites);
  } catch (err) {
    logger.error({ err }, 'favorites query failed');
    res.status(500).json({ error: 'Could not load favorites' });
  }
});

export default router;
