// Accuracy corpus: tRPC — error messages in INTERNAL_SERVER_ERROR and TOO_MANY_REQUESTS without Retry-After. Labels: see test/corpus/README.md.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router, protectedProcedure } from '../trpc';

export const notesRouter = router({
  // positive no-leaked-error-details: the caught error's message becomes the tRPC error message sent to the client.
  byId: protectedProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    try {
      return await ctx.db.note.findUniqueOrThrow({ where: { id: input.id } });
    } catch (err) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: (err as Error).message }); // expect: no-leaked-error-details
    }
  }),

  // negative no-leaked-error-details: the error is attached as cause (not serialised) with a generic message.
  remove: protectedProcedure.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    try {
      await ctx.db.note.delete({ where: { id: input.id, ownerId: ctx.user.id } });
      return { ok: true };
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not delete note', cause });
    }
  }),

  // positive require-retry-after: TOO_MANY_REQUESTS with no Retry-After on the response headers.
  create: protectedProcedure.input(z.object({ body: z.string().max(10_000) })).mutation(async ({ ctx, input }) => {
    if ((await ctx.db.note.count({ where: { ownerId: ctx.user.id, createdAt: { gt: new Date(Date.now() - 60_000) } } })) > 20) {
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Slow down' }); // expect: require-retry-after
    }
    return ctx.db.note.create({ data: { ownerId: ctx.user.id, body: input.body } });
  }),
});
