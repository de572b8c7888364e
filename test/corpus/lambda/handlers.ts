// Accuracy corpus: AWS Lambda (API Gateway proxy) — validation failures answered with 5xx (zod, joi, ajv, manual checks). Labels: see test/corpus/README.md.
import type { APIGatewayProxyEvent, APIGatewayProxyHandler, APIGatewayProxyResult } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import Joi from 'joi';
import Ajv from 'ajv';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

// negative: config validated at cold start; a failure crashes the init, no HTTP response is built here
const Config = z.object({ TABLE_NAME: z.string().min(1), GEO_API_URL: z.string().url() });
const config = Config.parse(process.env);

const Reservation = z.object({
  restaurantId: z.string(),
  partySize: z.number().int().min(1).max(12),
  time: z.string().datetime(),
});

const Review = Joi.object({ stars: Joi.number().integer().min(1).max(5).required(), text: Joi.string().max(1000) });

const ajv = new Ajv();
const validateWaitlist = ajv.compile({
  type: 'object',
  required: ['phone'],
  properties: { phone: { type: 'string', pattern: '^\\+[0-9]{8,15}$' } },
});

const jsonHeaders = { 'content-type': 'application/json' };

function parseBody(event: APIGatewayProxyEvent): unknown {
  try {
    return JSON.parse(event.body ?? '');
  } catch {
    return undefined;
  }
}

// positive: zod safeParse failed -> { statusCode: 500 }
export const createReservation: APIGatewayProxyHandler = async (event) => {
  const parsed = Reservation.safeParse(parseBody(event));
  if (!parsed.success) {
    return { statusCode: 500, headers: jsonHeaders, body: JSON.stringify({ error: 'Reservation failed' }) }; // expect: no-500-for-validation 400
  }
  await ddb.send(new PutCommand({ TableName: config.TABLE_NAME, Item: { pk: crypto.randomUUID(), ...parsed.data } }));
  return { statusCode: 201, headers: jsonHeaders, body: JSON.stringify({ ok: true }) };
};

// positive: joi validate().error -> { statusCode: 500 }
export const postReview: APIGatewayProxyHandler = async (event) => {
  const { error, value } = Review.validate(parseBody(event));
  if (error) {
    return { statusCode: 500, body: JSON.stringify({ error: 'Could not save review' }) }; // expect: no-500-for-validation 400
  }
  await ddb.send(new PutCommand({ TableName: config.TABLE_NAME, Item: { pk: `review#${Date.now()}`, ...value } }));
  return { statusCode: 201, body: '' };
};

// positive: ajv validator false -> response object built in a variable
export const joinWaitlist = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const body = parseBody(event);
  if (!validateWaitlist(body)) {
    const response: APIGatewayProxyResult = { statusCode: 500, body: JSON.stringify({ error: 'Waitlist unavailable' }) }; // expect: no-500-for-validation 400
    return response;
  }
  return { statusCode: 202, body: JSON.stringify({ queued: true }) };
};

// positive: missing path parameter -> { statusCode: 500 }
export const getReservation: APIGatewayProxyHandler = async (event) => {
  const id = event.pathParameters?.id;
  if (!id || id.length !== 36) {
    return { statusCode: 500, body: JSON.stringify({ error: 'Lookup failed' }) }; // expect: no-500-for-validation 400
  }
  const { Item } = await ddb.send(new GetCommand({ TableName: config.TABLE_NAME, Key: { pk: id } }));
  if (!Item) return { statusCode: 404, body: JSON.stringify({ error: 'Not found' }) };
  return { statusCode: 200, headers: jsonHeaders, body: JSON.stringify(Item) };
};

// negative: zod failure -> 400; DynamoDB failure -> 500
export const updateReservation: APIGatewayProxyHandler = async (event) => {
  const parsed = Reservation.partial().safeParse(parseBody(event));
  if (!parsed.success) {
    return { statusCode: 400, body: JSON.stringify({ error: 'Invalid reservation', issues: parsed.error.issues }) };
  }
  try {
    await ddb.send(new PutCommand({ TableName: config.TABLE_NAME, Item: { pk: event.pathParameters?.id, ...parsed.data } }));
    return { statusCode: 204, body: '' };
  } catch (err) {
    console.error('dynamo write failed', err);
    return { statusCode: 500, body: JSON.stringify({ error: 'Internal Server Error' }) };
  }
};

// negative: geo API payload fails zod -> 502
export const nearby: APIGatewayProxyHandler = async (event) => {
  const q = event.queryStringParameters?.q;
  if (!q) return { statusCode: 400, body: JSON.stringify({ error: 'q is required' }) };
  const res = await fetch(`${config.GEO_API_URL}/search?q=${encodeURIComponent(q)}`, {
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) return { statusCode: 502, body: JSON.stringify({ error: 'Geo service error' }) };
  const places = z.array(z.object({ id: z.string(), name: z.string() })).safeParse(await res.json());
  if (!places.success) {
    return { statusCode: 502, body: JSON.stringify({ error: 'Geo service returned an invalid response' }) };
  }
  return { statusCode: 200, headers: jsonHeaders, body: JSON.stringify(places.data) };
};

// negative: a non-HTTP (SQS) handler; the validation result is a plain object, nothing is sent to a client
export const processReservationQueue = async (event: { Records: Array<{ messageId: string; body: string }> }) => {
  const failures: Array<{ itemIdentifier: string }> = [];
  for (const record of event.Records) {
    const res = Reservation.safeParse(JSON.parse(record.body));
    if (!res.success) {
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }
    await ddb.send(new PutCommand({ TableName: config.TABLE_NAME, Item: { pk: record.messageId, ...res.data } }));
  }
  return { batchItemFailures: failures };
};
