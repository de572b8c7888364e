// Extra hygiene cases (AWS Lambda / API Gateway).
import type { APIGatewayProxyHandler } from 'aws-lambda';
import { ddb } from '../lib/ddb';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const CACHED = { ...JSON_HEADERS, 'Cache-Control': 'public, max-age=600' };

export const getCatalog: APIGatewayProxyHandler = async () => {
  try {
    const items = await ddb.scanCatalog();
    return { statusCode: 200, headers: CACHED, body: JSON.stringify(items) };
  } catch (err) {
    console.error(err);
    return { statusCode: 500, headers: CACHED, body: JSON.stringify({ error: 'Catalog unavailable' }) }; // expect: no-cacheable-error-response
  }
};

export const putItem: APIGatewayProxyHandler = async (event) => {
  try {
    await ddb.putItem(JSON.parse(event.body ?? '{}'));
    return { statusCode: 204, body: '' };
  } catch (err) {
    return { statusCode: 500, headers: JSON_HEADERS, body: JSON.stringify({ message: 'Could not save', error: err }) }; // expect: no-leaked-error-details
  }
};

export const throttled: APIGatewayProxyHandler = async () => ({
  statusCode: 429,
  headers: { ...JSON_HEADERS, 'Retry-After': '30' },
  body: JSON.stringify({ error: 'Slow down' }),
});

export const maintenance: APIGatewayProxyHandler = async () => {
  return { statusCode: 503, headers: JSON_HEADERS, body: JSON.stringify({ error: 'Maintenance' }) }; // expect: require-retry-after
};
