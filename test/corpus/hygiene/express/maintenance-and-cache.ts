// Accuracy corpus: Express — maintenance mode, rate limiting (Retry-After) and cache headers on error responses. Labels: see test/corpus/README.md.
import express, { type NextFunction, type Request, type Response } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { redis } from '../lib/redis';
import { db } from '../lib/db';
import { flags } from '../lib/flags';
import { logger } from '../lib/logger';

const router = express.Router();
const loginLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'login', points: 5, duration: 60 });
const searchLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'search', points: 30, duration: 10 });

// positive require-retry-after: maintenance middleware answers 503 without telling clients when to come back.
export function maintenanceMode(req: Request, res: Response, next: NextFunction) {
  if (!flags.isEnabled('maintenance')) return next();
  return res.status(503).json({ error: 'Down for maintenance' }); // expect: require-retry-after
}

// negative require-retry-after: Retry-After set with res.set() before the 503.
export function readOnlyMode(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || !flags.isEnabled('read-only')) return next();
  res.set('Retry-After', '600');
  return res.status(503).json({ error: 'Writes are paused during the migration' });
}

// positive require-retry-after: rate limiter rejection answered 429 with sendStatus and no Retry-After.
router.post('/login', async (req: Request, res: Response) => {
  try {
    await loginLimiter.consume(req.ip ?? 'unknown');
  } catch {
    return res.sendStatus(429); // expect: require-retry-after
  }
  res.json({ ok: true });
});

// negative require-retry-after: Retry-After computed from the limiter result with res.setHeader() before the 429.
router.get('/search', async (req: Request, res: Response) => {
  try {
    await searchLimiter.consume(req.ip ?? 'unknown');
  } catch (rej) {
    const seconds = Math.ceil((rej as RateLimiterRes).msBeforeNext / 1000);
    res.setHeader('Retry-After', String(seconds));
    return res.status(429).json({ error: 'Slow down' });
  }
  res.json(await db.product.search(String(req.query.q ?? '')));
});

// negative require-retry-after: Retry-After set in the same chain (res.header) as the 429.
router.post('/password-reset', async (req: Request, res: Response) => {
  const recent = await db.passwordReset.count({ where: { email: req.body.email, createdAt: { gt: new Date(Date.now() - 15 * 60_000) } } });
  if (recent >= 3) return res.header('Retry-After', '900').status(429).json({ error: 'Too many reset requests' });
  await db.passwordReset.create({ data: { email: req.body.email } });
  return res.sendStatus(202);
});

// positive require-retry-after: the queue is full, 503 with a body but no header.
router.post('/exports', async (req: Request, res: Response) => {
  const depth = await redis.llen('export-queue');
  if (depth > 500) {
    res.status(503).send({ error: 'Export queue is full, try again later' }); // expect: require-retry-after
    return;
  }
  await redis.rpush('export-queue', JSON.stringify({ userId: req.user!.id }));
  res.sendStatus(202);
});

// negative require-retry-after: res.append('Retry-After') before the 503.
router.get('/reports/live', async (req: Request, res: Response) => {
  if (!(await flags.isEnabledAsync('live-reports'))) {
    res.append('Retry-After', '120');
    return res.status(503).json({ error: 'Live reports are warming up' });
  }
  res.json(await db.report.live());
});

// positive no-cacheable-error-response: the catalog route sets a public cache header up front, and the 500 in the catch keeps it.
router.get('/catalog', async (req: Request, res: Response) => {
  res.set('Cache-Control', 'public, max-age=300');
  try {
    res.json(await db.product.findMany({ where: { published: true } }));
  } catch (err) {
    logger.error({ err }, 'catalog query failed');
    res.status(500).json({ error: 'Catalog unavailable' }); // expect: no-cacheable-error-response
  }
});

// negative no-cacheable-error-response: the catch replaces the cache header with no-store before the 500.
router.get('/catalog/:slug', async (req: Request, res: Response) => {
  res.set('Cache-Control', 'public, max-age=300, stale-while-revalidate=60');
  try {
    const product = await db.product.findUnique({ where: { slug: req.params.slug } });
    if (!product) return res.status(404).json({ error: 'Not found' });
    res.json(product);
  } catch (err) {
    logger.error({ err }, 'product query failed');
    res.set('Cache-Control', 'no-store');
    res.status(500).json({ error: 'Product unavailable' });
  }
});

// positive no-cacheable-error-response: s-maxage on a 500 lets the CDN serve the failure for ten minutes.
router.get('/sitemap.xml', async (req: Request, res: Response) => {
  try {
    const pages = await db.page.findMany({ select: { path: true, updatedAt: true } });
    res.set('Cache-Control', 's-maxage=600').type('application/xml').send(renderSitemap(pages));
  } catch {
    res.set('Cache-Control', 's-maxage=600').status(500).send('Sitemap unavailable'); // expect: no-cacheable-error-response
  }
});

// positive no-cacheable-error-response: a far-future Expires header on a 500.
router.get('/fonts/manifest.json', async (req: Request, res: Response) => {
  try {
    res.json(await db.font.manifest());
  } catch {
    res.set('Expires', new Date(Date.now() + 86_400_000).toUTCString());
    res.status(500).json({ error: 'Manifest unavailable' }); // expect: no-cacheable-error-response
  }
});

// negative no-cacheable-error-response: private, no-cache on a 500 is not shared-cacheable.
router.get('/me/summary', async (req: Request, res: Response) => {
  try {
    res.set('Cache-Control', 'private, max-age=30').json(await db.user.summary(req.user!.id));
  } catch {
    res.set('Cache-Control', 'private, no-cache').status(500).json({ error: 'Summary unavailable' });
  }
});

// negative no-cacheable-error-response: the long cache header is on the 200 only.
router.get('/assets/:hash', async (req: Request, res: Response) => {
  const asset = await db.asset.findUnique({ where: { hash: req.params.hash } });
  if (!asset) return res.status(404).end();
  res.set('Cache-Control', 'public, max-age=31536000, immutable').type(asset.mime).send(asset.data);
});

// positive no-cacheable-error-response and positive require-retry-after: a 503 cached publicly for an hour and without Retry-After.
router.get('/pricing', async (req: Request, res: Response) => {
  if (flags.isEnabled('pricing-freeze')) {
    return res.set('Cache-Control', 'public, max-age=3600').status(503).json({ error: 'Pricing is being updated' }); // expect: no-cacheable-error-response, require-retry-after
  }
  res.json(await db.price.list());
});

// negative no-cacheable-error-response: max-age=0 with must-revalidate on the 503; negative require-retry-after: header present.
router.get('/pricing/regional', async (req: Request, res: Response) => {
  if (flags.isEnabled('pricing-freeze')) {
    res.set({ 'Cache-Control': 'max-age=0, must-revalidate', 'Retry-After': '300' });
    return res.status(503).json({ error: 'Pricing is being updated' });
  }
  res.json(await db.price.list({ region: String(req.query.region ?? 'eu') }));
});

function renderSitemap(pages: { path: string; updatedAt: Date }[]) {
  return `<?xml version="1.0"?><urlset>${pages.map((p) => `<url><loc>${p.path}</loc></url>`).join('')}</urlset>`;
}

export default router;
