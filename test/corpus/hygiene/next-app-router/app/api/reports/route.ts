// Accuracy corpus: Next.js App Router — report endpoints: cache headers on failures, 503/429 headers and error bodies. Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { ratelimit } from '@/lib/ratelimit';

// positive no-cacheable-error-response: the failure response carries s-maxage, so Vercel's edge caches the 500.
export async function GET(req: NextRequest) {
  try {
    const reports = await db.report.findMany({ where: { public: true }, take: 20 });
    return NextResponse.json(reports, { headers: { 'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60' } });
  } catch (err) {
    console.error('reports query failed', err);
    return NextResponse.json( // expect: no-cacheable-error-response
      { error: 'Reports unavailable' },
      { status: 500, headers: { 'Cache-Control': 'public, s-maxage=300' } },
    );
  }
}

// positive require-retry-after: 429 from the rate limiter with no Retry-After; positive no-leaked-error-details: the DB error message in the 500.
export async function POST(req: NextRequest) {
  const ip = req.headers.get('x-forwarded-for') ?? 'anon';
  const { success } = await ratelimit.limit(ip);
  if (!success) return NextResponse.json({ error: 'Too many reports' }, { status: 429 }); // expect: require-retry-after
  try {
    const report = await db.report.create({ data: await req.json() });
    return NextResponse.json(report, { status: 201 });
  } catch (error) {
    return NextResponse.json({ error: error instanceof Error ? error.message : 'unknown' }, { status: 500 }); // expect: no-leaked-error-details
  }
}

// negative require-retry-after: Retry-After set on a Headers object used in the 429 init.
export async function PUT(req: NextRequest) {
  const ip = req.headers.get('x-forwarded-for') ?? 'anon';
  const { success, reset } = await ratelimit.limit(ip);
  if (!success) {
    const headers = new Headers();
    headers.set('Retry-After', String(Math.ceil((reset - Date.now()) / 1000)));
    return NextResponse.json({ error: 'Too many updates' }, { status: 429, headers });
  }
  return NextResponse.json(await db.report.update({ where: { id: req.nextUrl.searchParams.get('id')! }, data: await req.json() }));
}

// negative no-cacheable-error-response: max-age=0 on the 500; negative no-leaked-error-details: generic body with a digest.
export async function PATCH(req: NextRequest) {
  try {
    return NextResponse.json(await db.report.publish(req.nextUrl.searchParams.get('id')!));
  } catch (err) {
    const digest = crypto.randomUUID();
    console.error(digest, err);
    return NextResponse.json({ error: 'Publish failed', digest }, { status: 500, headers: { 'Cache-Control': 'max-age=0' } });
  }
}

// positive require-retry-after and negative no-cacheable-error-response: a plain 503 Response with no-store but no Retry-After.
export async function DELETE() {
  if (process.env.REPORTS_READ_ONLY === '1') {
    return new Response('Reports are read-only right now', { status: 503, headers: { 'Cache-Control': 'no-store' } }); // expect: require-retry-after
  }
  await db.report.deleteMany({ where: { expired: true } });
  return new Response(null, { status: 204 });
}

// negative require-retry-after: Retry-After in the Response init headers of the 503.
export async function OPTIONS() {
  if (process.env.REPORTS_READ_ONLY === '1') {
    return new Response(null, { status: 503, headers: { 'Retry-After': '120' } });
  }
  return new Response(null, { status: 204, headers: { Allow: 'GET, POST, PUT, PATCH, DELETE' } });
}
