// Accuracy corpus: h3/Nuxt — cart endpoints (zod, valibot, manual checks). Labels: see test/corpus/README.md.
import { createError, defineEventHandler, getQuery, readBody, readValidatedBody, setResponseStatus } from 'h3';
import { z } from 'zod';
import * as v from 'valibot';
import { useCartRepo } from '~/server/utils/cart-repo';

const AddItem = z.object({
  sku: z.string().min(3),
  quantity: z.number().int().min(1).max(20),
});

const Coupon = v.object({ code: v.pipe(v.string(), v.regex(/^[A-Z0-9]{6,12}$/)) });

// positive: zod safeParse of the body failed -> throw createError({ statusCode: 500 })
export const addItem = defineEventHandler(async (event) => {
  const parsed = AddItem.safeParse(await readBody(event));
  if (!parsed.success) {
    throw createError({ statusCode: 500, statusMessage: 'Could not add item' }); // expect: no-500-for-validation 400
  }
  return useCartRepo().add(event.context.cartId, parsed.data);
});

// positive: valibot safeParse failed -> setResponseStatus(event, 500)
export const applyCoupon = defineEventHandler(async (event) => {
  const result = v.safeParse(Coupon, await readBody(event));
  if (!result.success) {
    setResponseStatus(event, 500); // expect: no-500-for-validation 400
    return { error: 'Coupon could not be applied' };
  }
  return useCartRepo().applyCoupon(event.context.cartId, result.output.code);
});

// positive: missing query parameter -> createError with status 500
export const estimateShipping = defineEventHandler(async (event) => {
  const { zip } = getQuery(event);
  if (!zip) {
    throw createError({ status: 500, message: 'Shipping estimate failed' }); // expect: no-500-for-validation 400
  }
  return useCartRepo().estimateShipping(String(zip));
});

// negative: readValidatedBody throws its own 400; the 500 below only covers the db write
export const removeItem = defineEventHandler(async (event) => {
  const body = await readValidatedBody(event, z.object({ sku: z.string() }).parse);
  const removed = await useCartRepo().remove(event.context.cartId, body.sku);
  if (!removed) {
    throw createError({ statusCode: 500, statusMessage: 'Cart storage did not confirm the removal' });
  }
  return { ok: true };
});

// negative: valibot failure -> createError({ statusCode: 422 })
export const setGiftNote = defineEventHandler(async (event) => {
  const result = v.safeParse(v.object({ note: v.pipe(v.string(), v.maxLength(200)) }), await readBody(event));
  if (!result.success) {
    throw createError({ statusCode: 422, statusMessage: 'Gift note too long' });
  }
  return useCartRepo().setGiftNote(event.context.cartId, result.output.note);
});

// negative: upstream tax service payload fails validation -> 502
export const taxQuote = defineEventHandler(async (event) => {
  const cart = await useCartRepo().get(event.context.cartId);
  const res = await fetch('https://tax.example.com/v1/quote', {
    method: 'POST',
    body: JSON.stringify({ lines: cart.lines }),
    signal: AbortSignal.timeout(4000),
  });
  if (!res.ok) throw createError({ statusCode: 502, statusMessage: 'Tax service error' });
  const quote = z.object({ totalTaxCents: z.number().int() }).safeParse(await res.json());
  if (!quote.success) {
    throw createError({ statusCode: 502, statusMessage: 'Tax service returned an invalid quote' });
  }
  return quote.data;
});

export default addItem;
