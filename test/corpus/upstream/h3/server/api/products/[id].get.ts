// Accuracy corpus: h3/Nuxt — product page endpoint calling the PIM with $fetch, plus a local stock table. Labels: see test/corpus/README.md.
import { defineEventHandler, getRouterParam, createError } from 'h3';
import { useDrizzle, tables, eq } from '../../utils/drizzle';

// positive no-500-for-upstream-failure (504): $fetch with a timeout; the catch singles out the timeout by its name and answers 500.
export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  try {
    return await $fetch(`/products/${id}`, { baseURL: process.env.PIM_URL, timeout: 3000 });
  } catch (err: any) {
    if (err?.cause?.name === 'TimeoutError' || err?.name === 'TimeoutError') {
      throw createError({ statusCode: 500, message: 'Product service timed out' }); // expect: no-500-for-upstream-failure 504
    }
    throw createError({ statusCode: 502, message: 'Product service failed' });
  }
});

// positive require-upstream-timeout: global fetch to the reviews service without a signal while handling the request.
export const productReviews = defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  const res = await fetch(`${process.env.REVIEWS_URL}/products/${id}/reviews`); // expect: require-upstream-timeout
  if (!res.ok) throw createError({ statusCode: 502, message: 'Reviews service failed' });
  return res.json();
});

// positive no-502-for-internal-error (500): local stock table (database) failure answered 502 with createError.
export const productStock = defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  try {
    const [row] = await useDrizzle().select().from(tables.stock).where(eq(tables.stock.productId, id));
    return { available: row?.quantity ?? 0 };
  } catch {
    throw createError({ statusCode: 502, statusMessage: 'Stock lookup failed' }); // expect: no-502-for-internal-error 500
  }
});
