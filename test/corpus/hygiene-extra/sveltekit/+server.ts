// Extra hygiene cases (SvelteKit endpoint).
import { error, json } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { db } from '$lib/server/db';

export async function GET({ setHeaders }) {
  try {
    const items = await db.items.list();
    setHeaders({ 'cache-control': 'public, max-age=60' });
    return json(items);
  } catch (e) {
    return json({ message: 'Could not load items', stack: dev ? (e as Error).stack : undefined }, { status: 500 });
  }
}

export async function POST({ request }) {
  if (await db.items.readOnly()) error(503, 'Read-only mode'); // expect: require-retry-after
  try {
    return json(await db.items.create(await request.json()), { status: 201 });
  } catch (e) {
    return json({ message: `Create failed: ${(e as Error).message}` }, { status: 500 }); // expect: no-leaked-error-details
  }
}
