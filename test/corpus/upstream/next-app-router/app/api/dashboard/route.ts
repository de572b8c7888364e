// Accuracy corpus: Next.js App Router — BFF route handler aggregating backend services. Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import { cookies } from 'next/headers';
import { db } from '@/lib/db';

const API_URL = process.env.BACKEND_API_URL!;

// Same-file helper: every backend call goes through this wrapper, which sets the timeout once.
async function backend<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = (await cookies()).get('session')?.value;
  const res = await fetch(`${API_URL}${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(4000),
    cache: 'no-store',
  });
  if (!res.ok) throw Object.assign(new Error(`backend ${path} answered ${res.status}`), { status: res.status });
  return res.json() as Promise<T>;
}

// Same-file helper without any timeout.
async function getNotifications(userId: string) {
  const res = await fetch(`${API_URL}/users/${userId}/notifications`, { cache: 'no-store' }); // expect: require-upstream-timeout
  return res.json();
}

// positive no-500-for-upstream-failure (502): Promise.all over backend() wrapper calls only; negative require-upstream-timeout: the wrapper sets AbortSignal.timeout once.
export async function GET(req: NextRequest) {
  try {
    const [profile, orders] = await Promise.all([
      backend<{ id: string; name: string }>('/me'),
      backend<{ items: unknown[] }>('/me/orders?limit=5'),
    ]);
    return NextResponse.json({ profile, orders: orders.items });
  } catch (err) {
    console.error('dashboard aggregation failed', err);
    return NextResponse.json({ error: 'Dashboard unavailable' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
}

// positive require-upstream-timeout (in the helper above): this handler calls getNotifications; negative no-500-for-upstream-failure: a 502 is already sent.
export async function HEAD(req: NextRequest) {
  const userId = req.nextUrl.searchParams.get('userId');
  if (!userId) return new Response(null, { status: 400 });
  try {
    const notifications = await getNotifications(userId);
    return new Response(null, { status: 200, headers: { 'x-unread': String(notifications.unread) } });
  } catch {
    return new Response(null, { status: 502 });
  }
}

// positive no-500-for-upstream-failure (504): the catch singles out the AbortSignal.timeout firing (TimeoutError) and answers 500.
export async function POST(req: NextRequest) {
  const body = await req.json();
  try {
    const order = await backend<{ id: string }>('/orders', { method: 'POST', body: JSON.stringify(body) });
    return NextResponse.json(order, { status: 201 });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      return NextResponse.json({ error: 'Order service timed out' }, { status: 500 }); // expect: no-500-for-upstream-failure 504
    }
    return NextResponse.json({ error: 'Order service failed' }, { status: 502 });
  }
}

// negative no-500-for-upstream-failure: 500 after a local database failure only (audit log), nothing upstream.
export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get('id');
  if (!id) return NextResponse.json({ error: 'id is required' }, { status: 400 });
  try {
    await db.dashboardWidget.delete({ where: { id } });
    return new Response(null, { status: 204 });
  } catch (err) {
    console.error('widget delete failed', err);
    return NextResponse.json({ error: 'Could not delete widget' }, { status: 500 });
  }
}

// negative no-502-for-internal-error: 502 where the try calls the same-file backend() wrapper, an upstream call.
export async function PATCH(req: NextRequest) {
  try {
    const prefs = await backend('/me/preferences', { method: 'PATCH', body: await req.text() });
    return NextResponse.json(prefs);
  } catch {
    return NextResponse.json({ error: 'Preferences service failed' }, { status: 502 });
  }
}
