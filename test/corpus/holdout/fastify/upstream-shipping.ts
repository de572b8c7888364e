// Accuracy corpus (held-out): fastify — shipping quotes from carrier APIs. Labels: see test/corpus/README.md.
import type { FastifyPluginAsync } from 'fastify';
import got, { TimeoutError } from 'got';
import { request as undiciRequest } from 'undici';
import { readFile } from 'node:fs/promises';
import { redis } from '../cache/redis';
import { quotesRepo } from '../db/quotes-repo';

const CARRIER = process.env.CARRIER_URL ?? 'https://api.carrier.example';

const carrier = got.extend({
  prefixUrl: CARRIER,
  timeout: { request: 5000 },
  responseType: 'json',
});

const shippingRoutes: FastifyPluginAsync = async (fastify) => {
  // positive: got call only, catch answers 500
  fastify.get<{ Querystring: { zip: string } }>('/shipping/quote', async (req, reply) => {
    try {
      const { body } = await carrier.get('v2/rates', { searchParams: { zip: req.query.zip } });
      return body;
    } catch (error) {
      req.log.warn({ zip: req.query.zip }, 'carrier rate lookup failed');
      return reply.code(500).send({ error: 'Could not quote shipping' }); // expect: no-500-for-upstream-failure 502
    }
  });

  // positive: got TimeoutError singled out, answered with 500
  fastify.get<{ Params: { id: string } }>('/shipping/track/:id', async (req, reply) => {
    try {
      const tracking = await carrier.get(`v2/track/${req.params.id}`).json<{ events: unknown[] }>();
      return { events: tracking.events };
    } catch (error) {
      if (error instanceof TimeoutError) {
        return reply.status(500).send({ error: 'Carrier did not answer in time' }); // expect: no-500-for-upstream-failure 504
      }
      return reply.status(502).send({ error: 'Carrier error' });
    }
  });

  // positive: undici request, non-2xx branch answered with 500
  fastify.get('/shipping/zones', async (_req, reply) => {
    const { statusCode, body } = await undiciRequest(`${CARRIER}/v2/zones`, {
      headersTimeout: 5000,
      bodyTimeout: 5000,
    });
    if (statusCode >= 400) {
      await body.dump();
      return reply.code(500).send({ error: 'Zone list unavailable' }); // expect: no-500-for-upstream-failure 502
    }
    return body.json();
  });

  // negative: the 500 comes from the redis cache; the upstream path answers 502
  fastify.get<{ Params: { zip: string } }>('/shipping/eta/:zip', async (req, reply) => {
    let cached: string | null;
    try {
      cached = await redis.get(`eta:${req.params.zip}`);
    } catch {
      return reply.code(500).send({ error: 'Cache failure' });
    }
    if (cached) return JSON.parse(cached);
    try {
      const eta = await carrier.get('v2/eta', { searchParams: { zip: req.params.zip } }).json();
      return eta;
    } catch {
      return reply.code(502).send({ error: 'Carrier ETA failed' });
    }
  });

  // negative: try mixes the carrier call with persisting the quote; 500 for anything
  fastify.post<{ Body: { zip: string; weightKg: number } }>('/shipping/quotes', async (req, reply) => {
    try {
      const rate = await carrier.post('v2/rates', { json: req.body }).json<{ cents: number }>();
      const saved = await quotesRepo.insert({ zip: req.body.zip, cents: rate.cents });
      return reply.code(201).send(saved);
    } catch (err) {
      req.log.error('quote creation failed');
      return reply.code(500).send({ error: 'Could not create quote' });
    }
  });

  // positive: quote saved first, then the carrier; the catch singles out got HTTP errors
  fastify.post<{ Params: { id: string } }>('/shipping/quotes/:id/book', async (req, reply) => {
    try {
      const quote = await quotesRepo.findById(req.params.id);
      const booking = await carrier.post('v2/bookings', { json: { rateId: quote.rateId } }).json<{ ref: string }>();
      await quotesRepo.markBooked(req.params.id, booking.ref);
      return { ref: booking.ref };
    } catch (err: any) {
      if (err.name === 'HTTPError') {
        return reply.code(500).send({ error: 'Carrier refused the booking' }); // expect: no-500-for-upstream-failure 502
      }
      return reply.code(500).send({ error: 'Booking failed' });
    }
  });

  // positive: local carrier manifest file cannot be read, route answers 502
  fastify.get('/shipping/carriers', async (_req, reply) => {
    try {
      const manifest = JSON.parse(await readFile(new URL('../../data/carriers.json', import.meta.url), 'utf8'));
      return manifest.carriers;
    } catch {
      return reply.code(502).send({ error: 'Carrier list unavailable' }); // expect: no-502-for-internal-error 500
    }
  });

  // negative: 502 in a catch that mixes redis with a carrier call — upstream can have failed
  fastify.get<{ Params: { code: string } }>('/shipping/services/:code', async (req, reply) => {
    try {
      const hit = await redis.get(`svc:${req.params.code}`);
      if (hit) return JSON.parse(hit);
      const svc = await carrier.get(`v2/services/${req.params.code}`).json();
      await redis.set(`svc:${req.params.code}`, JSON.stringify(svc), 'EX', 600);
      return svc;
    } catch {
      return reply.code(502).send({ error: 'Service lookup failed' });
    }
  });
};

export default shippingRoutes;
