// Accuracy corpus (held-out): next-app-router — team listing backed by an internal service module. Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import { listTeamsForUser } from '@/server/teams';
import { db } from '@/server/db';

// negative: 502 after an imported service whose internals are unknown (it may call an upstream)
export async function GET(req: NextRequest) {
  const userId = req.headers.get('x-user-id');
  if (!userId) return NextResponse.json({ error: 'Missing user' }, { status: 401 });
  try {
    const teams = await listTeamsForUser(userId);
    return NextResponse.json({ teams });
  } catch {
    return NextResponse.json({ error: 'Team directory unavailable' }, { status: 502 });
  }
}

// positive: a raw SQL query is the only work; a failure is reported as a gateway timeout
export async function HEAD(req: NextRequest) {
  const userId = req.headers.get('x-user-id');
  if (!userId) return new NextResponse(null, { status: 401 });
  try {
    await db.execute('SELECT 1 FROM team_members WHERE user_id = $1 LIMIT 1', [userId]);
    return new NextResponse(null, { status: 200 });
  } catch {
    return new NextResponse(null, { status: 504 }); // expect: no-502-for-internal-error 500
  }
}
