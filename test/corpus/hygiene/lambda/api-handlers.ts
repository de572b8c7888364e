// Accuracy corpus: AWS Lambda (API Gateway) — hand-built results with cache headers, Retry-After and error bodies. Labels: see test/corpus/README.md.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE_NAME!;

// positive no-cacheable-error-response and positive no-leaked-error-details: the 500 is cached by CloudFront for an hour and echoes the stack.
export const getConfig = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: `config#${event.pathParameters?.app}` } }));
    return { statusCode: 200, headers: { 'Cache-Control': 'public, max-age=3600' }, body: JSON.stringify(Item ?? {}) };
  } catch (err) {
    return { // expect: no-cacheable-error-response
      statusCode: 500,
      headers: { 'Cache-Control': 'public, max-age=3600' },
      body: JSON.stringify({ error: 'Config unavailable', stack: (err as Error).stack }), // expect: no-leaked-error-details
    };
  }
};

// negative no-cacheable-error-response: no-store on the 500; negative no-leaked-error-details: generic body.
export const getFlags = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    const { Item } = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: `flags#${event.pathParameters?.app}` } }));
    return { statusCode: 200, headers: { 'Cache-Control': 'public, max-age=60' }, body: JSON.stringify(Item?.flags ?? {}) };
  } catch (err) {
    console.error('flags lookup failed', err);
    return { statusCode: 500, headers: { 'Cache-Control': 'no-store' }, body: JSON.stringify({ error: 'Flags unavailable' }) };
  }
};

// positive require-retry-after: throttled counter answered 429 without headers.
export const incrementUsage = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const apiKey = event.headers['x-api-key'] ?? '';
  const { Attributes } = await doc.send(new UpdateCommand({
    TableName: TABLE,
    Key: { pk: `usage#${apiKey}` },
    UpdateExpression: 'ADD calls :one',
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  }));
  if ((Attributes?.calls ?? 0) > 10_000) {
    return { statusCode: 429, body: JSON.stringify({ error: 'Monthly quota exceeded' }) }; // expect: require-retry-after
  }
  return { statusCode: 204, body: '' };
};

// negative require-retry-after: the 503 result carries Retry-After in its headers.
export const health = async (): Promise<APIGatewayProxyResult> => {
  if (process.env.DRAINING === 'true') {
    return { statusCode: 503, headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' }, body: 'draining' };
  }
  return { statusCode: 200, body: 'ok' };
};

// positive no-leaked-error-details: the raw error object serialised into the 500 body.
export const putConfig = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk: `config#${event.pathParameters?.app}` }, UpdateExpression: 'SET body = :b', ExpressionAttributeValues: { ':b': event.body } }));
    return { statusCode: 204, body: '' };
  } catch (err) {
    return { statusCode: 500, body: JSON.stringify(err) }; // expect: no-leaked-error-details
  }
};

// negative no-leaked-error-details: the message is returned only when not running in production.
export const deleteConfig = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    await doc.send(new UpdateCommand({ TableName: TABLE, Key: { pk: `config#${event.pathParameters?.app}` }, UpdateExpression: 'REMOVE body' }));
    return { statusCode: 204, body: '' };
  } catch (err) {
    const detail = process.env.NODE_ENV !== 'production' ? (err as Error).message : undefined;
    return { statusCode: 500, body: JSON.stringify({ error: 'Delete failed', detail }) };
  }
};
