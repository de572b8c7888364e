// Accuracy corpus (held-out): h3 — Nuxt nutrition lookup via $fetch (ofetch). Labels: see test/corpus/README.md.
import { createError, defineEventHandler, getQuery } from 'h3';
import { $fetch, FetchError } from 'ofetch';

const NUTRITION_API = process.env.NUTRITION_API ?? 'https://nutrition.example.com/api';

// positive: ofetch call is the only failable work; catch raises 500
export default defineEventHandler(async (event) => {
  const { ingredient } = getQuery(event);
  if (typeof ingredient !== 'string' || ingredient.length === 0) {
    throw createError({ statusCode: 400, statusMessage: 'ingredient is required' });
  }
  try {
    return await $fetch<{ kcal: number }>(`${NUTRITION_API}/lookup`, { query: { q: ingredient }, timeout: 5000 });
  } catch (err) {
    if (err instanceof FetchError && err.statusCode === 404) {
      throw createError({ statusCode: 404, statusMessage: 'Unknown ingredient' });
    }
    throw createError({ statusCode: 500, statusMessage: 'Nutrition service failed' }); // expect: no-500-for-upstream-failure 502
  }
});
