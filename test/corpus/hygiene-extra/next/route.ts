// Extra hygiene cases (Next.js App Router route handler).
import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '@/lib/prisma';
import { limiter } from '@/lib/limiter';

export async function GET(req: NextRequest) {
  try {
    const posts = await prisma.post.findMany({ take: 20 });
    return NextResponse.json(posts, { headers: { 'Cache-Control': 's-maxage=300' } });
  } catch (error) {
    console.error(error);
    return NextResponse.json( // expect: no-cacheable-error-response
      { error: 'Failed to load posts', details: error instanceof Error ? error.message : String(error) }, // expect: no-leaked-error-details -- message or String(error): one leak of the message
      { status: 500, headers: { 'Cache-Control': 's-maxage=300' } },
    );
  }
}

export async function POST(req: NextRequest) {
  const { success, reset } = await limiter.limit(req.ip ?? 'anon');
  if (!success) {
    return NextResponse.json(
      { error: 'Too many requests' },
      { status: 429, headers: { 'Retry-After': String(Math.ceil((reset - Date.now()) / 1000)) } },
    );
  }
  try {
    return NextResponse.json(await prisma.post.create({ data: await req.json() }), { status: 201 });
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Could not save the post' }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
}

export async function DELETE() {
  return new Response('Deletes are paused during the migration', { status: 503 }); // expect: require-retry-after
}
