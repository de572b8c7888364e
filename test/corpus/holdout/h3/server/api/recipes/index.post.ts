// Accuracy corpus (held-out): h3 — Nuxt recipe creation with readValidatedBody. Labels: see test/corpus/README.md.
import { createError, defineEventHandler, readValidatedBody, setResponseStatus } from 'h3';
import { z } from 'zod';
import { useDrizzle, tables } from '../../utils/drizzle';

const Recipe = z.object({
  title: z.string().min(3).max(120),
  minutes: z.number().int().positive().max(24 * 60),
  ingredients: z.array(z.string().min(1)).min(1),
});

// positive: the try only reads and validates the body; the catch turns any failure into 500
export default defineEventHandler(async (event) => {
  let recipe: z.infer<typeof Recipe>;
  try {
    recipe = await readValidatedBody(event, Recipe.parse);
  } catch {
    throw createError({ statusCode: 500, statusMessage: 'Recipe could not be read' }); // expect: no-500-for-validation 400
  }
  const [row] = await useDrizzle().insert(tables.recipes).values(recipe).returning();
  setResponseStatus(event, 201);
  return row;
});
