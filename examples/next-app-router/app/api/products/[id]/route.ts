import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { productPatchSchema } from '@/lib/schemas';

type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { id } = await params;
  try {
    const product = await prisma.product.findUnique({ where: { id } });
    if (!product) return NextResponse.json({ error: 'Not found' }, { status: 404 });
    return NextResponse.json(product);
  } catch (err) {
    console.error('product lookup failed', err);
    return NextResponse.json({ error: 'Service unavailable' }, { status: 502 });
  }
}

export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  try {
    const patch = productPatchSchema.parse(await request.json());
    const product = await prisma.product.update({ where: { id }, data: patch });
    return NextResponse.json(product);
  } catch (err) {
    if (err instanceof ZodError) {
      return NextResponse.json({ error: 'Invalid product', issues: err.issues }, { status: 400 });
    }
    console.error('product update failed', err);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
