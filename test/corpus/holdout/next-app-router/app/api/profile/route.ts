// Accuracy corpus (held-out): next-app-router — profile update with body parsing and manual checks. Labels: see test/corpus/README.md.
import { z } from 'zod';
import { prisma } from '@/lib/prisma';
import { getUserId } from '@/lib/session';

const Profile = z.object({
  name: z.string().min(1).max(80),
  timezone: z.string(),
  avatarUrl: z.string().url().optional(),
});

const json = (data: unknown, status = 200) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

// positive: the try only parses the request body (await request.json + schema.parse); catch answers 500
export async function PUT(request: Request) {
  const userId = await getUserId(request);
  if (!userId) return json({ error: 'Unauthorized' }, 401);
  let profile: z.infer<typeof Profile>;
  try {
    profile = Profile.parse(await request.json());
  } catch {
    return new Response(JSON.stringify({ error: 'Profile payload rejected' }), { status: 500 }); // expect: no-500-for-validation 400
  }
  await prisma.profile.upsert({ where: { userId }, create: { userId, ...profile }, update: profile });
  return json({ ok: true });
}

// positive: manual check of a field type, answered with 500 via the local json helper
export async function PATCH(request: Request) {
  const userId = await getUserId(request);
  if (!userId) return json({ error: 'Unauthorized' }, 401);
  const body = await request.json();
  if (typeof body.timezone !== 'string' || !Intl.supportedValuesOf('timeZone').includes(body.timezone)) {
    return json({ error: 'Unknown timezone' }, 500); // expect: no-500-for-validation 400
  }
  await prisma.profile.update({ where: { userId }, data: { timezone: body.timezone } });
  return json({ ok: true });
}

// negative: body parse failures answered with 400, database failure with 500
export async function POST(request: Request) {
  const userId = await getUserId(request);
  if (!userId) return json({ error: 'Unauthorized' }, 401);
  const raw = await request.json().catch(() => undefined);
  const parsed = Profile.safeParse(raw);
  if (!parsed.success) return json({ error: 'Invalid profile', issues: parsed.error.issues }, 400);
  try {
    await prisma.profile.create({ data: { userId, ...parsed.data } });
  } catch {
    return json({ error: 'Could not save profile' }, 500);
  }
  return json({ ok: true }, 201);
}

// positive: a database failure answered with 502 even though no upstream is involved
export async function GET(request: Request) {
  const userId = await getUserId(request);
  if (!userId) return json({ error: 'Unauthorized' }, 401);
  try {
    const profile = await prisma.profile.findUnique({ where: { userId } });
    return profile ? json(profile) : json({ error: 'No profile' }, 404);
  } catch {
    return Response.json({ error: 'Profile store unavailable' }, { status: 502 }); // expect: no-502-for-internal-error 500
  }
}
