// Accuracy corpus: tRPC — procedures that validate input by hand (zod, valibot, yup, typebox). Labels: see test/corpus/README.md.
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import * as v from 'valibot';
import * as yup from 'yup';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Context } from './context';

const t = initTRPC.context<Context>().create();
const router = t.router;
const publicProcedure = t.procedure;

const ImportRow = z.object({ email: z.string().email(), name: z.string() });
const WidgetLayout = v.object({ columns: v.pipe(v.number(), v.minValue(1), v.maxValue(6)) });
const FilterSchema = yup.object({ status: yup.string().oneOf(['open', 'closed']) });
const ThemeSchema = Type.Object({ primary: Type.String({ pattern: '^#[0-9a-f]{6}$' }) });

export const dashboardRouter = router({
  // positive: zod safeParse on a raw CSV row inside the procedure -> INTERNAL_SERVER_ERROR
  importContacts: publicProcedure.input(z.object({ rows: z.array(z.unknown()) })).mutation(async ({ ctx, input }) => {
    const rows = [];
    for (const raw of input.rows) {
      const row = ImportRow.safeParse(raw);
      if (!row.success) {
        throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Import failed' }); // expect: no-500-for-validation 400
      }
      rows.push(row.data);
    }
    return ctx.db.contacts.insertMany(rows);
  }),

  // positive: valibot parse in a try with only validation -> INTERNAL_SERVER_ERROR
  saveLayout: publicProcedure.input(z.unknown()).mutation(async ({ ctx, input }) => {
    let layout;
    try {
      layout = v.parse(WidgetLayout, input);
    } catch {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Layout rejected' }); // expect: no-500-for-validation 400
    }
    return ctx.db.layouts.save(ctx.userId, layout);
  }),

  // positive: yup isValid false -> INTERNAL_SERVER_ERROR
  listTickets: publicProcedure.input(z.record(z.string())).query(async ({ ctx, input }) => {
    if (!(await FilterSchema.isValid(input))) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }); // expect: no-500-for-validation 400
    }
    return ctx.db.tickets.list(input);
  }),

  // positive: typebox Value.Check false -> INTERNAL_SERVER_ERROR
  setTheme: publicProcedure.input(z.unknown()).mutation(async ({ ctx, input }) => {
    if (!Value.Check(ThemeSchema, input)) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Theme could not be saved' }); // expect: no-500-for-validation 400
    }
    return ctx.db.themes.save(ctx.userId, input);
  }),

  // negative: validation failure -> BAD_REQUEST
  renameBoard: publicProcedure.input(z.unknown()).mutation(async ({ ctx, input }) => {
    const parsed = z.object({ id: z.string(), name: z.string().min(1) }).safeParse(input);
    if (!parsed.success) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid board name', cause: parsed.error });
    }
    return ctx.db.boards.rename(parsed.data.id, parsed.data.name);
  }),

  // negative: board missing after an insert that must return it -> INTERNAL_SERVER_ERROR
  duplicateBoard: publicProcedure.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    const copy = await ctx.db.boards.duplicate(input.id);
    if (!copy) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Duplicate was not created' });
    }
    return copy;
  }),

  // negative: analytics provider payload fails zod -> BAD_GATEWAY
  boardStats: publicProcedure.input(z.object({ id: z.string() })).query(async ({ input }) => {
    const res = await fetch(`https://analytics.example.com/v1/boards/${input.id}/stats`, {
      signal: AbortSignal.timeout(4000),
    });
    if (!res.ok) throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Analytics provider error' });
    const stats = z.object({ views: z.number(), edits: z.number() }).safeParse(await res.json());
    if (!stats.success) {
      throw new TRPCError({ code: 'BAD_GATEWAY', message: 'Analytics provider returned an invalid payload' });
    }
    return stats.data;
  }),

  // negative: mixed try (zod + db) -> INTERNAL_SERVER_ERROR only for non-validation errors
  archiveBoard: publicProcedure.input(z.unknown()).mutation(async ({ ctx, input }) => {
    try {
      const { id } = z.object({ id: z.string() }).parse(input);
      return await ctx.db.boards.archive(id);
    } catch (err) {
      if (err instanceof ZodError) throw new TRPCError({ code: 'BAD_REQUEST', cause: err });
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Archive failed' });
    }
  }),
});
