// Accuracy corpus (held-out): remix — event weather widget loading from an upstream API. Labels: see test/corpus/README.md.
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { db } from '~/db.server';

// positive: branch on a failed upstream response throws a 500 Response
export async function loader({ params }: LoaderFunctionArgs) {
  const event = await db.event.findUniqueOrThrow({ where: { id: params.eventId } });
  const res = await fetch(`https://api.open-weather.example/v1/day?lat=${event.lat}&lon=${event.lon}&date=${event.date}`, {
    signal: AbortSignal.timeout(4000),
  });
  if (res.status >= 400) {
    throw new Response('Weather unavailable', { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
  return json({ event, weather: await res.json() });
}

export default function EventWeather() {
  const { event, weather } = useLoaderData<typeof loader>();
  return (
    <section>
      <h2>Weather for {event.title}</h2>
      <p>{weather.summary}</p>
    </section>
  );
}
