// Accuracy corpus (held-out): sveltekit — comment API with manual and schema validation. Labels: see test/corpus/README.md.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import * as v from 'valibot';
import { db } from '$lib/server/db';
import { comments } from '$lib/server/schema';

const CommentInput = v.object({
  postId: v.pipe(v.string(), v.uuid()),
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
});

// positive: the body length check (request input) raises error(500)
export const POST: RequestHandler = async ({ request, locals }) => {
  if (!locals.user) error(401, 'Sign in to comment');
  const payload = await request.json();
  if (typeof payload.body !== 'string' || payload.body.trim().length === 0 || payload.body.length > 2000) {
    error(500, 'Comment body must be 1-2000 characters'); // expect: no-500-for-validation 400
  }
  const [row] = await db.insert(comments).values({ postId: payload.postId, body: payload.body, authorId: locals.user.id }).returning();
  return json(row, { status: 201 });
};

// positive: valibot safeParse of query params fails, thrown error(500) (SvelteKit 1 style)
export const GET: RequestHandler = async ({ url }) => {
  const query = v.safeParse(v.object({ postId: v.pipe(v.string(), v.uuid()) }), { postId: url.searchParams.get('postId') });
  if (!query.success) {
    throw error(500, 'postId must be a uuid'); // expect: no-500-for-validation 400
  }
  return json(await db.query.comments.findMany({ where: (c, { eq }) => eq(c.postId, query.output.postId) }));
};

// negative: same schema failure answered with error(400); db failure stays 500
export const PUT: RequestHandler = async ({ request }) => {
  const parsed = v.safeParse(CommentInput, await request.json());
  if (!parsed.success) error(400, 'Invalid comment');
  try {
    await db.insert(comments).values(parsed.output).onConflictDoNothing();
  } catch {
    error(500, 'Could not store comment');
  }
  return new Response(null, { status: 204 });
};
