// Accuracy corpus (held-out): h3 — Nuxt recipe update, validation handled by h3 itself. Labels: see test/corpus/README.md.
import { createError, defineEventHandler, getRouterParam, readValidatedBody } from 'h3';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { useDrizzle, tables } from '../../utils/drizzle';

const RecipePatch = z.object({ title: z.string().min(3).max(120).optional(), minutes: z.number().int().positive().optional() });

// negative: readValidatedBody throws its own 400; the only 500 is for a database failure
export default defineEventHandler(async (event) => {
  const id = Number(getRouterParam(event, 'id'));
  if (!Number.isInteger(id)) throw createError({ statusCode: 400, statusMessage: 'Bad id' });
  const patch = await readValidatedBody(event, RecipePatch.parse);
  try {
    const [row] = await useDrizzle().update(tables.recipes).set(patch).where(eq(tables.recipes.id, id)).returning();
    return row ?? createError({ statusCode: 404, statusMessage: 'No such recipe' });
  } catch {
    throw createError({ statusCode: 500, statusMessage: 'Could not save recipe' });
  }
});
