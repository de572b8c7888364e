/**
 * The upstream (HTTP) clients the engine knows, as data. An SDK entry means
 * "calls on an instance made from this module go over HTTP to someone else's
 * service". Databases (including DynamoDB and other data stores reached over
 * HTTP) are deliberately not here: their failures are not gateway failures.
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

/** Client libraries: module -> which reference paths are requests. */
export interface ClientSpec {
  client: string;
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
  'aws-sdk': { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: ANY },
};

/** Prefix families: `@aws-sdk/client-s3`, `@google-cloud/storage`. */
export const CLIENT_PREFIXES: readonly (readonly [string, ClientSpec])[] = [
  ['@aws-sdk/client-', { client: 'aws-sdk', requests: [], factories: [['*']], instanceMethods: new Set(['send']) }],
  ['@google-cloud/', { client: 'google-cloud', requests: [], factories: [['*']], instanceMethods: ANY }],
  ['@azure/', { client: 'azure', requests: [], factories: [['*']], instanceMethods: ANY }],
];

/** Data stores that happen to speak HTTP: their failures are database failures, not gateway failures. */
export const NOT_UPSTREAM_PREFIXES = [
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/client-rds-data',
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
