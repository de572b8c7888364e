// Accuracy corpus: AWS Lambda (API Gateway) — S3, SES, SQS and DynamoDB calls failing, results built by hand. S3, SQS and DynamoDB are the
// service's own stores (their failure is this server's: 500); SES and the scanner are other services (502/504). Labels: see test/corpus/README.md.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { S3Client, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBClient, GetItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import axios from 'axios';

const s3 = new S3Client({});
const ses = new SESv2Client({});
const sqs = new SQSClient({});
const ddb = new DynamoDBClient({});
const BUCKET = process.env.MEDIA_BUCKET!;

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

// negative no-500-for-upstream-failure: S3 is the service's own storage; a GetObject failure (other than NoSuchKey) is its own failure, so the hand-built 500 is right.
export const getMedia = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const key = event.pathParameters?.key;
  if (!key) return json(400, { error: 'key is required' });
  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return { statusCode: 200, headers: { 'content-type': obj.ContentType ?? 'application/octet-stream' }, body: await obj.Body!.transformToString('base64'), isBase64Encoded: true };
  } catch (err) {
    if (err instanceof NoSuchKey) return json(404, { error: 'Not found' });
    console.error('s3 get failed', err);
    return {
      statusCode: 500,
      body: JSON.stringify({ error: 'Could not read media' }),
    };
  }
};

// positive no-500-for-upstream-failure (502): the try only sends through SES (the URL is presigned locally before it); the helper-built 500 result.
export const sendShareEmail = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const { to, key } = JSON.parse(event.body ?? '{}');
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 3600 });
  try {
    await ses.send(new SendEmailCommand({
      Destination: { ToAddresses: [to] },
      FromEmailAddress: 'media@example.com',
      Content: { Simple: { Subject: { Data: 'A file was shared with you' }, Body: { Text: { Data: url } } } },
    }));
    return json(202, { sent: true });
  } catch (err) {
    console.error('share email failed', err);
    return json(500, { error: 'Could not send email' }); // expect: no-500-for-upstream-failure 502
  }
};

// negative no-500-for-upstream-failure: the DynamoDB client is the service's own database, so 500 is right.
export const getMediaMeta = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  try {
    const { Item } = await ddb.send(new GetItemCommand({ TableName: process.env.MEDIA_TABLE!, Key: { pk: { S: event.pathParameters!.key! } } }));
    if (!Item) return json(404, { error: 'Not found' });
    return json(200, { key: Item.pk.S, size: Number(Item.size.N) });
  } catch (err) {
    console.error('dynamodb get failed', err);
    return json(500, { error: 'Could not read metadata' });
  }
};

// positive no-502-for-internal-error (500): DynamoDB (own database) failure answered 502.
export const deleteMediaMeta = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  try {
    await ddb.send(new DeleteItemCommand({ TableName: process.env.MEDIA_TABLE!, Key: { pk: { S: event.pathParameters!.key! } } }));
    return { statusCode: 204 };
  } catch (err) {
    return { // expect: no-502-for-internal-error 500
      statusCode: 502,
      body: JSON.stringify({ error: 'Metadata store failed' }),
    };
  }
};

// negative no-500-for-upstream-failure: SQS enqueue only; the queue is the service's own, so its failure answered 500 is right.
export const enqueueTranscode = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const { key, preset } = JSON.parse(event.body ?? '{}');
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.TRANSCODE_QUEUE_URL!, MessageBody: JSON.stringify({ key, preset }) }));
    return json(202, { queued: true });
  } catch (err) {
    console.error('sqs send failed', err);
    return json(500, { error: 'Could not queue transcode' });
  }
};

// positive require-upstream-timeout: axios call to the virus scanner without a timeout; positive no-500-for-upstream-failure (504): ECONNABORTED answered 500.
export const scanMedia = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const { key } = JSON.parse(event.body ?? '{}');
  try {
    const { data } = await axios.post(`${process.env.SCANNER_URL}/scan`, { bucket: BUCKET, key }); // expect: require-upstream-timeout
    return json(200, { clean: data.clean });
  } catch (err) {
    if (axios.isAxiosError(err) && err.code === 'ECONNABORTED') {
      return json(500, { error: 'Scanner timed out' }); // expect: no-500-for-upstream-failure 504
    }
    return json(502, { error: 'Scanner failed' });
  }
};

// negative require-upstream-timeout: axios call with a timeout; negative no-500-for-upstream-failure: the scanner's status is forwarded.
export const scanStatus = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const res = await axios.get(`${process.env.SCANNER_URL}/scans/${event.pathParameters!.id}`, { timeout: 3000, validateStatus: () => true });
  return json(res.status, res.data);
};

// positive no-500-for-upstream-failure (502): axios with validateStatus: () => true, then a failed status answered 500.
export const scanReport = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const res = await axios.get(`${process.env.SCANNER_URL}/scans/${event.pathParameters!.id}/report`, { timeout: 3000, validateStatus: () => true });
  if (res.status >= 400) {
    return json(500, { error: 'Scanner report unavailable' }); // expect: no-500-for-upstream-failure 502
  }
  return json(200, res.data);
};
