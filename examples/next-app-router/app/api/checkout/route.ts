import { NextResponse } from 'next/server';
import { prisma } from '@/lib/db';
import { createPaymentIntent } from '@/lib/payments';
import { checkoutSchema } from '@/lib/schemas';

export async function POST(request: Request) {
  const body = await request.json().catch(() => null);
  const parsed = checkoutSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: 'Checkout failed' }, { status: 500 });
  }

  let total = 0;
  for (const item of parsed.data.items) {
    const product = await prisma.product.findUnique({ where: { id: item.productId } });
    if (!product) {
      return NextResponse.json({ error: `Unknown product ${item.productId}` }, { status: 422 });
    }
    total += product.priceCents * item.quantity;
  }

  try {
    const intent = await createPaymentIntent(total, parsed.data.email);
    return NextResponse.json({ clientSecret: intent.clientSecret }, { status: 201 });
  } catch (err) {
    console.error('payment intent failed', err);
    return NextResponse.json({ error: 'Payment provider error', cause: String(err) }, { status: 500 });
  }
}
