// Accuracy corpus (upstream-extra): Fastify catalog plugin with undici, superagent and http.get. Labels: see test/corpus/README.md.
import type { FastifyInstance } from 'fastify';
import { request, Pool } from 'undici';
import superagent from 'superagent';
import https from 'node:https';
import sharp from 'sharp';

const search = new Pool('https://search.example.com', { headersTimeout: 2000, bodyTimeout: 4000 });

export default async function catalog(fastify: FastifyInstance) {
  // positive require-upstream-timeout: undici request relying on its 300 s defaults.
  fastify.get('/catalog/:sku', async (req) => {
    const { body } = await request(`https://pim.example.com/items/${(req.params as { sku: string }).sku}`); // expect: require-upstream-timeout
    return body.json();
  });

  // negative require-upstream-timeout: the pool sets headersTimeout and bodyTimeout.
  fastify.get('/search', async (req) => {
    const { body } = await search.request({ path: `/q?term=${encodeURIComponent(String((req.query as { q?: string }).q ?? ''))}`, method: 'GET' });
    return body.json();
  });

  // positive require-upstream-timeout: superagent without .timeout().
  fastify.get('/prices/:sku', async (req) => {
    const res = await superagent.get(`https://prices.example.com/v1/${(req.params as { sku: string }).sku}`).set('accept', 'application/json'); // expect: require-upstream-timeout
    return res.body;
  });

  // negative require-upstream-timeout: superagent with .timeout().
  fastify.get('/stock/:sku', async (req) => {
    const res = await superagent.get(`https://stock.example.com/v1/${(req.params as { sku: string }).sku}`).timeout({ response: 2000, deadline: 5000 });
    return res.body;
  });

  // positive require-upstream-timeout: https.get without a timeout option or setTimeout.
  fastify.get('/feeds/rss', (req, reply) => {
    https.get('https://feeds.example.com/rss.xml', (upstream) => { // expect: require-upstream-timeout
      reply.type('application/rss+xml').send(upstream);
    });
  });

  // negative require-upstream-timeout: fetch with an AbortSignal.any that includes a timeout.
  fastify.get('/banner', async (req) => {
    const controller = new AbortController();
    const r = await fetch('https://cms.example.com/banner', { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(1500)]) });
    return r.json();
  });

  // positive no-502-for-internal-error (500): image resizing is local work.
  fastify.post('/images/resize', async (req, reply) => {
    try {
      return await sharp(req.body as Buffer).resize(320).png().toBuffer();
    } catch {
      return reply.code(502).send({ error: 'Resize failed' }); // expect: no-502-for-internal-error 500
    }
  });

  // positive no-502-for-internal-error (500): a database-only lookup answered with reply.badGateway().
  fastify.get('/catalog/:sku/reviews', async (req, reply) => {
    try {
      return await fastify.pg.query('SELECT * FROM reviews WHERE sku = $1', [(req.params as { sku: string }).sku]);
    } catch {
      return reply.badGateway(); // expect: no-502-for-internal-error 500
    }
  });

  // negative no-502-for-internal-error: the upstream call failed; 502 is right.
  fastify.get('/catalog/:sku/availability', async (req, reply) => {
    const r = await fetch(`https://stock.example.com/v2/${(req.params as { sku: string }).sku}`, { signal: AbortSignal.timeout(2000) });
    if (!r.ok) return reply.code(502).send({ error: 'Stock service failed' });
    return r.json();
  });
}
