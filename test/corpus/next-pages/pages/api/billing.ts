// Accuracy corpus: Next.js pages/api — billing endpoint (validation answered correctly, upstream and db failures). Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import { db } from '@/lib/db';

const PlanChange = z.object({ plan: z.enum(['starter', 'team', 'enterprise']) });
const ProviderSubscription = z.object({ id: z.string(), status: z.string() });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  // negative: request validation -> 422
  const body = PlanChange.safeParse(req.body);
  if (!body.success) {
    return res.status(422).json({ error: 'Unknown plan', issues: body.error.issues });
  }

  const account = await db.accounts.findByUser(String(req.headers['x-user-id']));
  if (!account) return res.status(404).json({ error: 'Account not found' });

  // negative: upstream billing provider payload fails validation -> 502
  const upstream = await fetch(`https://billing.example.com/v1/subscriptions/${account.subscriptionId}`, {
    method: 'PATCH',
    body: JSON.stringify({ plan: body.data.plan }),
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(8000),
  });
  if (!upstream.ok) return res.status(502).json({ error: 'Billing provider error' });
  const subscription = ProviderSubscription.safeParse(await upstream.json());
  if (!subscription.success) {
    return res.status(502).json({ error: 'Billing provider returned an invalid subscription' });
  }

  // negative: local db write failure -> 500
  const saved = await db.accounts.setPlan(account.id, body.data.plan).catch(() => null);
  if (!saved) {
    return res.status(500).json({ error: 'Could not save plan change' });
  }
  return res.json({ plan: body.data.plan, status: subscription.data.status });
}
