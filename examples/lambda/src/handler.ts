import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import Joi from 'joi';
import { shipmentTracking } from './carrier';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.SHIPMENTS_TABLE ?? 'shipments';

const ShipmentSchema = Joi.object({
  orderId: Joi.string().required(),
  carrier: Joi.string().valid('ups', 'dhl', 'fedex').required(),
  trackingNumber: Joi.string().alphanum().min(8).max(30).required(),
});

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export async function registerShipment(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const { error, value } = ShipmentSchema.validate(JSON.parse(event.body ?? '{}'));
  if (error) {
    return { statusCode: 500, body: JSON.stringify({ error: error.message }) };
  }
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: value.orderId, ...value } }));
  return json(201, { ok: true });
}

export async function trackShipment(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const trackingNumber = event.pathParameters?.trackingNumber;
  if (!trackingNumber) return json(400, { error: 'trackingNumber is required' });

  try {
    const status = await shipmentTracking(trackingNumber);
    return json(200, status, { 'cache-control': 'public, max-age=120' });
  } catch (err) {
    console.error('carrier lookup failed', err);
    return { statusCode: 500, headers: { 'cache-control': 'public, max-age=120' }, body: JSON.stringify({ error: 'Tracking unavailable' }) };
  }
}

export async function carrierStatus(): Promise<APIGatewayProxyResultV2> {
  if (process.env.CARRIER_MAINTENANCE === 'true') {
    return { statusCode: 503, body: JSON.stringify({ error: 'Carrier integration under maintenance' }) };
  }
  return json(200, { ok: true });
}
