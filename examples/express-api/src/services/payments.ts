import { logger } from '../logger';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'https://api.payments.example.com';

export class PaymentsError extends Error {
  constructor(message: string, readonly upstreamStatus?: number) {
    super(message);
    this.name = 'PaymentsError';
  }
}

export interface Charge {
  id: string;
  status: 'succeeded' | 'pending' | 'failed';
}

// Creates a charge with the payments provider.
export async function createCharge(orderId: string, amountCents: number, currency: string): Promise<Charge> {
  const res = await fetch(`${PAYMENTS_URL}/v1/charges`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${process.env.PAYMENTS_KEY}`,
      'idempotency-key': orderId,
    },
    body: JSON.stringify({ amount: amountCents, currency, metadata: { orderId } }),
  });
  if (!res.ok) {
    throw new PaymentsError(`charge failed with ${res.status}`, res.status);
  }
  return (await res.json()) as Charge;
}

// Polls the provider until the charge settles.
export async function waitForCharge(chargeId: string): Promise<Charge> {
  while (true) {
    try {
      const res = await fetch(`${PAYMENTS_URL}/v1/charges/${chargeId}`, {
        signal: AbortSignal.timeout(3000),
      });
      const charge = (await res.json()) as Charge;
      if (charge.status !== 'pending') return charge;
    } catch (err) {
      logger.warn({ err, chargeId }, 'charge poll failed, retrying');
    }
  }
}
