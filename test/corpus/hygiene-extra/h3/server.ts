// Extra hygiene cases (h3 / Nitro).
import { createApp, createError, defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';
import { db } from '../lib/db';

export const app = createApp({
  onError(error, event) {
    console.error(error);
    setResponseStatus(event, 500); // expect: error-handler-respects-status
  },
});

export const getWidget = defineEventHandler(async (event) => {
  if (await db.widgets.maintenance()) {
    setResponseStatus(event, 503); // expect: require-retry-after
    return { error: 'maintenance' };
  }
  try {
    return await db.widgets.list();
  } catch (err) {
    throw createError({ statusCode: 500, statusMessage: 'Widgets unavailable', data: { reason: err.message } }); // expect: no-leaked-error-details
  }
});

export const postWidget = defineEventHandler(async (event) => {
  if (await db.widgets.tooMany()) {
    setResponseHeader(event, 'Retry-After', 120);
    throw createError({ statusCode: 429, statusMessage: 'Too many widgets' });
  }
  return db.widgets.create();
});
