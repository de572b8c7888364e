// Accuracy corpus (held-out): sveltekit — single comment read with a database that "times out". Labels: see test/corpus/README.md.
import { error, json } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { comments } from '$lib/server/schema';
import type { RequestHandler } from './$types';

// positive: database lookup failure reported as 504
export const GET: RequestHandler = async ({ params }) => {
  let row;
  try {
    row = await db.select().from(comments).where(eq(comments.id, params.id)).limit(1);
  } catch (e) {
    console.error('comment query failed', params.id);
    error(504, 'Comment store timed out'); // expect: no-502-for-internal-error 500
  }
  if (row.length === 0) error(404, 'No such comment');
  return json(row[0]);
};
