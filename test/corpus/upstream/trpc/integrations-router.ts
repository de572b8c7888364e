// Accuracy corpus: tRPC — procedures calling a maps API (fetch), Stripe and the database. Labels: see test/corpus/README.md.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import Stripe from 'stripe';
import { router, protectedProcedure, publicProcedure } from '../trpc';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });

// positive require-upstream-timeout: same-file helper without a timeout, called from the procedures below (request handling).
async function geocode(address: string) {
  const res = await fetch(`https://maps.example.com/geocode/json?address=${encodeURIComponent(address)}&key=${process.env.MAPS_KEY}`); // expect: require-upstream-timeout
  if (!res.ok) throw new Error(`geocode ${res.status}`);
  return (await res.json()) as { lat: number; lng: number };
}

export const integrationsRouter = router({
  // positive no-500-for-upstream-failure (502): the try only calls the same-file geocode() helper; INTERNAL_SERVER_ERROR on failure.
  geocode: publicProcedure.input(z.object({ address: z.string().min(3) })).query(async ({ input }) => {
    try {
      return await geocode(input.address);
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Geocoding failed', cause }); // expect: no-500-for-upstream-failure 502
    }
  }),

  // positive no-500-for-upstream-failure (502): Stripe invoice listing only, INTERNAL_SERVER_ERROR on failure.
  invoices: protectedProcedure.query(async ({ ctx }) => {
    try {
      const list = await stripe.invoices.list({ customer: ctx.user.stripeCustomerId, limit: 12 });
      return list.data.map((i) => ({ id: i.id, total: i.total, status: i.status }));
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not load invoices', cause }); // expect: no-500-for-upstream-failure 502
    }
  }),

  // negative no-500-for-upstream-failure: database write and geocode() in one try, the catch does not single out the upstream error.
  saveAddress: protectedProcedure.input(z.object({ address: z.string().min(3) })).mutation(async ({ ctx, input }) => {
    try {
      const point = await geocode(input.address);
      return await ctx.db.address.create({ data: { userId: ctx.user.id, line: input.address, lat: point.lat, lng: point.lng } });
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not save address', cause });
    }
  }),

  // positive no-502-for-internal-error (500): BAD_GATEWAY for a database-only failure.
  addresses: protectedProcedure.query(async ({ ctx }) => {
    try {
      return await ctx.db.address.findMany({ where: { userId: ctx.user.id } });
    } catch (cause) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Could not list addresses', cause }); // expect: no-502-for-internal-error 500
    }
  }),

  // negative no-502-for-internal-error: BAD_GATEWAY after the Stripe call failed.
  upcomingInvoice: protectedProcedure.query(async ({ ctx }) => {
    try {
      return await stripe.invoices.retrieveUpcoming({ customer: ctx.user.stripeCustomerId });
    } catch (cause) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Billing provider failed', cause });
    }
  }),
});
