// Accuracy corpus: Next.js App Router — catch-all proxy to the internal API (BFF). Labels: see test/corpus/README.md.
import { NextRequest, NextResponse } from 'next/server';

const INTERNAL_API = process.env.INTERNAL_API_URL!;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

function forwardHeaders(req: NextRequest) {
  const headers = new Headers();
  req.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key)) headers.set(key, value);
  });
  return headers;
}

// negative no-500-for-upstream-failure: a proxy forwards the upstream status as-is; negative no-502-for-internal-error: 502/504 on transport failure is right for a proxy; negative require-upstream-timeout.
export async function GET(req: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  try {
    const upstream = await fetch(`${INTERNAL_API}/${path.join('/')}${req.nextUrl.search}`, {
      headers: forwardHeaders(req),
      signal: AbortSignal.timeout(8000),
    });
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') {
      return NextResponse.json({ error: 'Upstream timed out' }, { status: 504 });
    }
    return NextResponse.json({ error: 'Upstream unreachable' }, { status: 502 });
  }
}

// positive require-upstream-timeout: the write proxy forwards without any timeout; negative no-500-for-upstream-failure: status forwarded.
export async function POST(req: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const upstream = await fetch(`${INTERNAL_API}/${path.join('/')}`, { // expect: require-upstream-timeout
    method: 'POST',
    headers: forwardHeaders(req),
    body: await req.arrayBuffer(),
  });
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
}

// positive no-500-for-upstream-failure (502): this proxy variant swallows every upstream error status into 500.
export async function PUT(req: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const upstream = await fetch(`${INTERNAL_API}/${path.join('/')}`, {
    method: 'PUT',
    headers: forwardHeaders(req),
    body: await req.arrayBuffer(),
    signal: AbortSignal.timeout(8000),
  });
  if (upstream.status !== 200) {
    return NextResponse.json({ error: 'Update failed' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
  return new Response(upstream.body, { status: 200, headers: upstream.headers });
}
