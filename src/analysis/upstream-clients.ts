/**
 * The upstream (HTTP) clients the engine knows, as data. An SDK entry means
 * "calls on an instance made from this module go over HTTP". Each call has a
 * role: a `gateway` call reaches someone else's service (its failure is a
 * gateway failure: 502/504), a `store` call reaches the application's own
 * backing store, queue or transport (AWS DynamoDB, S3, SQS...: its failure is
 * this server's failure, like a database's: 500). Both can hang, so both need
 * a timeout. Databases reached through their own drivers are not here at all.
 * Users extend this with `settings['http-semantics'].upstreamCalls`.
 */

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'del']);

/** Modules whose default export / named `fetch` is a fetch implementation. */
export const FETCH_MODULES = new Set([
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'isomorphic-unfetch',
  'undici',
  '@whatwg-node/fetch',
  'ofetch',
  'make-fetch-happen',
  'fetch-retry',
  'ky-universal',
]);

/** `gateway`: another service this server depends on; `store`: the application's own backing store, queue or transport. */
export type UpstreamRole = 'gateway' | 'store';

/** Client libraries: module -> which reference paths are requests. */
export interface ClientSpec {
  client: string;
  /**
   * The role of every call; for families with one module or class per service
   * (`@aws-sdk/client-*`, `aws-sdk`), a function of the module and the factory
   * path (see `AWS_STORE_SERVICES`). Default `gateway`.
   */
  role?: UpstreamRole | ((source: string, factory: readonly string[]) => UpstreamRole);
  /** Paths (from the module object) that perform a request when called. `'*'` matches any one segment. */
  requests: readonly (readonly string[])[];
  /** Paths that create an instance; calls on the instance with a method in `instanceMethods` are requests. */
  factories?: readonly (readonly string[])[];
  instanceMethods?: ReadonlySet<string> | 'any';
  /** Instances are functions that make a request when called (`const api = ky.create(); api(url)`). */
  callable?: boolean;
}

const ANY = 'any' as const;

export const CLIENTS: Readonly<Record<string, ClientSpec>> = {
  axios: {
    client: 'axios',
    requests: [[], ['get'], ['post'], ['put'], ['patch'], ['delete'], ['head'], ['options'], ['request'], ['postForm'], ['putForm'], ['patchForm']],
    factories: [['create']],
    instanceMethods: new Set([...HTTP_METHODS, 'postForm', 'putForm', 'patchForm']),
  },
  got: {
    client: 'got',
    requests: [[], ['get'], ['post'], ['put'], ['patch'], ['delete'], ['head'], ['stream']],
    factories: [['extend']],
    instanceMethods: HTTP_METHODS,
    callable: true,
  },
  ky: {
    client: 'ky',
    requests: [[], ['get'], ['post'], ['put'], ['patch'], ['delete'], ['head']],
    factories: [['create'], ['extend']],
    instanceMethods: HTTP_METHODS,
    callable: true,
  },
  undici: {
    client: 'undici',
    requests: [['request'], ['fetch'], ['stream'], ['pipeline']],
    factories: [['Client'], ['Pool'], ['Agent'], ['BalancedPool']],
    instanceMethods: new Set(['request', 'stream', 'pipeline', 'dispatch']),
  },
  http: { client: 'http.request', requests: [['request'], ['get']] },
  https: { client: 'https.request', requests: [['request'], ['get']] },
  superagent: { client: 'superagent', requests: [[], ['get'], ['post'], ['put'], ['patch'], ['delete'], ['del'], ['head']] },
  needle: { client: 'needle', requests: [[], ['get'], ['post'], ['put'], ['patch'], ['delete'], ['head'], ['request']] },
  wretch: { client: 'wretch', requests: [[]] },
  'graphql-request': {
    client: 'graphql-request',
    requests: [['request'], ['rawRequest']],
    factories: [['GraphQLClient']],
    instanceMethods: new Set(['request', 'rawRequest']),
  },
  ofetch: { client: 'ofetch', requests: [[], ['ofetch'], ['$fetch']], factories: [['ofetch', 'create'], ['$fetch', 'create'], ['create']], instanceMethods: ANY, callable: true },
  '@nestjs/axios': { client: 'HttpService', requests: [] },
  // HTTP-backed SDKs: every call on an instance (or on the module's client functions) is a request.
  stripe: { client: 'stripe', requests: [], factories: [[]], instanceMethods: ANY },
  openai: { client: 'openai', requests: [], factories: [[], ['OpenAI'], ['AzureOpenAI']], instanceMethods: ANY },
  '@anthropic-ai/sdk': { client: 'anthropic', requests: [], factories: [[], ['Anthropic']], instanceMethods: ANY },
  twilio: { client: 'twilio', requests: [], factories: [[], ['Twilio']], instanceMethods: ANY },
  resend: { client: 'resend', requests: [], factories: [['Resend']], instanceMethods: ANY },
  '@sendgrid/mail': { client: 'sendgrid', requests: [['send'], ['sendMultiple']] },
  '@vercel/blob': { client: '@vercel/blob', requests: [['put'], ['del'], ['list'], ['head'], ['copy']] },
  algoliasearch: { client: 'algolia', requests: [], factories: [[], ['algoliasearch']], instanceMethods: ANY },
  '@octokit/rest': { client: 'octokit', requests: [], factories: [['Octokit']], instanceMethods: ANY },
  '@octokit/core': { client: 'octokit', requests: [], factories: [['Octokit']], instanceMethods: ANY },
  '@octokit/graphql': { client: 'octokit', requests: [['graphql']], factories: [['graphql', 'defaults']], instanceMethods: ANY, callable: true },
  '@octokit/request': { client: 'octokit', requests: [['request']], factories: [['request', 'defaults']], instanceMethods: ANY, callable: true },
  octokit: { client: 'octokit', requests: [], factories: [['Octokit'], ['App']], instanceMethods: ANY },
  '@slack/web-api': { client: 'slack', requests: [], factories: [['WebClient']], instanceMethods: ANY },
  '@notionhq/client': { client: 'notion', requests: [], factories: [['Client']], instanceMethods: ANY },
  '@mailchimp/mailchimp_marketing': { client: 'mailchimp', requests: [], factories: [], instanceMethods: ANY },
  'mailgun.js': { client: 'mailgun', requests: [], factories: [['()', 'client']], instanceMethods: ANY },
  postmark: { client: 'postmark', requests: [], factories: [['ServerClient']], instanceMethods: ANY },
  '@paypal/paypal-server-sdk': { client: 'paypal', requests: [], factories: [['Client']], instanceMethods: ANY },
  plaid: { client: 'plaid', requests: [], factories: [['PlaidApi']], instanceMethods: ANY },
  contentful: { client: 'contentful', requests: [], factories: [['createClient']], instanceMethods: ANY },
  '@sanity/client': { client: 'sanity', requests: [], factories: [['createClient']], instanceMethods: ANY },
  '@google/generative-ai': { client: 'gemini', requests: [], factories: [['GoogleGenerativeAI']], instanceMethods: ANY },
  '@google/genai': { client: 'gemini', requests: [], factories: [['GoogleGenAI']], instanceMethods: ANY },
  '@mistralai/mistralai': { client: 'mistral', requests: [], factories: [['Mistral']], instanceMethods: ANY },
  'groq-sdk': { client: 'groq', requests: [], factories: [[]], instanceMethods: ANY },
  replicate: { client: 'replicate', requests: [], factories: [[]], instanceMethods: ANY },
  cohere: { client: 'cohere', requests: [], factories: [['CohereClient']], instanceMethods: ANY },
  'cohere-ai': { client: 'cohere', requests: [], factories: [['CohereClient']], instanceMethods: ANY },
  googleapis: { client: 'googleapis', requests: [], factories: [['google', '*']], instanceMethods: ANY },
  // aws-sdk v2: `new AWS.DynamoDB.DocumentClient()`, `new AWS.S3()`; the service is the first segment of the factory.
  'aws-sdk': { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: ANY, role: awsRole },
};

/**
 * AWS services whose calls reach the application's own data plane: its tables,
 * buckets, queues, topics, streams, event buses, state machines, cache
 * clusters, secrets and parameters, and the connections of its own WebSocket
 * API. A failing call there is like a failing database call. Names as the
 * service appears in each SDK: the aws-sdk v2 class (`AWS.DynamoDB`, also its
 * `aws-sdk/clients/<lower-case>` module) and the v3 package
 * (`@aws-sdk/client-<name>`, `@aws-sdk/lib-<name>`). Every other AWS service
 * (Lambda invoke, Bedrock, SES, Comprehend...) is another service: `gateway`.
 */
export const AWS_STORE_SERVICES = {
  v2: new Set([
    'DynamoDB',
    'DynamoDBStreams',
    'S3',
    'SQS',
    'SNS',
    'Kinesis',
    'Firehose',
    'EventBridge',
    'CloudWatchEvents',
    'StepFunctions',
    'RDSDataService',
    'ApiGatewayManagementApi',
    'ElastiCache',
    'SecretsManager',
    'SSM',
  ]),
  v3: new Set([
    'dynamodb',
    'dynamodb-streams',
    's3',
    'sqs',
    'sns',
    'kinesis',
    'firehose',
    'eventbridge',
    'sfn',
    'rds-data',
    'apigatewaymanagementapi',
    'elasticache',
    'secrets-manager',
    'ssm',
    // High-level libraries over those clients: `@aws-sdk/lib-dynamodb`, `@aws-sdk/lib-storage` (S3 uploads).
    'lib-dynamodb',
    'lib-storage',
  ]),
};

/** The role of an AWS call: by the v2 class (`DynamoDB` of `AWS.DynamoDB.DocumentClient`) or the module (`aws-sdk/clients/dynamodb`, `@aws-sdk/client-dynamodb`). */
function awsRole(source: string, factory: readonly string[]): UpstreamRole {
  if (source === 'aws-sdk') return AWS_STORE_SERVICES.v2.has(factory[0] ?? '') ? 'store' : 'gateway';
  if (source.startsWith('aws-sdk/clients/')) {
    const name = source.slice('aws-sdk/clients/'.length);
    return [...AWS_STORE_SERVICES.v2].some((s) => s.toLowerCase() === name) ? 'store' : 'gateway';
  }
  return AWS_STORE_SERVICES.v3.has(source.replace(/^@aws-sdk\/(client-)?/, '')) ? 'store' : 'gateway';
}

/** Prefix families: `@aws-sdk/client-s3`, `@google-cloud/storage`. */
export const CLIENT_PREFIXES: readonly (readonly [string, ClientSpec])[] = [
  ['@aws-sdk/client-', { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: new Set(['send']), role: awsRole }],
  // `DynamoDBDocumentClient.from(new DynamoDBClient({}))` sends the same commands; `new Upload({ client, params }).done()` uploads to S3.
  ['@aws-sdk/lib-', { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: new Set(['send', 'done']), role: awsRole }],
  ['aws-sdk/clients/', { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: ANY, role: awsRole }],
  ['@google-cloud/', { client: 'google-cloud', requests: [], factories: [['*']], instanceMethods: ANY }],
  ['@azure/', { client: 'azure', requests: [], factories: [['*']], instanceMethods: ANY }],
];

/**
 * Local sidecars: HTTP endpoints served inside the function's own execution
 * environment, not remote services. A call to them reads a local cache (the
 * remote call, and its timeout, belong to the sidecar), like reading a file.
 * - AWS Lambda extensions on loopback: the AppConfig agent (2772) and the
 *   Parameters and Secrets extension (2773).
 * - The Lambda Runtime API, at the host named by `AWS_LAMBDA_RUNTIME_API`.
 * Other loopback ports are not here: a separate service on localhost is real.
 */
export const LOCAL_SIDECARS = {
  loopbackHosts: new Set(['localhost', '127.0.0.1', '[::1]']),
  loopbackPorts: new Set(['2772', '2773']),
  hostEnv: new Set(['AWS_LAMBDA_RUNTIME_API']),
};

/** Data stores that happen to speak HTTP, reached through their own clients: database work, not upstream calls. (AWS's are `store` upstream calls instead.) */
export const NOT_UPSTREAM_PREFIXES = [
  '@google-cloud/firestore',
  '@google-cloud/datastore',
  '@google-cloud/spanner',
  '@google-cloud/bigtable',
  '@azure/cosmos',
  '@azure/data-tables',
];

/**
 * Modules whose calls are database work (their failures are this server's
 * problem, not a gateway's), even when the driver speaks HTTP underneath.
 */
export const DATABASE_MODULES = new Set([
  '@prisma/client',
  'pg',
  'postgres',
  'mysql',
  'mysql2',
  'mysql2/promise',
  'mongodb',
  'mongoose',
  'redis',
  'ioredis',
  'knex',
  'kysely',
  'drizzle-orm',
  'typeorm',
  'sequelize',
  '@mikro-orm/core',
  'better-sqlite3',
  'sqlite3',
  '@planetscale/database',
  '@neondatabase/serverless',
  '@vercel/postgres',
  '@vercel/kv',
  '@upstash/redis',
  '@libsql/client',
  '@supabase/supabase-js',
  'cassandra-driver',
  'nano',
  'bullmq',
  // Their non-request calls (`DynamoDBDocumentClient.from()`) are database set-up; their requests are `store` upstream calls.
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/client-rds-data',
  ...NOT_UPSTREAM_PREFIXES,
]);

/** Modules whose calls are local work (CPU, local processes, formatting): they never reach another service. */
export const LOCAL_MODULES = new Set([
  'util',
  'zlib',
  'crypto',
  'child_process',
  'os',
  'stream',
  'stream/promises',
  'sharp',
  'jimp',
  'pdfkit',
  'pdf-lib',
  'canvas',
  '@napi-rs/canvas',
  'bcrypt',
  'bcryptjs',
  'argon2',
  'jsonwebtoken',
  'marked',
  'handlebars',
  'ejs',
  'pug',
  'mustache',
  'sanitize-html',
  'xlsx',
  'exceljs',
  'papaparse',
  'csv-parse',
  'csv-parse/sync',
  'csv-stringify',
  'csv-stringify/sync',
  'archiver',
  'adm-zip',
  'fluent-ffmpeg',
  'execa',
  'uuid',
  'nanoid',
  'slugify',
  'dayjs',
  'date-fns',
  'luxon',
  'moment',
  'lodash',
  'qrcode',
  'mjml',
  '@react-email/render',
  'react-dom/server',
  'json2csv',
  'xml2js',
  'fast-xml-parser',
  'yaml',
  'js-yaml',
]);

/** Calls that build values rather than do failable work: framework response helpers (`json()` from @remix-run/node or @sveltejs/kit), rxjs operators. */
export const INERT_MODULES = new Set([
  'path',
  'url',
  'querystring',
  '@remix-run/node',
  '@remix-run/cloudflare',
  '@remix-run/deno',
  '@remix-run/server-runtime',
  'react-router',
  '@react-router/node',
  '@sveltejs/kit',
  'next/server',
  'rxjs',
  'rxjs/operators',
]);
