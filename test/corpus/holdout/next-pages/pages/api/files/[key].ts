// Accuracy corpus (held-out): next-pages — file download/upload through S3. Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import { S3Client, GetObjectCommand, PutObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { prisma } from '../../../lib/prisma';

const s3 = new S3Client({
  region: process.env.AWS_REGION,
  requestHandler: { requestTimeout: 5000, connectionTimeout: 2000 },
});
const Bucket = process.env.FILES_BUCKET!;

export default async function filesHandler(req: NextApiRequest, r: NextApiResponse) {
  const key = String(req.query.key);

  if (req.method === 'GET') {
    // negative: S3 GetObject on the app's own bucket is its storage failing (like a database), so 500 is right
    // (relabelled when AWS data services became backing stores, not gateways: see docs/rules/no-500-for-upstream-failure.md)
    try {
      const obj = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
      r.setHeader('content-type', obj.ContentType ?? 'application/octet-stream');
      return r.send(Buffer.from(await obj.Body!.transformToByteArray()));
    } catch (err) {
      if (err instanceof NoSuchKey) return r.status(404).json({ error: 'No such file' });
      return r.status(500).json({ error: 'Storage error' });
    }
  }

  if (req.method === 'PUT') {
    // positive: missing content-type header (request input) answered with 500
    const contentType = req.headers['content-type'];
    if (!contentType) {
      return r.status(500).json({ error: 'content-type header is required' }); // expect: no-500-for-validation 400
    }
    // negative: S3 upload and the database record share a try; 500 is fine
    try {
      await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: req.body, ContentType: contentType }));
      await prisma.file.upsert({ where: { key }, create: { key, contentType }, update: { contentType } });
      return r.status(204).end();
    } catch {
      return r.status(500).json({ error: 'Upload failed' });
    }
  }

  r.setHeader('Allow', 'GET, PUT');
  return r.status(405).end();
}
