// Accuracy corpus (held-out): trpc — billing router with manual checks and an exchange-rate upstream. Labels: see test/corpus/README.md.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context';

const t = initTRPC.context<Context>().create();

const Rates = z.object({ base: z.string(), rates: z.record(z.number()) });

export const billingRouter = t.router({
  // positive: manual check of the coupon code format raises INTERNAL_SERVER_ERROR
  applyCoupon: t.procedure.input(z.object({ code: z.string() })).mutation(async ({ input, ctx }) => {
    if (!/^[A-Z0-9]{6,12}$/.test(input.code)) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Coupon code format is invalid' }); // expect: no-500-for-validation 400
    }
    const coupon = await ctx.db.coupon.findUnique({ where: { code: input.code } });
    if (!coupon) throw new TRPCError({ code: 'NOT_FOUND', message: 'Unknown coupon' });
    return ctx.db.cart.update({ where: { userId: ctx.user.id }, data: { couponId: coupon.id } });
  }),

  // negative: the same kind of check answered with BAD_REQUEST
  setBillingEmail: t.procedure.input(z.object({ email: z.string() })).mutation(async ({ input, ctx }) => {
    if (!input.email.includes('@')) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid email' });
    }
    return ctx.db.billingProfile.update({ where: { userId: ctx.user.id }, data: { email: input.email } });
  }),

  // positive: exchange-rate fetch is the only failable work; catch raises INTERNAL_SERVER_ERROR
  convert: t.procedure
    .input(z.object({ amount: z.number().positive(), from: z.string().length(3), to: z.string().length(3) }))
    .query(async ({ input }) => {
      let rate: number | undefined;
      try {
        const res = await fetch(`https://rates.example.com/latest?base=${input.from}`, { signal: AbortSignal.timeout(4000) });
        rate = (await res.json()).rates[input.to];
      } catch (cause) {
        throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Exchange rates unavailable', cause }); // expect: no-500-for-upstream-failure 502
      }
      if (rate === undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: `Unsupported currency ${input.to}` });
      return { amount: input.amount * rate };
    }),

  // negative: the upstream payload fails our schema — that is not request validation (and no 5xx for bad input here)
  listCurrencies: t.procedure.query(async () => {
    const res = await fetch('https://rates.example.com/latest?base=EUR', { signal: AbortSignal.timeout(4000) });
    const parsed = Rates.safeParse(await res.json());
    if (!parsed.success) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Rate provider sent an unexpected payload' });
    }
    return Object.keys(parsed.data.rates);
  }),

  // negative: database failure raised as INTERNAL_SERVER_ERROR
  invoices: t.procedure.query(async ({ ctx }) => {
    try {
      return await ctx.db.invoice.findMany({ where: { userId: ctx.user.id }, orderBy: { createdAt: 'desc' } });
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not load invoices', cause });
    }
  }),
});
