const PAYMENTS_API = process.env.PAYMENTS_API ?? 'https://api.payments.example.com';

export interface PaymentIntent {
  id: string;
  clientSecret: string;
}

export async function createPaymentIntent(amountCents: number, email: string): Promise<PaymentIntent> {
  const res = await fetch(`${PAYMENTS_API}/v1/payment_intents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${process.env.PAYMENTS_SECRET}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ amount: amountCents, currency: 'usd', receipt_email: email }),
    signal: AbortSignal.timeout(8000),
  });
  if (!res.ok) {
    throw new Error(`payments provider returned ${res.status}`);
  }
  return (await res.json()) as PaymentIntent;
}
