// Accuracy corpus: Next.js App Router — incoming webhook + outgoing enrichment (upstream payload validation). Labels: see test/corpus/README.md.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';

const WebhookEvent = z.object({
  id: z.string(),
  type: z.enum(['charge.succeeded', 'charge.refunded']),
  data: z.object({ chargeId: z.string(), amount: z.number().int() }),
});

const CustomerPayload = z.object({ id: z.string(), email: z.string().email() });

// positive: the webhook body (request input) fails the schema -> 500 makes the sender retry forever
export async function POST(request: Request) {
  const event = WebhookEvent.safeParse(await request.json());
  if (!event.success) {
    return NextResponse.json({ received: false }, { status: 500 }); // expect: no-500-for-validation 400
  }

  // negative: the payments API's customer payload fails our schema -> 502 (upstream's fault)
  const res = await fetch(`https://api.payments.example.com/v1/charges/${event.data.data.chargeId}/customer`, {
    headers: { authorization: `Bearer ${process.env.PAYMENTS_SECRET}` },
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) return NextResponse.json({ error: 'Payments API error' }, { status: 502 });
  const customer = CustomerPayload.safeParse(await res.json());
  if (!customer.success) {
    return NextResponse.json({ error: 'Payments API returned an unexpected customer' }, { status: 502 });
  }

  await prisma.payment.upsert({
    where: { chargeId: event.data.data.chargeId },
    create: { chargeId: event.data.data.chargeId, email: customer.data.email, amount: event.data.data.amount },
    update: { status: event.data.type },
  });
  return NextResponse.json({ received: true });
}
