// Accuracy corpus: Next.js App Router — Stripe webhook that calls out (Stripe API, Slack) while handling the event. Labels: see test/corpus/README.md.
import { NextResponse } from 'next/server';
import { headers } from 'next/headers';
import Stripe from 'stripe';
import { WebClient } from '@slack/web-api';
import { db } from '@/lib/db';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

// Same-file helper: posts the alert to an incident webhook with fetch (with a timeout).
async function notifyOps(text: string) {
  const res = await fetch(process.env.OPS_WEBHOOK_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal: AbortSignal.timeout(2000),
  });
  if (!res.ok) throw new Error(`ops webhook ${res.status}`);
}

// positive no-500-for-upstream-failure (502): after signature verification (local, 400 on failure), the try only retrieves the customer from Stripe and answers 500 on failure.
export async function POST(req: Request) {
  const signature = (await headers()).get('stripe-signature');
  const payload = await req.text();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature!, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return NextResponse.json({ error: 'Invalid signature' }, { status: 400 });
  }

  if (event.type !== 'customer.subscription.deleted') return NextResponse.json({ received: true });

  const subscription = event.data.object as Stripe.Subscription;
  let customer: Stripe.Customer | Stripe.DeletedCustomer;
  try {
    customer = await stripe.customers.retrieve(subscription.customer as string);
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) {
      console.error('stripe customer lookup failed', err.type);
    }
    return NextResponse.json({ error: 'Customer lookup failed' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }

  await db.account.update({ where: { stripeCustomerId: customer.id }, data: { plan: 'free' } });
  return NextResponse.json({ received: true });
}

// positive no-500-for-upstream-failure (502): the try only posts to Slack (@slack/web-api) and the ops helper; failure answered 500.
export async function PUT(req: Request) {
  const { channel, text } = await req.json();
  try {
    await slack.chat.postMessage({ channel, text });
    await notifyOps(text);
    return NextResponse.json({ ok: true });
  } catch (err) {
    console.error('alert fan-out failed', err);
    return NextResponse.json({ error: 'Could not deliver alert' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
}

// negative no-500-for-upstream-failure: the Stripe call is mixed with database writes and the catch does not single out the StripeError.
export async function PATCH(req: Request) {
  const { accountId } = await req.json();
  try {
    const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    const session = await stripe.billingPortal.sessions.create({ customer: account.stripeCustomerId, return_url: `${process.env.APP_URL}/billing` });
    await db.auditLog.create({ data: { accountId, action: 'billing_portal_opened' } });
    return NextResponse.json({ url: session.url });
  } catch (err) {
    console.error('billing portal failed', err);
    return NextResponse.json({ error: 'Could not open billing portal' }, { status: 500 });
  }
}

// positive no-502-for-internal-error (500): only database work in the try, yet 502.
export async function DELETE(req: Request) {
  const { eventId } = await req.json();
  try {
    await db.webhookEvent.delete({ where: { id: eventId } });
    return new Response(null, { status: 204 });
  } catch {
    return NextResponse.json({ error: 'Could not delete event' }, { status: 502 }); // expect: no-502-for-internal-error 500
  }
}
