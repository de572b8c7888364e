// Accuracy corpus (held-out): h3 — unit conversion proxied to an upstream, 502 on failure. Labels: see test/corpus/README.md.
import { createError, defineEventHandler, getQuery } from 'h3';
import { $fetch } from 'ofetch';

// negative: 502 after the upstream failed is correct (and no 500 for the upstream either)
export default defineEventHandler(async (event) => {
  const { amount, from, to } = getQuery(event);
  try {
    return await $fetch('https://units.example.com/convert', { query: { amount, from, to }, timeout: 3000 });
  } catch {
    throw createError({ statusCode: 502, statusMessage: 'Conversion service unavailable' });
  }
});
