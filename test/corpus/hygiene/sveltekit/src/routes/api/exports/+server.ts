// Accuracy corpus: SvelteKit — export endpoints: cache headers on failures and error() messages. Labels: see test/corpus/README.md.
import { error, json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

// positive no-cacheable-error-response: a 500 Response with public, max-age.
export const GET: RequestHandler = async ({ url }) => {
  try {
    const rows = await db.export.findMany({ where: { public: true }, take: Number(url.searchParams.get('limit') ?? 20) });
    return json(rows, { headers: { 'cache-control': 'public, max-age=120' } });
  } catch {
    return json({ error: 'Exports unavailable' }, { status: 500, headers: { 'cache-control': 'public, max-age=120' } }); // expect: no-cacheable-error-response
  }
};

// positive no-leaked-error-details: the database error message is passed to error(500), which SvelteKit sends to the client.
export const POST: RequestHandler = async ({ request }) => {
  try {
    return json(await db.export.create({ data: await request.json() }), { status: 201 });
  } catch (err) {
    error(500, (err as Error).message); // expect: no-leaked-error-details
  }
};

// negative no-cacheable-error-response: private, no-cache on the 500.
export const PUT: RequestHandler = async ({ request, locals }) => {
  try {
    return json(await db.export.update({ where: { ownerId: locals.user.id }, data: await request.json() }));
  } catch {
    return json({ error: 'Update failed' }, { status: 500, headers: { 'cache-control': 'private, no-cache' } });
  }
};
