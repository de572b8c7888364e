// Accuracy corpus (held-out): remix — event RSVP action and loader. Labels: see test/corpus/README.md.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { db } from '~/db.server';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// positive: manual checks on submitted form fields answered with 500
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = form.get('email');
  const guests = Number(form.get('guests'));
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    return json({ error: 'Enter a valid email' }, { status: 500 }); // expect: no-500-for-validation 400
  }
  // negative: guest count out of range answered with 400
  if (!Number.isInteger(guests) || guests < 0 || guests > 4) {
    return json({ error: 'You can bring up to four guests' }, { status: 400 });
  }
  await db.rsvp.create({ data: { eventId: params.eventId!, email, guests } });
  return json({ ok: true });
}

// negative: database failure in the loader answered with 500
export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const event = await db.event.findUnique({ where: { id: params.eventId } });
    if (!event) throw new Response('Not found', { status: 404 });
    return json({ event });
  } catch (e) {
    if (e instanceof Response) throw e;
    throw new Response('Could not load event', { status: 500 });
  }
}

export default function Rsvp() {
  const { event } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Form method="post">
      <h1>{event.title}</h1>
      <input name="email" type="email" />
      <input name="guests" type="number" min={0} max={4} />
      {result && 'error' in result ? <p role="alert">{result.error}</p> : null}
      <button type="submit">RSVP</button>
    </Form>
  );
}
