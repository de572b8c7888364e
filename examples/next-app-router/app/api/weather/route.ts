import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  const city = request.nextUrl.searchParams.get('city');
  if (!city || city.length > 80) {
    return NextResponse.json({ error: 'city is required' }, { status: 400 });
  }

  try {
    const res = await fetch(`https://api.weather.example.com/v1/current?city=${encodeURIComponent(city)}`, {
      headers: { 'x-api-key': process.env.WEATHER_KEY ?? '' },
    });
    if (!res.ok) {
      return NextResponse.json({ error: 'Weather provider error' }, { status: 502 });
    }
    return NextResponse.json(await res.json(), {
      headers: { 'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60' },
    });
  } catch (err) {
    console.error('weather fetch failed', err);
    return NextResponse.json({ error: 'Weather provider unreachable' }, { status: 502 });
  }
}
