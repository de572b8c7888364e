// Accuracy corpus (upstream-extra): Next.js App Router weather route with ofetch and a controller timer. Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import { ofetch } from 'ofetch';

const weather = ofetch.create({ baseURL: 'https://weather.example.com', timeout: 3000 });
const alerts = ofetch.create({ baseURL: 'https://alerts.example.com' });

// negative require-upstream-timeout: the ofetch instance sets a timeout.
export async function GET(req: NextRequest) {
  const city = req.nextUrl.searchParams.get('city') ?? 'berlin';
  return NextResponse.json(await weather(`/v1/${encodeURIComponent(city)}`));
}

// positive require-upstream-timeout: the alerts instance has no timeout.
export async function HEAD(req: NextRequest) {
  const city = req.nextUrl.searchParams.get('city') ?? 'berlin';
  const data = await alerts(`/v1/${encodeURIComponent(city)}`); // expect: require-upstream-timeout
  return new NextResponse(null, { status: data.active ? 200 : 204 });
}

// negative require-upstream-timeout: an AbortController aborted by a timer.
export async function POST(req: NextRequest) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 2500);
  try {
    const r = await fetch('https://geo.example.com/v1/reverse', { method: 'POST', body: await req.text(), signal: controller.signal });
    return NextResponse.json(await r.json());
  } finally {
    clearTimeout(timer);
  }
}

// positive require-upstream-timeout: fetch with the incoming request's signal only (aborts on disconnect, not on time).
export async function PUT(req: NextRequest) {
  const r = await fetch('https://geo.example.com/v1/forward', { method: 'POST', body: await req.text(), signal: req.signal }); // expect: require-upstream-timeout
  return NextResponse.json(await r.json());
}
