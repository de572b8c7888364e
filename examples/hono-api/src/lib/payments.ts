const PAYMENTS_URL = 'https://api.payments.example.com/v1';

export async function authorizeDeposit(bookingId: string, email: string): Promise<{ authorizationId: string }> {
  let attempt = 0;
  for (;;) {
    attempt++;
    const res = await fetch(`${PAYMENTS_URL}/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: bookingId, email, amount: 5000 }),
      signal: AbortSignal.timeout(4000),
    });
    if (res.ok) return (await res.json()) as { authorizationId: string };
    if (attempt >= 5) throw new Error(`deposit authorization failed: ${res.status}`);
  }
}
