/**
 * Upstream calls (upstream.ts, upstream-clients.ts): requests this server
 * makes to other HTTP services. Each line is `L<line> <client> [url=...]
 * [options] [instance=L<n>] [via=<client>@L<n>]`.
 */
import { probe, upstreamCalls } from './probe';

/** `L5 aws-sdk store`: each upstream call's line, client and role. */
function roles(code: string): string[] {
  return probe(code).model.upstreamCalls.map((u) => `L${u.node.loc.start.line} ${u.client} ${u.role}`);
}

describe('fetch and fetch-compatible modules', () => {
  it('global fetch with a URL and options', () => {
    expect(
      upstreamCalls(`
export async function GET() {
  const res = await fetch(\`\${process.env.API}/users\`, { signal: AbortSignal.timeout(5000) });
  const again = await globalThis.fetch('https://x');
  return res;
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L3 fetch url=\`\${process.env.API}/users\` options",
        "L4 fetch url='https://x'",
      ]
    `);
  });

  it('node-fetch, undici fetch, cross-fetch', () => {
    expect(
      upstreamCalls(`
import nodeFetch from 'node-fetch';
import { fetch as undiciFetch } from 'undici';
const crossFetch = require('cross-fetch');
export async function f() {
  await nodeFetch('https://a');
  await undiciFetch('https://b');
  await crossFetch('https://c');
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L6 fetch url='https://a'",
        "L7 fetch url='https://b'",
        "L8 fetch url='https://c'",
      ]
    `);
  });

  it('ofetch, the $fetch global (Nuxt) and a callable ofetch.create() instance', () => {
    expect(
      upstreamCalls(`
import { ofetch } from 'ofetch';
const api = ofetch.create({ baseURL: 'https://api' });
export default defineEventHandler(async () => {
  await ofetch('/a');
  await $fetch('/b');
  await api('/c');
});
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 ofetch url='/a'",
        "L6 ofetch url='/b'",
        "L7 ofetch url='/c' instance=L3",
      ]
    `);
  });

  it('a local function named fetch is not the global', () => {
    expect(
      upstreamCalls(`
function fetch(key) { return cache.get(key); }
export const f = () => fetch('k');
`),
    ).toEqual([]);
  });
});

describe('axios', () => {
  it('axios(), axios.get/post(), axios.request(); the url and config argument', () => {
    expect(
      upstreamCalls(`
import axios from 'axios';
export async function f(id) {
  await axios.get(\`/users/\${id}\`, { timeout: 1000 });
  await axios.post('/users', { name: 'x' }, { timeout: 1000 });
  await axios({ url: '/a', method: 'get' });
  await axios.request({ url: '/b' });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L4 axios url=\`/users/\${id}\` options",
        "L5 axios url='/users' options",
        "L6 axios options",
        "L7 axios options",
      ]
    `);
  });

  it('axios.create() instances, including through require and this', () => {
    expect(
      upstreamCalls(`
const axios = require('axios');
const client = axios.create({ baseURL: 'https://api', timeout: 2000 });
module.exports = async function f() {
  await client.get('/a');
  await client.patch('/b', {});
  client.interceptors.request.use((c) => c);
};
`, { filename: 'a.js' }),
    ).toMatchInlineSnapshot(`
      [
        "L5 axios url='/a' instance=L3",
        "L6 axios url='/b' options instance=L3",
      ]
    `);
  });
});

describe('other HTTP clients', () => {
  it('got, ky and their instances', () => {
    expect(
      upstreamCalls(`
import got from 'got';
import ky from 'ky';
const gh = got.extend({ prefixUrl: 'https://api.github.com' });
const api = ky.create({ prefixUrl: 'https://api' });
export async function f() {
  await got('https://a').json();
  await got.post('https://b', { json: {} });
  await gh.get('repos');
  await ky.get('https://c').json();
  await api.post('d');
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L7 got url='https://a'",
        "L8 got url='https://b' options",
        "L9 got url='repos' instance=L4",
        "L10 ky url='https://c'",
        "L11 ky url='d' instance=L5",
      ]
    `);
  });

  it('undici request and Client/Pool instances', () => {
    expect(
      upstreamCalls(`
import { request, Pool } from 'undici';
const pool = new Pool('https://api');
export async function f() {
  await request('https://a');
  await pool.request({ path: '/b', method: 'GET' });
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L5 undici url='https://a'",
        "L6 undici options instance=L3",
      ]
    `);
  });

  it('http.request/get and https.request/get (node: prefix and namespace imports)', () => {
    expect(
      upstreamCalls(`
import https from 'node:https';
import * as http from 'http';
export function f(cb) {
  https.get('https://a', cb);
  http.request({ host: 'b' }, cb).end();
  http.createServer(cb);
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L5 https.request",
        "L6 http.request",
      ]
    `);
  });

  it('superagent, needle, wretch, graphql-request', () => {
    expect(
      upstreamCalls(`
import superagent from 'superagent';
import needle from 'needle';
import wretch from 'wretch';
import { request as gql, GraphQLClient } from 'graphql-request';
const client = new GraphQLClient('https://api/graphql');
export async function f() {
  await superagent.get('https://a');
  await needle('get', 'https://b');
  await needle.post('https://c', {});
  await wretch('https://d').get().json();
  await gql('https://e', 'query { x }');
  await client.request('query { y }');
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L8 superagent",
        "L9 needle",
        "L10 needle",
        "L11 wretch",
        "L12 graphql-request",
        "L13 graphql-request instance=L6",
      ]
    `);
  });
});

describe('NestJS HttpService', () => {
  it('this.http.get() on a constructor-injected HttpService', () => {
    expect(
      upstreamCalls(`
import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
@Injectable()
export class WeatherService {
  constructor(private readonly http: HttpService, private readonly repo: Repo) {}
  async get() {
    const { data } = await firstValueFrom(this.http.get('https://weather'));
    await this.repo.find();
    return data;
  }
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L9 HttpService",
      ]
    `);
  });
});

describe('HTTP-backed SDKs', () => {
  it('stripe, openai, anthropic, twilio, resend', () => {
    expect(
      upstreamCalls(`
import Stripe from 'stripe';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import twilio from 'twilio';
import { Resend } from 'resend';
const stripe = new Stripe(process.env.STRIPE_KEY);
const openai = new OpenAI();
const anthropic = new Anthropic();
const sms = twilio(sid, token);
const resend = new Resend(key);
export async function f() {
  await stripe.paymentIntents.create({ amount: 1 });
  await openai.chat.completions.create({ model: 'x', messages: [] });
  await anthropic.messages.create({ model: 'x', max_tokens: 1, messages: [] });
  await sms.messages.create({ to: 'x' });
  await resend.emails.send({ to: 'x' });
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L13 stripe instance=L7",
        "L14 openai instance=L8",
        "L15 anthropic instance=L9",
        "L16 twilio instance=L10",
        "L17 resend instance=L11",
      ]
    `);
  });

  it('@aws-sdk/client-* send, @octokit, @slack/web-api, @sendgrid/mail, @vercel/blob, algoliasearch, @google-cloud/*', () => {
    expect(
      upstreamCalls(`
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { Octokit } from '@octokit/rest';
import { WebClient } from '@slack/web-api';
import sgMail from '@sendgrid/mail';
import { put } from '@vercel/blob';
import algoliasearch from 'algoliasearch';
import { Translate } from '@google-cloud/translate';
const s3 = new S3Client({});
const octokit = new Octokit();
const slack = new WebClient(token);
const algolia = algoliasearch('app', 'key');
const translator = new Translate();
export async function f() {
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));
  await octokit.rest.repos.get({ owner: 'o', repo: 'r' });
  await slack.chat.postMessage({ channel: 'c', text: 't' });
  await sgMail.send({ to: 'x' });
  await put('a.txt', 'x', { access: 'public' });
  await algolia.search({ requests: [] });
  await translator.translate('hello', 'es');
  sgMail.setApiKey(key);
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L15 aws-sdk instance=L9",
        "L16 octokit instance=L10",
        "L17 slack instance=L11",
        "L18 sendgrid",
        "L19 @vercel/blob",
        "L20 algolia instance=L12",
        "L21 google-cloud instance=L13",
      ]
    `);
  });
});

describe('not upstream: databases and the file system', () => {
  it('prisma, pg, mongoose, fs/promises', () => {
    expect(
      upstreamCalls(`
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';
import mongoose from 'mongoose';
import { readFile } from 'node:fs/promises';
const prisma = new PrismaClient();
const pool = new Pool();
const User = mongoose.model('User', schema);
export async function f() {
  await prisma.user.findMany();
  await pool.query('select 1');
  await User.findById('x');
  await readFile('x');
}
`),
    ).toEqual([]);
  });
});

describe('roles: AWS data services are the app’s own stores, other services are gateways', () => {
  it('aws-sdk v3 clients and lib-dynamodb: store by package, gateway otherwise', () => {
    expect(
      roles(`
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
const ddb = new DynamoDBClient({});
const doc = DynamoDBDocumentClient.from(ddb);
const kinesis = new KinesisClient({});
const sockets = new ApiGatewayManagementApiClient({});
const secrets = new SecretsManagerClient({});
const lambda = new LambdaClient({});
const ses = new SESv2Client({});
export async function f() {
  await ddb.send(new GetItemCommand({}));
  await doc.send(cmd);
  await kinesis.send(cmd);
  await sockets.send(cmd);
  await secrets.send(cmd);
  await lambda.send(cmd);
  await ses.send(cmd);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L17 aws-sdk store",
        "L18 aws-sdk store",
        "L19 aws-sdk store",
        "L20 aws-sdk store",
        "L21 aws-sdk store",
        "L22 aws-sdk gateway",
        "L23 aws-sdk gateway",
      ]
    `);
  });

  it('aws-sdk v2: by the service class, also from aws-sdk/clients/<service>', () => {
    expect(
      roles(`
const AWS = require('aws-sdk');
const SQS = require('aws-sdk/clients/sqs');
const Lambda = require('aws-sdk/clients/lambda');
const doc = new AWS.DynamoDB.DocumentClient();
const s3 = new AWS.S3();
const sqs = new SQS();
const lambda = new Lambda();
const comprehend = new AWS.Comprehend();
export async function f() {
  await doc.put(params);
  await s3.getObject(params);
  await sqs.sendMessage(params);
  await lambda.invoke(params);
  await comprehend.detectSentiment(params);
}
`),
    ).toMatchInlineSnapshot(`
  [
    "L11 aws-sdk store",
    "L12 aws-sdk store",
    "L13 aws-sdk store",
    "L14 aws-sdk gateway",
    "L15 aws-sdk gateway",
  ]
`);
  });

  it('fetch and a same-file helper wrapping a store call then a gateway call: the helper is a gateway call', () => {
    expect(
      roles(`
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
async function archive(cmd) {
  await s3.send(cmd);
  await fetch('https://hooks.example.com/archived');
}
export async function f() {
  await archive(cmd);
}
`),
    ).toMatchInlineSnapshot(`
          [
            "L5 aws-sdk store",
            "L6 fetch gateway",
            "L9 fetch gateway",
          ]
        `);
  });
});

describe('local sidecars are not upstream calls', () => {
  it('Lambda extensions on loopback 2772/2773 and the Runtime API host; not other loopback ports', () => {
    expect(
      upstreamCalls(`
import axios from 'axios';
const PARAMS = 'http://localhost:2773/systemsmanager/parameters/get?name=';
export async function f(name) {
  await fetch('http://localhost:2772/applications/a/environments/e/configurations/c');
  await axios.get(PARAMS + name);
  await fetch(\`http://\${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next\`);
  await fetch(new URL('/applications/a', 'http://127.0.0.1:2772'));
  await fetch('http://localhost:1337/api/articles');
  await fetch('http://localhost:2772' + path);
}
`),
    ).toMatchInlineSnapshot(`
      [
        "L9 fetch url='http://localhost:1337/api/articles'",
        "L10 fetch url='http://localhost:2772' + path",
      ]
    `);
  });
});

describe('user settings: upstreamCalls patterns', () => {
  it('matches module-free callees, `this.` prefixes and wildcards', () => {
    expect(
      upstreamCalls(
        `
export class OrdersController {
  async create() {
    await this.payments.charge(1);
    await paymentsClient.refund(2);
    await s3Client.send(cmd);
    await s3Client.config();
    await callBilling();
  }
}
`,
        { settings: { 'http-semantics': { upstreamCalls: ['payments.*', 'paymentsClient.*', 's3Client.send', 'callBilling'] } } },
      ),
    ).toMatchInlineSnapshot(`
      [
        "L4 settings",
        "L5 settings",
        "L6 settings",
        "L8 settings",
      ]
    `);
  });

  it('invalid settings fail loudly', () => {
    expect(() => upstreamCalls('fetch(1)', { settings: { 'http-semantics': { upstreamCalls: 'stripe.*' } } })).toThrow(/upstreamCalls must be an array/);
    expect(() => upstreamCalls('fetch(1)', { settings: { 'http-semantics': { upstream: [] } } })).toThrow(/unknown setting/);
  });
});

describe('same-file helpers', () => {
  it('a function that makes an upstream call makes its callers upstream calls, up to three levels', () => {
    expect(
      upstreamCalls(`
async function getWeather(city) {
  const res = await fetch(\`https://weather/\${city}\`);
  return res.json();
}
const forecast = async (city) => getWeather(city);
async function summary(city) { return forecast(city); }
export async function handler(req, res) {
  res.json(await summary(req.query.city));
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L3 fetch",
        "L6 fetch via=fetch@L3",
        "L7 fetch via=fetch@L6",
        "L9 fetch via=fetch@L7",
      ]
    `);
  });

  it('this.helper() in the same class; recursion is not its own upstream call', () => {
    expect(
      upstreamCalls(`
import axios from 'axios';
export class Api {
  async load(id) { return axios.get('/x/' + id); }
  async show(id) { return this.load(id); }
}
async function retry(n) {
  try { return await fetch('https://x'); } catch { return retry(n - 1); }
}
`, { brief: true }),
    ).toMatchInlineSnapshot(`
      [
        "L4 axios",
        "L8 fetch",
        "L5 axios via=axios@L4",
      ]
    `);
  });
});

describe('known gaps (upstream.ts, not fixed here)', () => {
  // record() takes the first argument as the URL whenever the client is URL-first, also for
  // calls that only reach the client through a same-file helper (`getWeather(city)`) and for
  // a GraphQLClient instance, whose first argument is the query document.
  it.fails('helper calls and GraphQLClient.request() have no url', () => {
    expect(
      upstreamCalls(`
import { GraphQLClient } from 'graphql-request';
const client = new GraphQLClient('https://api/graphql');
async function getWeather(city) { return fetch('https://weather/' + city); }
export async function h(req, res) {
  await client.request('query { y }');
  res.json(await getWeather(req.query.city));
}
`),
    ).toEqual(["L4 fetch url='https://weather/' + city", 'L6 graphql-request instance=L3', 'L7 fetch via=fetch@L4']);
  });

  // `https.get(url, callback)`: with no options object, the second argument (the response
  // callback) is recorded as the request options.
  it.fails('https.get(url, callback) has no options', () => {
    expect(
      upstreamCalls(`
import https from 'node:https';
export function ping(req, res) {
  https.get('https://a', (r) => res.sendStatus(r.statusCode));
}
`),
    ).toEqual(["L4 https.request url='https://a'"]);
  });

  // axios.post/put/patch(url, data, config): the second argument is the request body,
  // yet it is recorded as `options` when there is no third argument, so a body with a
  // `timeout` key would count as a timeout option.
  it.fails('axios.post(url, data) has no options (the data is the body)', () => {
    expect(
      upstreamCalls(`
import axios from 'axios';
export const f = () => axios.post('/jobs', { timeout: 30 });
`),
    ).toEqual(["L3 axios url='/jobs'"]);
  });

  // `storage.bucket('b').file('f').save(x)`: the request is `save`, but the call recorded
  // is the innermost `storage.bucket('b')` (the factory match stops at the first '()').
  it.fails('a chained @google-cloud call is recorded at the method that performs the request', () => {
    const lines = upstreamCalls(`
import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function upload(req, res) {
  await storage
    .bucket('b')
    .file('f')
    .save(req.body);
  res.status(201).end();
}
`);
    expect(lines).toEqual(['L8 google-cloud instance=L3']);
  });
});
