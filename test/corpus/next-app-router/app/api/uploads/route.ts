// Accuracy corpus: Next.js App Router — upload + config route handler (manual checks, env config). Labels: see test/corpus/README.md.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { putObject } from '@/lib/storage';

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf']);

// negative: env/config validated at module load; a failure throws at boot, not per request
const storageEnv = z
  .object({ UPLOAD_BUCKET: z.string().min(1), UPLOAD_MAX_BYTES: z.coerce.number().int().positive() })
  .parse(process.env);

// positive: content-type of the uploaded file is not allowed -> 500
export async function POST(request: Request) {
  const form = await request.formData();
  const file = form.get('file');
  if (!(file instanceof File)) {
    return NextResponse.json({ error: 'file is required' }, { status: 400 });
  }
  if (!ALLOWED_TYPES.has(file.type)) {
    return NextResponse.json({ error: 'Upload failed' }, { status: 500 }); // expect: no-500-for-validation 400
  }
  // negative: storage write failure -> 500
  try {
    const key = await putObject(storageEnv.UPLOAD_BUCKET, file);
    return NextResponse.json({ key }, { status: 201 });
  } catch (err) {
    console.error('upload to storage failed', err);
    return NextResponse.json({ error: 'Upload failed' }, { status: 500 });
  }
}

// negative: feature flag missing from runtime config (server problem) -> 500
export async function GET() {
  const maxBytes = process.env.UPLOAD_MAX_BYTES;
  if (!maxBytes || Number.isNaN(Number(maxBytes))) {
    return NextResponse.json({ error: 'Upload limits are not configured' }, { status: 500 });
  }
  return NextResponse.json({ maxBytes: Number(maxBytes), types: [...ALLOWED_TYPES] });
}
