// Accuracy corpus: Next.js App Router — avatar uploads to @vercel/blob and image moderation. Labels: see test/corpus/README.md.
import { NextResponse } from 'next/server';
import { put, del, BlobError } from '@vercel/blob';
import sharp from 'sharp';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';

// positive no-500-for-upstream-failure (502): the try only uploads to Vercel Blob; local resize happens before it.
export async function POST(req: Request) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const form = await req.formData();
  const file = form.get('avatar');
  if (!(file instanceof File)) return NextResponse.json({ error: 'avatar file is required' }, { status: 400 });
  const resized = await sharp(Buffer.from(await file.arrayBuffer())).resize(256, 256).webp().toBuffer();
  try {
    const blob = await put(`avatars/${session.user.id}.webp`, resized, { access: 'public', contentType: 'image/webp' });
    return NextResponse.json({ url: blob.url });
  } catch (err) {
    console.error('blob upload failed', err instanceof BlobError ? err.name : 'unknown');
    return NextResponse.json({ error: 'Upload failed' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
}

// positive no-502-for-internal-error (500): sharp (local image processing) failed, answered 502; no upstream call in the try.
export async function PUT(req: Request) {
  const buf = Buffer.from(await req.arrayBuffer());
  try {
    const meta = await sharp(buf).metadata();
    return NextResponse.json({ width: meta.width, height: meta.height, format: meta.format });
  } catch {
    return NextResponse.json({ error: 'Could not read image' }, { status: 502 }); // expect: no-502-for-internal-error 500
  }
}

// negative no-502-for-internal-error: deleting the blob (upstream) and then the row; the 502 is sent only in the blob step's catch.
export async function DELETE() {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const user = await db.user.findUniqueOrThrow({ where: { id: session.user.id } });
  if (user.avatarUrl) {
    try {
      await del(user.avatarUrl);
    } catch {
      return NextResponse.json({ error: 'Blob storage failed' }, { status: 502 });
    }
  }
  await db.user.update({ where: { id: user.id }, data: { avatarUrl: null } });
  return new Response(null, { status: 204 });
}
