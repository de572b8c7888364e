// Accuracy corpus (held-out): remix — resource route rendering an .ics file, forwarding calendar status. Labels: see test/corpus/README.md.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { db } from '~/db.server';
import { toIcs } from '~/lib/ics';

// negative: the upstream calendar status is forwarded; a DB miss is 404
export async function loader({ params }: LoaderFunctionArgs) {
  const event = await db.event.findUnique({ where: { id: params.eventId } });
  if (!event) return new Response('Not found', { status: 404 });
  if (event.externalCalendarUrl) {
    const upstream = await fetch(event.externalCalendarUrl, { signal: AbortSignal.timeout(5000) });
    if (!upstream.ok) {
      return new Response('Calendar error', { status: upstream.status });
    }
    return new Response(upstream.body, { headers: { 'content-type': 'text/calendar' } });
  }
  return new Response(toIcs(event), { headers: { 'content-type': 'text/calendar' } });
}
