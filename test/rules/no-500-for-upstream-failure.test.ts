/**
 * no-500-for-upstream-failure: a 500 sent because a call to another HTTP
 * service failed. Cases are grouped by framework and by upstream client;
 * invalid cases assert the message data (which upstream call, the status sent,
 * the status to send), the position, and the suggestion's whole fixed source.
 */
import type { InvalidTestCase, TestCaseError } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-500-for-upstream-failure';
import { ruleTester } from '../rule-tester';
import { at, fixed } from './upstream-helpers';

const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

type Invalid = InvalidTestCase<MessageIds, Options>;

const EXPECTED = { 502: '502 Bad Gateway', 504: '504 Gateway Timeout' } as const;

interface Expected {
  /** A snippet that starts where the report starts (unique in the code). */
  report: string;
  /** The upstream label, e.g. "The fetch to `https://x` on line 4". */
  upstream: string;
  /** The whole source after the suggestion; `null` when no suggestion is offered. */
  output: string | null;
  expected?: 502 | 504;
}

function error(code: string, { report, upstream, output, expected = 502 }: Expected): TestCaseError<MessageIds> {
  const status = EXPECTED[expected];
  return {
    messageId: expected === 504 ? 'timeout500' : 'upstream500',
    data: { upstream, actual: '500 Internal Server Error', expected: status },
    ...at(code, report),
    suggestions: output === null ? [] : [{ messageId: 'useStatus', data: { expected: status }, output }],
  };
}

function invalid(name: string, code: string, expected: Omit<Expected, 'output'> & { output?: string | null; edit?: [string, string] }, extra: Partial<Invalid> = {}): Invalid {
  const output = expected.output !== undefined ? expected.output : fixed(code, expected.edit!);
  return { name, code, errors: [error(code, { ...expected, output })], ...extra };
}

const line = (code: string, snippet: string) => at(code, snippet).line;

// ---------------------------------------------------------------------------
// Express + fetch

const expressFetchBranch = `
import express from 'express';
const app = express();
app.get('/users/:id', async (req, res) => {
  const r = await fetch(\`\${API_URL}/users/\${req.params.id}\`, { signal: AbortSignal.timeout(3000) });
  if (!r.ok) return res.status(500).json({ error: 'upstream' });
  res.json(await r.json());
});
`;

const expressFetchCatch = `
import express from 'express';
const app = express();
app.get('/rates', async (req, res) => {
  try {
    const r = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(3000) });
    res.json(await r.json());
  } catch (err) {
    res.status(500).json({ error: 'rates unavailable' });
  }
});
`;

const expressTimeout = `
import express from 'express';
const app = express();
app.get('/rates', async (req, res) => {
  try {
    const r = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(3000) });
    res.json(await r.json());
  } catch (err) {
    if (err.name === 'TimeoutError') return res.status(500).json({ error: 'timed out' });
    res.status(502).json({ error: 'rates unavailable' });
  }
});
`;

const expressAbortOr = `
import express from 'express';
const app = express();
app.get('/fx', async (req, res) => {
  try {
    const r = await fetch('https://fx.example.com/h', { signal: AbortSignal.timeout(3000) });
    res.json(await r.json());
  } catch (err) {
    if (err.name === 'AbortError' || err.name === 'TimeoutError') {
      return res.status(500).send('timed out');
    }
    return res.status(502).send('failed');
  }
});
`;

const expressNegativeTimeout = `
import express from 'express';
const app = express();
app.get('/fx', async (req, res) => {
  try {
    const r = await fetch('https://fx.example.com/h', { signal: AbortSignal.timeout(3000) });
    res.json(await r.json());
  } catch (err) {
    if (err.name === 'TimeoutError') return res.status(504).send('timed out');
    res.sendStatus(500);
  }
});
`;

const expressPromiseCatch = `
import express from 'express';
const router = express.Router();
router.get('/moon', (req, res) => {
  fetch('https://moon.example.com/today', { signal: AbortSignal.timeout(3000) })
    .then((r) => r.json())
    .then((moon) => res.json(moon))
    .catch(() => res.status(500).json({ error: 'moon unavailable' }));
});
`;

const expressHelper = `
import express from 'express';
const app = express();
async function getWeather(city: string) {
  const r = await fetch(\`https://weather.example.com/\${city}\`, { signal: AbortSignal.timeout(2000) });
  if (!r.ok) throw new Error('weather failed');
  return r.json();
}
app.get('/weather/:city', async (req, res) => {
  try {
    res.json(await getWeather(req.params.city));
  } catch {
    res.status(500).json({ error: 'weather unavailable' });
  }
});
`;

const expressPromiseHelper = `
import express from 'express';
import https from 'node:https';
const app = express();
function postJson(url, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', timeout: 3000 }, (res) => resolve(res));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
app.post('/tax', async (req, res) => {
  try {
    res.json(await postJson('https://tax.example.com/quote', req.body));
  } catch (err) {
    if (err.code === 'ETIMEDOUT') return res.status(500).json({ error: 'tax timed out' });
    res.status(502).json({ error: 'tax failed' });
  }
});
`;

const expressServiceObject = `
import express from 'express';
const app = express();
const weatherService = {
  async forecast(city: string) {
    const r = await fetch(\`https://weather.example.com/\${city}\`, { signal: AbortSignal.timeout(2000) });
    return r.json();
  },
};
app.get('/forecast/:city', async (req, res) => {
  try {
    res.json(await weatherService.forecast(req.params.city));
  } catch {
    res.status(500).end();
  }
});
`;

const expressValidatedUpstream = `
import express from 'express';
import { z } from 'zod';
const app = express();
const Forecast = z.object({ temp: z.number() });
app.get('/forecast', async (req, res) => {
  const r = await fetch('https://weather.example.com/f', { signal: AbortSignal.timeout(2000) });
  const parsed = Forecast.safeParse(await r.json());
  if (!parsed.success) return res.status(500).json({ error: 'unexpected payload' });
  res.json(parsed.data);
});
`;

// ---------------------------------------------------------------------------
// Clients

const axiosIsAxiosError = `
import express from 'express';
import axios from 'axios';
const app = express();
const api = axios.create({ baseURL: 'https://billing.example.com', timeout: 5000 });
app.get('/invoices', async (req, res) => {
  try {
    const { data } = await api.get('/invoices');
    res.json(data);
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) return res.status(404).end();
    res.status(500).json({ error: 'billing failed' });
  }
});
`;

const axiosEconnaborted = `
import express from 'express';
import axios from 'axios';
const app = express();
app.get('/quote', async (req, res) => {
  try {
    const { data } = await axios.get('https://quotes.example.com/q', { timeout: 2000 });
    res.json(data);
  } catch (err) {
    if (err.code === 'ECONNABORTED') return res.status(500).json({ error: 'timed out' });
    res.status(502).end();
  }
});
`;

const gotAliased = `
import express from 'express';
import got, { TimeoutError as GotTimeoutError } from 'got';
const app = express();
const radar = got.extend({ prefixUrl: 'https://radar.example.com', timeout: { request: 3000 } });
app.get('/radar/:tile', async (req, res) => {
  try {
    res.json(await radar.get(\`tiles/\${req.params.tile}\`).json());
  } catch (err) {
    if (err instanceof GotTimeoutError) return res.status(500).json({ error: 'radar timed out' });
    res.status(502).end();
  }
});
`;

const undiciCodes = `
import express from 'express';
import { request } from 'undici';
const app = express();
app.get('/catalog/:id', async (req, res) => {
  try {
    const { body } = await request(\`\${CATALOG_URL}/items/\${req.params.id}\`, { headersTimeout: 3000, bodyTimeout: 5000 });
    res.json(await body.json());
  } catch (err) {
    if (err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
      return res.status(500).json({ error: 'catalog timed out' });
    }
    res.status(502).end();
  }
});
`;

const stripeSdk = `
import express from 'express';
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY!);
const app = express();
app.post('/charge', async (req, res) => {
  try {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    res.json({ id: intent.id });
  } catch (err) {
    res.status(500).json({ error: 'payment failed' });
  }
});
`;

const lambdaInvokeSdk = `
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const lambda = new LambdaClient({});
export const handler = async (event) => {
  try {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'pricing', Payload: event.body }));
    return { statusCode: 200, body: JSON.stringify({ status: out.StatusCode }) };
  } catch (err) {
    return { statusCode: 500, body: 'could not price' };
  }
};
`;

const resendResult = `
import { json } from '@remix-run/node';
import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_KEY);
export async function action({ request }) {
  const { error } = await resend.emails.send({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', html: '<p>Hi</p>' });
  if (error) return json({ error: 'could not send' }, { status: 500 });
  return json({ ok: true });
}
`;

const httpErrorListener = `
import http from 'node:http';
http.createServer((req, res) => {
  const proxyReq = http.request({ host: 'backend', path: req.url, timeout: 5000 }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  proxyReq.on('error', () => {
    res.statusCode = 500;
    res.end('proxy error');
  });
  req.pipe(proxyReq);
});
`;

// ---------------------------------------------------------------------------
// Other frameworks

const fastifyOctokit = `
import Fastify from 'fastify';
import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
const octokit = new Octokit();
const fastify = Fastify();
fastify.get('/repos/:owner/:repo', async (request, reply) => {
  try {
    const { data } = await octokit.rest.repos.get({ owner: request.params.owner, repo: request.params.repo });
    return { stars: data.stargazers_count };
  } catch (err) {
    if (err instanceof RequestError && err.status === 404) return reply.code(404).send({ error: 'not found' });
    return reply.code(500).send({ error: 'github failed' });
  }
});
`;

const koaFetch = `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const r = await fetch('https://inventory.example.com/stock', { signal: AbortSignal.timeout(2000) });
  if (r.status >= 400) {
    ctx.status = 500;
    ctx.body = { error: 'inventory failed' };
    return;
  }
  ctx.body = await r.json();
});
`;

const honoFetch = `
import { Hono } from 'hono';
const app = new Hono();
app.get('/ai', async (c) => {
  const r = await fetch('https://ai.example.com/v1/complete', { method: 'POST', signal: AbortSignal.timeout(10000) });
  if (r.status !== 200) return c.json({ error: 'model failed' }, 500);
  return c.json(await r.json());
});
`;

const nextRoute = `
import { NextResponse } from 'next/server';
export async function GET() {
  try {
    const r = await fetch('https://cms.example.com/posts', { signal: AbortSignal.timeout(3000) });
    return NextResponse.json(await r.json());
  } catch {
    return NextResponse.json({ error: 'cms unavailable' }, { status: 500 });
  }
}
`;

const nestException = `
import { Controller, Get, InternalServerErrorException } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
@Controller('tracking')
export class TrackingController {
  constructor(private readonly http: HttpService) {}
  @Get()
  async track() {
    try {
      const { data } = await firstValueFrom(this.http.get('/v2/tracking'));
      return data;
    } catch (err) {
      throw new InternalServerErrorException('tracking failed');
    }
  }
}
`;

const nestHttpStatus = `
import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import axios from 'axios';
@Controller('fx')
export class FxController {
  @Get()
  async rates() {
    try {
      return (await axios.get('https://fx.example.com', { timeout: 2000 })).data;
    } catch {
      throw new HttpException('fx failed', HttpStatus.INTERNAL_SERVER_ERROR);
    }
  }
}
`;

const nestRxjs = `
import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { catchError, map } from 'rxjs';
@Controller('events')
export class EventsController {
  constructor(private readonly http: HttpService) {}
  @Get()
  events() {
    return this.http.get('/v2/events').pipe(
      map((res) => res.data),
      catchError(() => {
        throw new HttpException('events unavailable', HttpStatus.INTERNAL_SERVER_ERROR);
      }),
    );
  }
}
`;

const hapiBoom = `
import Boom from '@hapi/boom';
import axios from 'axios';
export const routes = [{
  method: 'POST',
  path: '/screen',
  handler: async (request) => {
    try {
      return (await axios.post('https://fraud.example.com/screen', request.payload, { timeout: 3000 })).data;
    } catch (err) {
      throw Boom.badImplementation('screening failed');
    }
  },
}];
`;

const h3Timeout = `
import { defineEventHandler, createError } from 'h3';
export default defineEventHandler(async () => {
  try {
    return await $fetch('https://pim.example.com/products', { timeout: 3000 });
  } catch (err) {
    if (err?.cause?.name === 'TimeoutError' || err?.name === 'TimeoutError') {
      throw createError({ statusCode: 500, message: 'pim timed out' });
    }
    throw createError({ statusCode: 502, message: 'pim failed' });
  }
});
`;

const trpcCode = `
import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.create();
export const router = t.router({
  weather: t.procedure.query(async () => {
    try {
      const r = await fetch('https://weather.example.com/now', { signal: AbortSignal.timeout(2000) });
      return await r.json();
    } catch (cause) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'weather failed', cause });
    }
  }),
});
`;

const svelteKitError = `
import { error, json } from '@sveltejs/kit';
export const POST = async ({ request, fetch }) => {
  const lead = await request.json();
  const res = await fetch(\`\${CRM_URL}/api/leads\`, { method: 'POST', body: JSON.stringify(lead), signal: AbortSignal.timeout(3000) });
  if (!res.ok) {
    error(500, 'crm rejected the lead');
  }
  return json(await res.json());
};
`;

const unknownSingledOut = `
import express from 'express';
import { AxiosError } from 'axios';
import { billing } from '../services/billing';
const app = express();
app.post('/refund', async (req, res) => {
  try {
    res.json(await billing.refund(req.body.id));
  } catch (err) {
    if (err instanceof AxiosError) return res.status(500).json({ error: 'billing provider failed' });
    throw err;
  }
});
`;

const mixedTry = `
import express from 'express';
const app = express();
app.post('/orders', async (req, res) => {
  try {
    const rate = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(2000) }).then((r) => r.json());
    await db.order.create({ data: { rate } });
    res.sendStatus(201);
  } catch {
    res.status(500).end();
  }
});
`;

ruleTester.run('no-500-for-upstream-failure', tested, {
  valid: [
    // Mixed work in the try: the failure may be the database's.
    { name: 'mixed try (fetch + database)', code: mixedTry },
    {
      name: 'unknown call in the try (maybe an upstream call in another file)',
      code: `
import express from 'express';
import { paymentsService } from './payments';
const app = express();
app.post('/pay', async (req, res) => {
  try { res.json(await paymentsService.charge(req.body)); } catch { res.status(500).end(); }
});
`,
    },
    {
      name: 'rethrown to the error middleware',
      code: `
import express from 'express';
import axios from 'axios';
const app = express();
app.get('/x', async (req, res, next) => {
  try { res.json((await axios.get('https://x.example.com', { timeout: 1000 })).data); } catch (err) { next(err); }
});
`,
    },
    {
      name: "the upstream's status is forwarded",
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  const r = await fetch('https://x.example.com', { signal: AbortSignal.timeout(1000) });
  if (!r.ok) return res.status(r.status).json(await r.json());
  res.json(await r.json());
});
`,
    },
    {
      name: '502 already',
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try { const r = await fetch('https://x.example.com'); res.json(await r.json()); } catch { res.status(502).end(); }
});
`,
    },
    {
      name: '504 already for a timeout',
      code: expressNegativeTimeout.replace('res.sendStatus(500)', 'res.sendStatus(502)'),
    },
    {
      name: 'the 500 is for errors that are not upstream errors',
      code: `
import express from 'express';
import axios from 'axios';
const app = express();
app.get('/x', async (req, res) => {
  try {
    res.json((await axios.get('https://x.example.com', { timeout: 1000 })).data);
  } catch (err) {
    if (axios.isAxiosError(err)) return res.status(502).end();
    res.status(500).end();
  }
});
`,
    },
    {
      name: 'catch singles out a validation error',
      code: `
import express from 'express';
import { ZodError } from 'zod';
const app = express();
app.get('/x', async (req, res) => {
  try {
    const r = await fetch('https://x.example.com', { signal: AbortSignal.timeout(1000) });
    res.json(await r.json());
  } catch (err) {
    if (err instanceof ZodError) return res.status(500).end();
    res.status(502).end();
  }
});
`,
    },
    {
      name: 'a local `res` that is a fetch result is not a response object',
      code: `
async function probe() {
  const res = await fetch('https://x.example.com');
  if (!res.ok) return { status: 'down' };
  return res.json();
}
`,
    },
    {
      name: 'no framework, no emission',
      code: `
async function main() {
  try { await fetch('https://x.example.com'); } catch { process.exitCode = 1; }
}
`,
    },
    {
      name: 'database-only try answers 500',
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try { res.json(await prisma.user.findMany()); } catch { res.status(500).end(); }
});
`,
    },
    {
      name: 'Stripe webhook signature check is local work',
      code: `
import express from 'express';
import Stripe from 'stripe';
const stripe = new Stripe('k');
const app = express();
app.post('/webhook', (req, res) => {
  try { stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], 'whsec'); } catch { return res.status(500).end(); }
  res.sendStatus(200);
});
`,
    },
    {
      name: 'mixed try with reportMixedTry off (explicit)',
      code: mixedTry,
      options: [{ reportMixedTry: false }],
    },
    {
      name: 'a negated compound test says nothing about the error kind when it is not upstream-only',
      code: `
import express from 'express';
const app = express();
app.get('/x', async (req, res) => {
  try {
    await db.audit.create({ data: {} });
  } catch (err) {
    if (!(err instanceof HTTPError && err.response.status === 404)) return res.status(500).end();
  }
});
`,
    },
  ],
  invalid: [
    invalid('Express: !res.ok branch', expressFetchBranch, {
      report: 'res.status(500)',
      upstream: `The fetch to \`\${API_URL}/users/\${req.params.id}\` on line ${line(expressFetchBranch, 'await fetch(')}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('Express: catch around fetch', expressFetchCatch, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://fx.example.com/latest\` on line ${line(expressFetchCatch, 'await fetch(')}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('Express: TimeoutError singled out -> 504', expressTimeout, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://fx.example.com/latest\` on line ${line(expressTimeout, 'await fetch(')}`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('Express: AbortError || TimeoutError -> 504', expressAbortOr, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://fx.example.com/h\` on line ${line(expressAbortOr, 'await fetch(')}`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('Express: after the timeout branch, the rest is 502 (sendStatus)', expressNegativeTimeout, {
      report: 'res.sendStatus(500)',
      upstream: `The fetch to \`https://fx.example.com/h\` on line ${line(expressNegativeTimeout, 'await fetch(')}`,
      edit: ['sendStatus(500)', 'sendStatus(502)'],
    }),
    invalid('Express: .catch() on a fetch chain', expressPromiseCatch, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://moon.example.com/today\` on line ${line(expressPromiseCatch, "fetch('https")}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('Express: same-file fetch helper', expressHelper, {
      report: 'res.status(500)',
      upstream: `The call to \`getWeather()\` on line ${line(expressHelper, 'await getWeather(')}, which calls fetch`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('Express: https.request helper wrapped in a Promise, ETIMEDOUT -> 504', expressPromiseHelper, {
      report: 'res.status(500)',
      upstream: `The call to \`postJson()\` on line ${line(expressPromiseHelper, 'await postJson(')}, which calls https.request`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('Express: same-file service object', expressServiceObject, {
      report: 'res.status(500)',
      upstream: `The call to \`weatherService.forecast()\` on line ${line(expressServiceObject, 'await weatherService.forecast(')}, which calls fetch`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('Express: upstream data failing validation', expressValidatedUpstream, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://weather.example.com/f\` on line ${line(expressValidatedUpstream, 'await fetch(')}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('axios instance: a 404 guard, then 500', axiosIsAxiosError, {
      report: "res.status(500).json({ error: 'billing failed' })",
      upstream: `The axios request to \`/invoices\` on line ${line(axiosIsAxiosError, "api.get('/invoices')")}`,
      edit: ["res.status(500).json({ error: 'billing failed' })", "res.status(502).json({ error: 'billing failed' })"],
    }),
    invalid('axios: ECONNABORTED -> 504', axiosEconnaborted, {
      report: 'res.status(500)',
      upstream: `The axios request to \`https://quotes.example.com/q\` on line ${line(axiosEconnaborted, 'axios.get(')}`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('got: aliased TimeoutError -> 504', gotAliased, {
      report: 'res.status(500)',
      upstream: `The got request to \`tiles/\${req.params.tile}\` on line ${line(gotAliased, 'radar.get(')}`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('undici: UND_ERR_*_TIMEOUT -> 504', undiciCodes, {
      report: 'res.status(500)',
      upstream: `The undici request to \`\${CATALOG_URL}/items/\${req.params.id}\` on line ${line(undiciCodes, 'await request(')}`,
      expected: 504,
      edit: ['status(500)', 'status(504)'],
    }),
    invalid('Stripe SDK', stripeSdk, {
      report: 'res.status(500)',
      upstream: `The stripe call \`stripe.paymentIntents.create()\` on line ${line(stripeSdk, 'await stripe.')}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('AWS SDK v3 in a Lambda handler: invoking another function is a call to another service', lambdaInvokeSdk, {
      report: '{ statusCode: 500',
      upstream: `The aws-sdk call \`lambda.send()\` on line ${line(lambdaInvokeSdk, 'await lambda.send(')}`,
      edit: ['statusCode: 500', 'statusCode: 502'],
    }),
    invalid('Resend { error } result (Remix action)', resendResult, {
      report: "json({ error: 'could not send' }, { status: 500 })",
      upstream: `The resend call \`resend.emails.send()\` on line ${line(resendResult, 'await resend.')}`,
      edit: ['status: 500', 'status: 502'],
    }),
    invalid('node:http: error listener of a proxied request', httpErrorListener, {
      report: 'res.statusCode = 500',
      upstream: `The http.request call \`http.request()\` on line ${line(httpErrorListener, 'http.request(')}`,
      edit: ['res.statusCode = 500', 'res.statusCode = 502'],
    }),
    invalid('Fastify: Octokit with a compound 404 guard', fastifyOctokit, {
      report: 'reply.code(500)',
      upstream: `The octokit call \`octokit.rest.repos.get()\` on line ${line(fastifyOctokit, 'await octokit.')}`,
      edit: ['reply.code(500)', 'reply.code(502)'],
    }),
    invalid('Koa: res.status >= 400', koaFetch, {
      report: 'ctx.status = 500',
      upstream: `The fetch to \`https://inventory.example.com/stock\` on line ${line(koaFetch, 'await fetch(')}`,
      edit: ['ctx.status = 500', 'ctx.status = 502'],
    }),
    invalid('Hono: res.status !== 200', honoFetch, {
      report: "c.json({ error: 'model failed' }, 500)",
      upstream: `The fetch to \`https://ai.example.com/v1/complete\` on line ${line(honoFetch, 'await fetch(')}`,
      edit: ["'model failed' }, 500)", "'model failed' }, 502)"],
    }),
    invalid('Next.js App Router', nextRoute, {
      report: "NextResponse.json({ error: 'cms unavailable' }, { status: 500 })",
      upstream: `The fetch to \`https://cms.example.com/posts\` on line ${line(nextRoute, 'await fetch(')}`,
      edit: ['status: 500', 'status: 502'],
    }),
    invalid('NestJS: InternalServerErrorException around HttpService', nestException, {
      report: 'new InternalServerErrorException',
      upstream: `The HttpService call \`this.http.get()\` on line ${line(nestException, 'this.http.get(')}`,
      output: fixed(
        nestException,
        ['Get, InternalServerErrorException }', 'Get, InternalServerErrorException, BadGatewayException }'],
        ['new InternalServerErrorException', 'new BadGatewayException'],
      ),
    }),
    invalid('NestJS: HttpStatus.INTERNAL_SERVER_ERROR', nestHttpStatus, {
      report: 'new HttpException',
      upstream: `The axios request to \`https://fx.example.com\` on line ${line(nestHttpStatus, 'axios.get(')}`,
      edit: ['HttpStatus.INTERNAL_SERVER_ERROR', 'HttpStatus.BAD_GATEWAY'],
    }),
    invalid('NestJS: rxjs catchError on HttpService', nestRxjs, {
      report: 'new HttpException',
      upstream: `The HttpService call \`this.http.get()\` on line ${line(nestRxjs, 'this.http.get(')}`,
      edit: ['HttpStatus.INTERNAL_SERVER_ERROR', 'HttpStatus.BAD_GATEWAY'],
    }),
    invalid('Hapi: Boom.badImplementation', hapiBoom, {
      report: 'Boom.badImplementation',
      upstream: `The axios request to \`https://fraud.example.com/screen\` on line ${line(hapiBoom, 'axios.post(')}`,
      edit: ['Boom.badImplementation', 'Boom.badGateway'],
    }),
    invalid('h3: $fetch timeout via err.cause -> 504', h3Timeout, {
      report: 'createError({ statusCode: 500',
      upstream: `The fetch to \`https://pim.example.com/products\` on line ${line(h3Timeout, 'await $fetch(')}`,
      expected: 504,
      edit: ['statusCode: 500', 'statusCode: 504'],
    }),
    invalid('tRPC: INTERNAL_SERVER_ERROR', trpcCode, {
      report: 'new TRPCError',
      upstream: `The fetch to \`https://weather.example.com/now\` on line ${line(trpcCode, 'await fetch(')}`,
      edit: ["'INTERNAL_SERVER_ERROR'", "'BAD_GATEWAY'"],
    }),
    invalid('SvelteKit: event.fetch and error(500)', svelteKitError, {
      report: 'error(500',
      upstream: `The fetch to \`\${CRM_URL}/api/leads\` on line ${line(svelteKitError, 'await fetch(')}`,
      edit: ['error(500', 'error(502'],
    }),
    invalid('unknown call, but the catch singles out an AxiosError', unknownSingledOut, {
      report: 'res.status(500)',
      upstream: `The upstream request whose error is caught on line ${line(unknownSingledOut, 'catch (err)')}`,
      edit: ['status(500)', 'status(502)'],
    }),
    invalid('mixed try with reportMixedTry', mixedTry, {
      report: 'res.status(500)',
      upstream: `The fetch to \`https://fx.example.com/latest\` on line ${line(mixedTry, 'await fetch(')}`,
      edit: ['status(500)', 'status(502)'],
    }, { options: [{ reportMixedTry: true }] }),
  ],
});

// ---------------------------------------------------------------------------
// AWS data services (DynamoDB, S3, SQS, Kinesis, the WebSocket connection API...)
// are the application's own backing stores and transport: their failure is
// this server's failure, like a database's, so 500 is right. Each valid case
// has an invalid twin that differs only in the service: a gateway-like AWS
// service (another Lambda function, a model endpoint) is another service.

/** A Lambda handler whose try makes one AWS SDK v2 call. */
const awsV2 = (client: string, method: string) => `
const AWS = require('aws-sdk');
const client = new AWS.${client}();
exports.handler = async (event) => {
  const params = JSON.parse(event.body);
  try {
    await client.${method}(params).promise();
  } catch (err) {
    return { statusCode: 500, body: 'failed' };
  }
  return { statusCode: 200, body: 'ok' };
};
`;

/** A Lambda handler whose try sends one AWS SDK v3 command. */
const awsV3 = (pkg: string, client: string, command: string) => `
import { ${client}, ${command} } from '${pkg}';
const client = new ${client}({});
export const handler = async (event) => {
  try {
    await client.send(new ${command}({ Input: event.body }));
  } catch (err) {
    return { statusCode: 500, body: 'failed' };
  }
  return { statusCode: 200, body: 'ok' };
};
`;

const v2DocumentPut = awsV2('DynamoDB.DocumentClient', 'put');
const v2LambdaInvoke = awsV2('Lambda', 'invoke');
const v3KinesisPut = awsV3('@aws-sdk/client-kinesis', 'KinesisClient', 'PutRecordCommand');
const v3BedrockInvoke = awsV3('@aws-sdk/client-bedrock-runtime', 'BedrockRuntimeClient', 'InvokeModelCommand');

const libDynamoPut = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  try {
    await doc.send(new PutCommand({ TableName: 'orders', Item: JSON.parse(event.body) }));
    return { statusCode: 201, body: '' };
  } catch (err) {
    return { statusCode: 500, body: 'could not save' };
  }
};
`;

const s3Get = `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  try {
    const obj = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.pathParameters.key }));
    return { statusCode: 200, body: await obj.Body.transformToString() };
  } catch (err) {
    return { statusCode: 500, body: 'could not read' };
  }
};
`;

ruleTester.run('no-500-for-upstream-failure (AWS data services are the app’s own stores)', tested, {
  valid: [
    { name: 'aws-sdk v2: a DynamoDB DocumentClient put failing is a database failure', code: v2DocumentPut },
    { name: 'aws-sdk v3: a Kinesis PutRecord failing is the app’s own stream failing', code: v3KinesisPut },
    { name: 'aws-sdk v3: a lib-dynamodb PutCommand failing is a database failure', code: libDynamoPut },
    { name: 'aws-sdk v3: an S3 GetObject failing is the app’s own storage failing', code: s3Get },
    { name: 'aws-sdk v3: SQS SendMessage is the app’s own queue', code: awsV3('@aws-sdk/client-sqs', 'SQSClient', 'SendMessageCommand') },
    {
      name: 'aws-sdk v3: PostToConnection pushes over the app’s own WebSocket API',
      code: awsV3('@aws-sdk/client-apigatewaymanagementapi', 'ApiGatewayManagementApiClient', 'PostToConnectionCommand'),
    },
    { name: 'aws-sdk v2: Secrets Manager is the app’s own configuration store', code: awsV2('SecretsManager', 'getSecretValue') },
    {
      name: 'a store call next to a gateway call makes the try mixed (the failure may be the store’s)',
      code: `
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
export const handler = async (event) => {
  try {
    const quote = await fetch('https://fx.example.com/latest', { signal: AbortSignal.timeout(2000) }).then((r) => r.json());
    await ddb.send(new PutItemCommand({ TableName: 'quotes', Item: { id: { S: quote.id } } }));
    return { statusCode: 201, body: '' };
  } catch (err) {
    return { statusCode: 500, body: 'failed' };
  }
};
`,
    },
  ],
  invalid: [
    invalid('aws-sdk v2: invoking another Lambda function is a call to another service (twin of the DocumentClient put)', v2LambdaInvoke, {
      report: '{ statusCode: 500',
      upstream: `The aws-sdk call \`client.invoke(params).promise()\` on line ${line(v2LambdaInvoke, 'await client.invoke(')}`,
      edit: ['statusCode: 500', 'statusCode: 502'],
    }),
    invalid('aws-sdk v3: invoking a Bedrock model is a call to another service (twin of the Kinesis put)', v3BedrockInvoke, {
      report: '{ statusCode: 500',
      upstream: `The aws-sdk call \`client.send()\` on line ${line(v3BedrockInvoke, 'await client.send(')}`,
      edit: ['statusCode: 500', 'statusCode: 502'],
    }),
  ],
});
