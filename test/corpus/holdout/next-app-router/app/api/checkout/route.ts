// Accuracy corpus (held-out): next-app-router — checkout session with stripe. Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import Stripe from 'stripe';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';
import { auth } from '@/lib/auth';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { timeout: 5000, maxNetworkRetries: 0 });

const CheckoutBody = z.object({
  priceId: z.string().startsWith('price_'),
  quantity: z.number().int().min(1).max(20).default(1),
});

// positive: failed schema check on the request body returns 500 (multi-line call)
export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Sign in first' }, { status: 401 });

  const input = CheckoutBody.safeParse(await req.json().catch(() => null));
  if (!input.success) {
    return NextResponse.json( // expect: no-500-for-validation 400
      { error: 'Invalid checkout request' },
      { status: 500 },
    );
  }

  // positive: stripe call is the only failable work in the try, catch answers 500
  try {
    const checkout = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: input.data.priceId, quantity: input.data.quantity }],
      customer_email: session.user.email,
      success_url: `${process.env.APP_URL}/billing?ok=1`,
      cancel_url: `${process.env.APP_URL}/billing`,
    });
    return NextResponse.json({ url: checkout.url });
  } catch (err) {
    console.error('stripe checkout failed', session.user.id);
    return NextResponse.json({ error: 'Payment provider error' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
}

// negative: stripe + prisma in one try without singling out; 500 is fine
export async function DELETE() {
  const session = await auth();
  if (!session) return new NextResponse(null, { status: 401 });
  try {
    const sub = await prisma.subscription.findFirstOrThrow({ where: { userId: session.user.id } });
    await stripe.subscriptions.cancel(sub.stripeId);
    await prisma.subscription.update({ where: { id: sub.id }, data: { status: 'canceled' } });
    return new NextResponse(null, { status: 204 });
  } catch {
    return NextResponse.json({ error: 'Could not cancel subscription' }, { status: 500 });
  }
}

// positive: the catch singles out Stripe errors in a try that also touches the database
export async function PATCH(req: NextRequest) {
  const session = await auth();
  if (!session) return new NextResponse(null, { status: 401 });
  const { quantity } = CheckoutBody.pick({ quantity: true }).parse(await req.json());
  try {
    const sub = await prisma.subscription.findFirstOrThrow({ where: { userId: session.user.id } });
    const updated = await stripe.subscriptions.update(sub.stripeId, { items: [{ id: sub.itemId, quantity }] });
    return NextResponse.json({ quantity: updated.items.data[0]?.quantity });
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) {
      return NextResponse.json({ error: 'Billing provider rejected the change' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
    }
    return NextResponse.json({ error: 'Could not update seats' }, { status: 500 });
  }
}
