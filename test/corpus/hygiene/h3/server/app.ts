// Accuracy corpus: h3 — app-level onError hooks, Retry-After via setResponseHeader, cached error responses. Labels: see test/corpus/README.md.
import { createApp, createRouter, defineEventHandler, createError, setResponseHeader, setResponseStatus, setResponseHeaders, send, isError } from 'h3';
import { useStorage } from '../lib/storage';

// positive error-handler-respects-status: onError answers every error (404s included) with 500.
export const app = createApp({
  onError(error, event) {
    console.error('h3 error', error);
    setResponseStatus(event, 500); // expect: error-handler-respects-status
    return send(event, JSON.stringify({ error: 'Internal Server Error' }), 'application/json');
  },
});

// negative error-handler-respects-status: onError uses the H3Error's statusCode.
export const adminApp = createApp({
  onError(error, event) {
    const status = isError(error) ? error.statusCode : 500;
    setResponseStatus(event, status);
    return send(event, JSON.stringify({ error: status < 500 ? error.message : 'Internal Server Error' }), 'application/json');
  },
});

const router = createRouter();

// positive require-retry-after: createError 503 with no header.
router.get('/api/sync', defineEventHandler(async () => {
  const storage = useStorage();
  if (await storage.getItem('sync:locked')) throw createError({ statusCode: 503, statusMessage: 'Sync in progress' }); // expect: require-retry-after
  return { ok: true };
}));

// negative require-retry-after: setResponseHeader('Retry-After') before the 503.
router.get('/api/sync/status', defineEventHandler(async (event) => {
  const storage = useStorage();
  if (await storage.getItem('sync:locked')) {
    setResponseHeader(event, 'Retry-After', 15);
    throw createError({ statusCode: 503, statusMessage: 'Sync in progress' });
  }
  return storage.getItem('sync:last');
}));

// positive no-cacheable-error-response: public caching headers set for the page stay on the 500.
router.get('/api/menu', defineEventHandler(async (event) => {
  setResponseHeaders(event, { 'Cache-Control': 'public, max-age=600' });
  const menu = await useStorage().getItem('menu');
  if (!menu) {
    setResponseStatus(event, 500); // expect: no-cacheable-error-response
    return { error: 'Menu unavailable' };
  }
  return menu;
}));

// negative no-cacheable-error-response: the 500 branch switches to no-store first.
router.get('/api/footer', defineEventHandler(async (event) => {
  setResponseHeader(event, 'Cache-Control', 'public, max-age=600');
  const footer = await useStorage().getItem('footer');
  if (!footer) {
    setResponseHeader(event, 'Cache-Control', 'no-store');
    setResponseStatus(event, 500);
    return { error: 'Footer unavailable' };
  }
  return footer;
}));

app.use(router);
