// Accuracy corpus: Express — outbound integrations (superagent, needle, node-fetch, wretch, graphql-request, undici, twilio, https.request). Labels: see test/corpus/README.md.
'use strict';

const express = require('express');
const https = require('node:https');
const superagent = require('superagent');
const needle = require('needle');
const fetch = require('node-fetch');
const { FetchError } = require('node-fetch');
const wretch = require('wretch');
const { GraphQLClient, gql } = require('graphql-request');
const { request } = require('undici');
const twilio = require('twilio');
const { db } = require('../../lib/db');
const logger = require('../../lib/logger');

const router = express.Router();
const twilioClient = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const cms = new GraphQLClient(process.env.CMS_GRAPHQL_URL, {
  headers: { authorization: `Bearer ${process.env.CMS_TOKEN}` },
});

const ARTICLE_QUERY = gql`
  query Article($slug: String!) {
    article(slug: $slug) { id title body publishedAt }
  }
`;

// Same-file helper around https.request with a socket timeout that rejects with ETIMEDOUT.
function postJson(url, payload) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', timeout: 5000, headers: { 'content-type': 'application/json' } }, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { raw += chunk; });
      res.on('end', () => {
        if (res.statusCode >= 400) return reject(Object.assign(new Error(`upstream ${res.statusCode}`), { statusCode: res.statusCode }));
        resolve(JSON.parse(raw));
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('upstream timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

// positive no-500-for-upstream-failure (502): superagent error with err.response singled out, answered 500; negative require-upstream-timeout: .timeout() is set.
router.get('/shipping/rates', async (req, res) => {
  try {
    const { body } = await superagent
      .get('https://rates.shipper.example.com/v1/rates')
      .query({ from: req.query.from, to: req.query.to })
      .timeout({ response: 3000, deadline: 8000 });
    res.json(body.rates);
  } catch (err) {
    if (err.response) {
      logger.warn({ status: err.response.status }, 'rates api rejected request');
      return res.status(500).json({ error: 'Could not fetch shipping rates' }); // expect: no-500-for-upstream-failure 502
    }
    return res.status(502).json({ error: 'Shipping provider unreachable' });
  }
});

// positive require-upstream-timeout: superagent call without .timeout(); negative no-500-for-upstream-failure and negative no-502-for-internal-error: 502 is right here.
router.post('/shipping/labels', async (req, res) => {
  try {
    const { body } = await superagent // expect: require-upstream-timeout
      .post('https://labels.shipper.example.com/v1/labels')
      .set('Authorization', `Bearer ${process.env.SHIPPER_TOKEN}`)
      .send({ orderId: req.body.orderId, service: 'ground' });
    res.status(201).json({ labelUrl: body.url });
  } catch (err) {
    logger.warn({ err }, 'label purchase failed');
    res.status(502).json({ error: 'Label service failed' });
  }
});

// positive no-500-for-upstream-failure (502): needle call refused (ECONNREFUSED singled out) answered 500.
router.get('/inventory/:sku', async (req, res) => {
  try {
    const resp = await needle('get', `${process.env.WAREHOUSE_URL}/stock/${encodeURIComponent(req.params.sku)}`, null, {
      json: true,
      open_timeout: 2000,
      response_timeout: 4000,
    });
    res.json({ sku: req.params.sku, available: resp.body.available });
  } catch (err) {
    if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND') {
      return res.status(500).json({ error: 'Warehouse system is down' }); // expect: no-500-for-upstream-failure 502
    }
    logger.error({ err }, 'inventory lookup failed');
    return res.status(502).json({ error: 'Warehouse lookup failed' });
  }
});

// positive no-500-for-upstream-failure (502): node-fetch FetchError singled out and answered 500.
router.get('/fx/:pair', async (req, res) => {
  try {
    const upstream = await fetch(`https://fx.example.net/latest/${req.params.pair}`, { signal: AbortSignal.timeout(3000) });
    const quote = await upstream.json();
    res.json({ pair: req.params.pair, rate: quote.rate });
  } catch (err) {
    if (err instanceof FetchError) {
      return res.status(500).json({ error: 'FX provider request failed' }); // expect: no-500-for-upstream-failure 502
    }
    throw err;
  }
});

// positive no-500-for-upstream-failure (504): node-fetch aborted by its timeout signal (AbortError) answered 500.
router.get('/fx/:pair/history', async (req, res) => {
  try {
    const upstream = await fetch(`https://fx.example.net/history/${req.params.pair}?days=30`, { signal: AbortSignal.timeout(6000) });
    res.json(await upstream.json());
  } catch (err) {
    if (err.name === 'AbortError' || err.name === 'TimeoutError') {
      return res.status(500).send('FX history timed out'); // expect: no-500-for-upstream-failure 504
    }
    return res.status(502).send('FX history failed');
  }
});

// positive no-500-for-upstream-failure (502): the try only makes a wretch call; its failure is answered 500.
router.get('/reviews/:productId', async (req, res) => {
  try {
    const reviews = await wretch(`https://reviews.example.io/api/products/${req.params.productId}/reviews`)
      .options({ signal: AbortSignal.timeout(4000) })
      .get()
      .json();
    res.json(reviews);
  } catch (err) {
    logger.warn({ err }, 'reviews provider failed');
    res.status(500).json({ error: 'Reviews unavailable' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (502): graphql-request to the headless CMS failed, answered 500.
router.get('/articles/:slug', async (req, res) => {
  try {
    const data = await cms.request({
      document: ARTICLE_QUERY,
      variables: { slug: req.params.slug },
      signal: AbortSignal.timeout(4000),
    });
    if (!data.article) return res.status(404).json({ error: 'Article not found' });
    res.json(data.article);
  } catch (err) {
    logger.error({ err }, 'cms query failed');
    res.status(500).json({ error: 'Could not load article' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (504 then 502): undici header timeout and socket error singled out, both answered 500.
router.get('/catalog/:id', async (req, res) => {
  try {
    const { statusCode, body } = await request(`${process.env.CATALOG_URL}/items/${req.params.id}`, {
      headersTimeout: 3000,
      bodyTimeout: 5000,
    });
    if (statusCode === 404) return res.status(404).json({ error: 'Not found' });
    res.json(await body.json());
  } catch (err) {
    if (err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
      return res.status(500).json({ error: 'Catalog timed out' }); // expect: no-500-for-upstream-failure 504
    }
    if (err.code === 'UND_ERR_SOCKET') {
      return res.status(500).json({ error: 'Catalog connection dropped' }); // expect: no-500-for-upstream-failure 502
    }
    throw err;
  }
});

// positive require-upstream-timeout: undici request() without headersTimeout/bodyTimeout; negative no-502-for-internal-error: 502 after the upstream failure.
router.get('/catalog/:id/variants', async (req, res) => {
  try {
    const { body } = await request(`${process.env.CATALOG_URL}/items/${req.params.id}/variants`); // expect: require-upstream-timeout
    res.json(await body.json());
  } catch (err) {
    res.status(502).json({ error: 'Catalog unavailable' });
  }
});

// positive no-500-for-upstream-failure (502): try only sends an SMS through Twilio; negative require-upstream-timeout: SDK client with its own default timeout.
router.post('/verify/sms', async (req, res) => {
  try {
    await twilioClient.messages.create({
      to: req.body.phone,
      from: process.env.TWILIO_FROM,
      body: `Your code is ${req.body.code}`,
    });
    res.sendStatus(202);
  } catch (err) {
    logger.error({ err }, 'twilio send failed');
    res.status(500).json({ error: 'Could not send SMS' }); // expect: no-500-for-upstream-failure 502
  }
});

// negative no-500-for-upstream-failure: Twilio call mixed with database writes, catch does not single out the upstream error.
router.post('/verify/sms/resend', async (req, res) => {
  try {
    const attempt = await db.verificationAttempts.create({ phone: req.body.phone });
    await twilioClient.messages.create({ to: req.body.phone, from: process.env.TWILIO_FROM, body: `Your code is ${attempt.code}` });
    await db.verificationAttempts.markSent(attempt.id);
    res.sendStatus(202);
  } catch (err) {
    logger.error({ err }, 'resend failed');
    res.status(500).json({ error: 'Could not resend code' });
  }
});

// positive no-500-for-upstream-failure (504): https.request helper (with its timeout) rejected with ETIMEDOUT, answered 500.
router.post('/tax/quote', async (req, res) => {
  try {
    const quote = await postJson('https://tax.example.com/v2/quote', { lines: req.body.lines, shipTo: req.body.shipTo });
    res.json(quote);
  } catch (err) {
    if (err.code === 'ETIMEDOUT') {
      return res.status(500).json({ error: 'Tax service timed out' }); // expect: no-500-for-upstream-failure 504
    }
    return res.status(502).json({ error: 'Tax service failed' });
  }
});

// positive require-upstream-timeout: https.get to the status page without a timeout while handling a request.
router.get('/status/upstreams', (req, res) => {
  const outbound = https.get('https://status.shipper.example.com/api/v2/summary.json', (upstream) => { // expect: require-upstream-timeout
    let raw = '';
    upstream.on('data', (c) => { raw += c; });
    upstream.on('end', () => res.type('json').send(raw));
  });
  outbound.on('error', () => res.status(502).json({ error: 'Status page unreachable' }));
});

module.exports = router;
