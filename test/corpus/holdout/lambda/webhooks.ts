// Accuracy corpus (held-out): lambda — API Gateway handlers for webhooks and lookups. Labels: see test/corpus/README.md.
import type { APIGatewayProxyEvent, APIGatewayProxyHandler, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis(process.env.REDIS_URL!);
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const respond = (statusCode: number, body: unknown): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const WebhookEvent = z.object({ id: z.string(), type: z.string(), data: z.record(z.unknown()) });

// positive: JSON.parse of the request body is the only work in the try; catch returns 500
export const ingest: APIGatewayProxyHandler = async (event) => {
  let payload: unknown;
  try {
    payload = JSON.parse(event.body ?? '');
  } catch {
    return { // expect: no-500-for-validation 400
      statusCode: 500,
      body: JSON.stringify({ message: 'Body is not JSON' }),
    };
  }
  // negative: schema failure on the webhook payload answered with 422
  const parsed = WebhookEvent.safeParse(payload);
  if (!parsed.success) {
    return respond(422, { message: 'Unexpected webhook shape' });
  }
  await pool.query('INSERT INTO webhook_events (id, type, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    parsed.data.id,
    parsed.data.type,
    parsed.data.data,
  ]);
  return respond(202, { accepted: true });
};

// positive: missing path parameter answered with 500 via the respond helper
export async function getEvent(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const id = event.pathParameters?.id;
  if (!id) {
    return respond(500, { message: 'id path parameter is required' }); // expect: no-500-for-validation 400
  }
  const { rows } = await pool.query('SELECT id, type, data FROM webhook_events WHERE id = $1', [id]);
  return rows[0] ? respond(200, rows[0]) : respond(404, { message: 'Not found' });
}

// negative: required environment variable missing — a server misconfiguration, 500 is right
export const health: APIGatewayProxyHandler = async () => {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    return respond(500, { message: 'Service misconfigured' });
  }
  return respond(200, { ok: true });
};

// positive: fetch to the enrichment API only; timeout singled out and answered with 500, other failures 500 too
export const enrich: APIGatewayProxyHandler = async (event) => {
  const domain = event.queryStringParameters?.domain;
  if (!domain) return respond(400, { message: 'domain is required' });
  try {
    const res = await fetch(`https://enrich.example.com/v1/company?domain=${encodeURIComponent(domain)}`, {
      headers: { authorization: `Bearer ${process.env.ENRICH_KEY}` },
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) {
      return respond(500, { message: 'Enrichment failed' }); // expect: no-500-for-upstream-failure 502
    }
    return respond(200, await res.json());
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') {
      return respond(500, { message: 'Enrichment timed out' }); // expect: no-500-for-upstream-failure 504
    }
    return respond(500, { message: 'Enrichment failed' }); // expect: no-500-for-upstream-failure 502
  }
};

// positive: redis read fails and the handler answers 504 — no upstream HTTP call exists here
export const rateLimitStatus: APIGatewayProxyHandler = async (event) => {
  const key = `rl:${event.requestContext.identity.sourceIp}`;
  try {
    const used = Number((await redis.get(key)) ?? 0);
    return respond(200, { used, limit: 100 });
  } catch {
    return { statusCode: 504, body: JSON.stringify({ message: 'Rate limit store timed out' }) }; // expect: no-502-for-internal-error 500
  }
};

// negative: the upstream status is passed through to the caller
export const proxyAvatar: APIGatewayProxyHandler = async (event) => {
  const user = event.pathParameters?.user ?? '';
  const res = await fetch(`https://avatars.example.com/${encodeURIComponent(user)}`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) {
    return { statusCode: res.status, body: '' };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': res.headers.get('content-type') ?? 'image/png' },
    body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    isBase64Encoded: true,
  };
};
