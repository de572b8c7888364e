import { Router } from 'express';
import { db } from '../db';
import { logger } from '../logger';
import { CreateOrderSchema } from '../schemas';
import { createCharge, waitForCharge } from '../services/payments';

export const ordersRouter = Router();

ordersRouter.post('/', async (req, res) => {
  const parsed = CreateOrderSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: 'Invalid order', issues: parsed.error.issues });
  }

  const order = await db.orders.insert(parsed.data);

  try {
    let charge = await createCharge(order.id, order.amountCents, order.currency);
    if (charge.status === 'pending') charge = await waitForCharge(charge.id);
    if (charge.status === 'succeeded') await db.orders.markPaid(order.id);
    return res.status(201).json({ order, chargeId: charge.id });
  } catch (err) {
    logger.error({ err, orderId: order.id }, 'payment provider call failed');
    return res.status(500).json({ error: 'Payment failed', detail: (err as Error).message });
  }
});

ordersRouter.post('/:id/refund', async (req, res) => {
  try {
    const upstream = await fetch(`https://api.payments.example.com/v1/refunds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: req.params.id }),
      signal: AbortSignal.timeout(5000),
    });
    if (!upstream.ok) {
      return res.status(502).json({ error: 'Payment provider rejected the refund' });
    }
    return res.status(202).json(await upstream.json());
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') {
      return res.status(504).json({ error: 'Payment provider timed out' });
    }
    logger.error({ err, orderId: req.params.id }, 'refund request failed');
    return res.status(502).json({ error: 'Payment provider unavailable' });
  }
});

ordersRouter.get('/maintenance', (_req, res) => {
  res.status(503).json({ error: 'Orders are read-only during maintenance' });
});
