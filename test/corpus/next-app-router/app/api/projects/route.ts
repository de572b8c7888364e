// Accuracy corpus: Next.js App Router — project route handlers (zod, yup, manual checks). Labels: see test/corpus/README.md.
import { NextResponse, type NextRequest } from 'next/server';
import { z, ZodError } from 'zod';
import * as yup from 'yup';
import { prisma } from '@/lib/prisma';
import { getSession } from '@/lib/auth';

const CreateProjectSchema = z.object({
  name: z.string().min(1).max(80),
  visibility: z.enum(['private', 'internal', 'public']),
});

const InviteSchema = yup.object({
  email: yup.string().email().required(),
  role: yup.mixed<'viewer' | 'editor'>().oneOf(['viewer', 'editor']).required(),
});

// positive: zod safeParse failed -> NextResponse.json(..., { status: 500 })
export async function POST(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const parsed = CreateProjectSchema.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'Failed to create project' }, { status: 500 }); // expect: no-500-for-validation 400
  }
  const project = await prisma.project.create({ data: { ...parsed.data, ownerId: session.userId } });
  return NextResponse.json(project, { status: 201 });
}

// positive: yup isValid false -> new Response(..., { status: 500 })
export async function PUT(request: NextRequest) {
  const body = await request.json();
  if (!(await InviteSchema.isValid(body))) {
    return new Response(JSON.stringify({ error: 'Invite failed' }), { status: 500 }); // expect: no-500-for-validation 400
  }
  await prisma.invite.create({ data: body });
  return new Response(null, { status: 204 });
}

// positive: search param length check -> Response.json(..., { status: 500 })
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? '';
  if (q.length < 2 || q.length > 100) {
    return Response.json({ error: 'Search failed' }, { status: 500 }); // expect: no-500-for-validation 400
  }
  const projects = await prisma.project.findMany({ where: { name: { contains: q } }, take: 20 });
  return Response.json(projects);
}

// positive: catch with instanceof ZodError -> 500; other errors -> 500 too (negative line)
export async function PATCH(request: NextRequest) {
  try {
    const patch = CreateProjectSchema.partial().parse(await request.json());
    const id = request.nextUrl.searchParams.get('id') ?? '';
    const project = await prisma.project.update({ where: { id }, data: patch });
    return NextResponse.json(project);
  } catch (error) {
    if (error instanceof ZodError) {
      return NextResponse.json({ error: 'Update failed' }, { status: 500 }); // expect: no-500-for-validation 400
    }
    // negative: non-validation failure (db) -> 500
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}

// negative: zod failure -> 400; db lookup returning nothing where a row must exist -> 500
export async function DELETE(request: NextRequest) {
  const parsed = z.object({ id: z.string().cuid() }).safeParse({ id: request.nextUrl.searchParams.get('id') });
  if (!parsed.success) {
    return NextResponse.json({ error: 'Invalid project id', issues: parsed.error.flatten() }, { status: 400 });
  }
  const session = await getSession();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const owner = await prisma.user.findUnique({ where: { id: session.userId } });
  if (!owner) {
    return NextResponse.json({ error: 'Session user record is missing' }, { status: 500 });
  }
  await prisma.project.delete({ where: { id: parsed.data.id, ownerId: owner.id } });
  return new NextResponse(null, { status: 204 });
}
