// Accuracy corpus: Express — orders routes in CommonJS (yup, ajv, validator.js, manual checks). Labels: see test/corpus/README.md.
'use strict';

const express = require('express');
const yup = require('yup');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const validator = require('validator');
const { z } = require('zod');
const db = require('../lib/db');
const log = require('../lib/log');

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

const validateOrder = ajv.compile({
  type: 'object',
  required: ['sku', 'quantity'],
  properties: {
    sku: { type: 'string', minLength: 3 },
    quantity: { type: 'integer', minimum: 1, maximum: 100 },
  },
  additionalProperties: false,
});

const addressSchema = yup.object({
  line1: yup.string().required(),
  city: yup.string().required(),
  postalCode: yup.string().matches(/^[0-9]{5}$/).required(),
});

// negative: config/env validation at startup; failing it crashes the process, no response involved
const EnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  INVENTORY_API_URL: z.string().url(),
});
const envResult = EnvSchema.safeParse(process.env);
if (!envResult.success) {
  log.fatal({ issues: envResult.error.issues }, 'invalid environment');
  process.exit(1);
}
const env = envResult.data;

const router = express.Router();

// positive: ajv compiled validator returned false -> 500
router.post('/orders', async (req, res) => {
  if (!validateOrder(req.body)) {
    log.info({ errors: validateOrder.errors }, 'order rejected');
    return res.status(500).json({ error: 'Order could not be placed' }); // expect: no-500-for-validation 400
  }
  const order = await db.orders.insert(req.body);
  res.status(201).json(order);
});

// positive: yup isValid() false -> res.statusCode = 500
router.put('/orders/:id/address', async (req, res) => {
  const valid = await addressSchema.isValid(req.body);
  if (!valid) {
    res.statusCode = 500; // expect: no-500-for-validation 400
    return res.end('Address update failed');
  }
  await db.orders.setAddress(req.params.id, req.body);
  res.sendStatus(204);
});

// positive: yup validate() in a try whose only failable work is validation
router.post('/orders/:id/gift-address', async (req, res) => {
  let address;
  try {
    address = await addressSchema.validate(req.body, { abortEarly: false });
  } catch (err) {
    return res.status(500).json({ error: 'Gift address rejected' }); // expect: no-500-for-validation 400
  }
  await db.orders.setGiftAddress(req.params.id, address);
  res.sendStatus(204);
});

// positive: validator.js isEmail on a query parameter -> 500
router.get('/orders/lookup', async (req, res) => {
  const email = String(req.query.email || '');
  if (!validator.isEmail(email)) {
    return res.status(500).send('Lookup failed'); // expect: no-500-for-validation 400
  }
  res.json(await db.orders.findByEmail(email));
});

// positive: Number.isNaN(Number(id)) on a route param -> 500
router.get('/orders/:id', async (req, res) => {
  const id = Number(req.params.id);
  if (Number.isNaN(id)) {
    return res.status(500).json({ error: 'Could not load order' }); // expect: no-500-for-validation 400
  }
  const order = await db.orders.findById(id);
  if (!order) return res.sendStatus(404);
  res.json(order);
});

// positive: typeof / range check on a body field, else branch sends 500
router.post('/orders/:id/tip', async (req, res) => {
  const { amount } = req.body;
  if (typeof amount === 'number' && amount >= 0 && amount <= 1000) {
    await db.orders.addTip(req.params.id, amount);
    res.sendStatus(204);
  } else {
    res.status(500).json({ error: 'Tip failed' }); // expect: no-500-for-validation 400
  }
});

// negative: the upstream inventory service returned a payload that fails our schema -> 502
router.get('/orders/:id/availability', async (req, res) => {
  const upstream = await fetch(`${env.INVENTORY_API_URL}/stock/${encodeURIComponent(req.params.id)}`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!upstream.ok) return res.status(502).json({ error: 'Inventory service error' });
  const stock = z.object({ available: z.number().int() }).safeParse(await upstream.json());
  if (!stock.success) {
    log.error({ issues: stock.error.issues }, 'inventory payload did not match schema');
    return res.status(502).json({ error: 'Inventory service returned an invalid response' });
  }
  res.json({ available: stock.data.available });
});

// negative: ajv validation failure answered with 422
router.post('/orders/bulk', async (req, res) => {
  const items = Array.isArray(req.body) ? req.body : [];
  const invalid = items.filter((item) => !validateOrder(item));
  if (items.length === 0 || invalid.length > 0) {
    return res.status(422).json({ error: 'Invalid order lines', count: invalid.length });
  }
  res.status(201).json(await db.orders.insertMany(items));
});

// negative: a local `res` that is an ajv-like result object, not the response
router.post('/orders/preview', async (req, reply) => {
  const res = { ok: validateOrder(req.body), errors: validateOrder.errors };
  if (!res.ok) {
    return reply.status(400).json({ error: 'Invalid order', errors: res.errors });
  }
  const priceList = await db.pricing.currentPriceList();
  if (!priceList) {
    return reply.status(500).json({ error: 'No active price list' });
  }
  reply.json(db.pricing.quote(priceList, req.body));
});

// negative: server misconfiguration detected in a handler (not request input) -> 500
router.post('/orders/:id/invoice', async (req, res) => {
  if (!process.env.INVOICE_TEMPLATE_ID) {
    log.error('INVOICE_TEMPLATE_ID is not configured');
    return res.status(500).json({ error: 'Invoicing is not configured' });
  }
  await db.invoices.enqueue(req.params.id, process.env.INVOICE_TEMPLATE_ID);
  res.sendStatus(202);
});

module.exports = router;
