// Extra hygiene cases (Express, CommonJS): error handlers, leaks, Retry-After and caching, with look-alikes.
const express = require('express');
const createError = require('http-errors');
const { db } = require('../lib/db');
const { log } = require('../lib/log');

const app = express();
const router = express.Router();

// negative: a middleware that sets a header for everyone and passes on.
app.use((req, res, next) => {
  res.set('X-Request-Id', req.id);
  next();
});

router.get('/orders/export', async (req, res) => {
  const running = await db.exports.countRunning();
  if (running > 10) {
    res.status(503); // expect: require-retry-after
    return res.send('Export capacity reached');
  }
  res.json(await db.exports.start(req.user.id));
});

// negative: Retry-After computed and set before the 429.
router.post('/orders/:id/retry-payment', async (req, res) => {
  const wait = await db.paymentAttempts.cooldown(req.params.id);
  if (wait > 0) {
    res.setHeader('Retry-After', Math.ceil(wait / 1000));
    return res.status(429).json({ error: 'Payment retry too soon' });
  }
  res.json(await db.paymentAttempts.retry(req.params.id));
});

router.get('/orders/:id/invoice.pdf', async (req, res) => {
  res.set('Cache-Control', 'public, max-age=86400');
  try {
    const pdf = await db.invoices.render(req.params.id);
    res.type('pdf').send(pdf);
  } catch (err) {
    log.error(err);
    res.status(500).send('Invoice unavailable'); // expect: no-cacheable-error-response
  }
});

// negative: the error path overrides the cache header.
router.get('/orders/:id/receipt', async (req, res) => {
  res.set('Cache-Control', 'public, max-age=86400');
  try {
    res.json(await db.receipts.find(req.params.id));
  } catch (err) {
    log.error(err);
    res.set('Cache-Control', 'no-store').status(500).json({ error: 'Receipt unavailable' });
  }
});

router.delete('/orders/:id', (req, res) => {
  db.orders
    .remove(req.params.id)
    .then(() => res.sendStatus(204))
    .catch((error) => res.status(500).json({ error: error.message, trace: error.stack })); // expect: no-leaked-error-details, no-leaked-error-details
});

// negative: a 422 may explain what was wrong with the input.
router.post('/orders', async (req, res) => {
  try {
    res.status(201).json(await db.orders.create(req.body));
  } catch (err) {
    if (err.name === 'SequelizeValidationError') return res.status(422).json({ error: err.message });
    log.error(err);
    res.status(500).json({ error: 'Could not create order' });
  }
});

// negative: http-errors for a 5xx does not expose its message.
router.get('/orders/:id/tracking', async (req, res, next) => {
  try {
    res.json(await db.tracking.find(req.params.id));
  } catch (err) {
    next(createError(500, err.message));
  }
});

app.use('/api', router);

// positive error-handler-respects-status and no-leaked-error-details: the textbook mistake.
app.use(function (err, req, res, next) {
  log.error(err);
  res.status(500); // expect: error-handler-respects-status
  res.json({ message: err.message }); // expect: no-leaked-error-details
});

module.exports = app;
