// Accuracy corpus (held-out): express — class-based catalog controller (CommonJS, joi, promise chains, vendor feed). Labels: see test/corpus/README.md.
'use strict';

const express = require('express');
const Joi = require('joi');
const { z } = require('zod');
const got = require('got');
const db = require('../db');

const productSchema = Joi.object({
  name: Joi.string().min(2).max(100).required(),
  priceCents: Joi.number().integer().min(0).required(),
  tags: Joi.array().items(Joi.string()).max(10),
});

const VendorFeed = z.object({ items: z.array(z.object({ sku: z.string(), priceCents: z.number() })) });

const vendor = got.extend({ prefixUrl: process.env.VENDOR_URL, timeout: { request: 5000 } });

class CatalogController {
  constructor(repo) {
    this.repo = repo;
    this.create = this.create.bind(this);
    this.update = this.update.bind(this);
    this.importFeed = this.importFeed.bind(this);
    this.vendorPrice = this.vendorPrice.bind(this);
    this.remove = this.remove.bind(this);
    this.reindex = this.reindex.bind(this);
  }

  // positive: joi validate().error branch answered with 500 (promise chain afterwards)
  create(req, res) {
    const { error, value } = productSchema.validate(req.body, { abortEarly: false });
    if (error) {
      return res.status(500).json({ error: 'Product is invalid' }); // expect: no-500-for-validation 400
    }
    return this.repo
      .insert(value)
      .then((product) => res.status(201).json(product))
      .catch(() => res.status(500).json({ error: 'Could not create product' }));
  }

  // negative: joi failure answered with 400; the 500 is for the repository failure
  update(req, res) {
    const { error, value } = productSchema.validate(req.body);
    if (error) return res.status(400).json({ error: 'Product is invalid', fields: error.details.map((d) => d.path.join('.')) });
    return this.repo
      .update(req.params.id, value)
      .then(() => res.sendStatus(204))
      .catch(() => res.status(500).json({ error: 'Could not update product' }));
  }

  // positive: the try only fetches the vendor feed and parses its body against a schema; catch answers 500
  async importFeed(_req, res) {
    let feed;
    try {
      feed = VendorFeed.parse(await vendor.get('feed.json').json());
    } catch (err) {
      return res.status(500).json({ error: 'Vendor feed could not be imported' }); // expect: no-500-for-upstream-failure 502
    }
    await this.repo.upsertPrices(feed.items);
    return res.json({ imported: feed.items.length });
  }

  // positive: the catch singles out a ZodError, but what failed validation is the vendor's response, not the request
  async vendorPrice(req, res) {
    try {
      const body = await vendor.get(`prices/${encodeURIComponent(req.params.sku)}`).json();
      const { items } = VendorFeed.parse(body);
      res.json(items[0] ?? null);
    } catch (err) {
      if (err instanceof z.ZodError) {
        res.status(500).json({ error: 'Vendor sent an unexpected price format' }); // expect: no-500-for-upstream-failure 502
        return;
      }
      res.status(502).json({ error: 'Vendor unavailable' });
    }
  }

  // negative: the catch rethrows to the error middleware; no status is chosen here
  async remove(req, res) {
    try {
      await vendor.delete(`listings/${req.params.id}`);
      await this.repo.delete(req.params.id);
      res.sendStatus(204);
    } catch (err) {
      err.status = err.status || 500;
      throw err;
    }
  }

  // positive: a database-only reindex answered with 502
  reindex(_req, res) {
    db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY product_search')
      .then(() => res.sendStatus(204))
      .catch(() => {
        res.status(502).json({ error: 'Reindex failed' }); // expect: no-502-for-internal-error 500
      });
  }
}

const controller = new CatalogController(require('../repos/products'));
const router = express.Router();
router.post('/products', controller.create);
router.put('/products/:id', controller.update);
router.post('/products/import', controller.importFeed);
router.get('/products/:sku/vendor-price', controller.vendorPrice);
router.delete('/products/:id', (req, res, next) => controller.remove(req, res).catch(next));
router.post('/products/reindex', controller.reindex);

// negative: error middleware honours err.status; validation errors from celebrate/joi carry 400
router.use((err, req, res, _next) => {
  const status = Number.isInteger(err.status) ? err.status : err.isJoi ? 400 : 500;
  res.status(status).json({ error: status >= 500 ? 'Internal Server Error' : 'Bad request' });
});

module.exports = router;
