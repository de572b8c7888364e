// Accuracy corpus: SvelteKit — events API endpoint (zod, superstruct, manual checks). Labels: see test/corpus/README.md.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { z } from 'zod';
import { assert, object, string, number, StructError } from 'superstruct';
import { env } from '$env/dynamic/private';
import { events } from '$lib/server/events';

const NewEvent = z.object({
  title: z.string().min(3),
  startsAt: z.string().datetime(),
  capacity: z.number().int().positive(),
});

const Rsvp = object({ eventId: string(), seats: number() });

// positive: zod safeParse failed -> error(500, ...)
export const POST: RequestHandler = async ({ request, locals }) => {
  const parsed = NewEvent.safeParse(await request.json());
  if (!parsed.success) {
    error(500, 'Could not create event'); // expect: no-500-for-validation 400
  }
  const created = await events.create(locals.user.id, parsed.data);
  return json(created, { status: 201 });
};

// positive: superstruct assert in a try with only validation, catch singles out StructError -> json(..., { status: 500 })
export const PUT: RequestHandler = async ({ request }) => {
  const body: unknown = await request.json();
  try {
    assert(body, Rsvp);
  } catch (err) {
    if (err instanceof StructError) {
      return json({ message: 'RSVP failed' }, { status: 500 }); // expect: no-500-for-validation 400
    }
    throw err;
  }
  await events.rsvp(body.eventId, body.seats);
  return new Response(null, { status: 204 });
};

// positive: date query param is not a valid date -> throw error(500)
export const GET: RequestHandler = async ({ url }) => {
  const from = url.searchParams.get('from');
  if (from && Number.isNaN(Date.parse(from))) {
    throw error(500, 'Listing failed'); // expect: no-500-for-validation 400
  }
  return json(await events.list(from ? new Date(from) : new Date()));
};

// negative: validation -> 400; storage failure afterwards -> 500
export const PATCH: RequestHandler = async ({ request, url }) => {
  const parsed = NewEvent.partial().safeParse(await request.json());
  if (!parsed.success) error(400, 'Invalid event patch');
  try {
    return json(await events.update(url.searchParams.get('id') ?? '', parsed.data));
  } catch (err) {
    console.error('event update failed', err);
    error(500, 'Could not update event');
  }
};

// negative: server config missing (not request input) -> 500; upstream calendar payload invalid -> 502
export const DELETE: RequestHandler = async ({ url }) => {
  if (!env.CALENDAR_API_URL) {
    error(500, 'Calendar integration is not configured');
  }
  const id = url.searchParams.get('id');
  if (!id) error(400, 'id is required');
  const res = await fetch(`${env.CALENDAR_API_URL}/events/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) error(502, 'Calendar service error');
  const ack = z.object({ deleted: z.boolean() }).safeParse(await res.json());
  if (!ack.success) {
    error(502, 'Calendar service returned an invalid response');
  }
  await events.delete(id);
  return new Response(null, { status: 204 });
};
