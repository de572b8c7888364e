import rule, { type MessageIds, type Options } from '../../rules/require-retry-after';
import { ruleTester } from '../rule-tester';

// The rule tester bundles its own copy of @typescript-eslint/utils types.
const tested = rule as unknown as Parameters<typeof ruleTester.run<MessageIds, Options>>[1];

const s503 = { status: '503 Service Unavailable', example: '120' };
const s429 = { status: '429 Too Many Requests', example: '60' };

ruleTester.run('require-retry-after', tested, {
  valid: [
    // Files that serve no requests (src/analysis/files.ts)
    {
      name: 'a test file: a 503 sent by a handler under test is not served to real clients',
      filename: 'src/routes/status.test.ts',
      code: `export async function mockUpstream() {
  globalThis.fetch = async () => new Response(null, { status: 503 });
}
export function handler(req, res) {
  res.status(503).json({ error: 'down' });
}`,
    },
    {
      name: 'a Response built by a stub assigned to globalThis.fetch stands in for the upstream',
      code: `globalThis.fetch = async () => new Response(null, { status: 503 });`,
    },
    {
      name: 'a mock server file (mock-*.js) serves no real clients',
      filename: 'scripts/mock-upstream.js',
      code: `export async function mockUpstream() {
  globalThis.fetch = async () => new Response(null, { status: 503 });
}
export function handler(req, res) {
  res.status(503).json({ error: 'down' });
}`,
    },
    // Express
    {
      name: 'express: res.set before the 503',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  res.set('Retry-After', '120');
  res.status(503).json({ error: 'maintenance' });
});`,
    },
    {
      name: 'express: object form, lower-case name, chained after a setter',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  return res.set({ 'retry-after': '60' }).status(429).json({ error: 'slow down' });
});`,
    },
    {
      name: 'express: status-only statement, header set before the send',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  res.status(503);
  res.setHeader('Retry-After', '30');
  res.send('down');
});`,
    },
    {
      name: 'express: headers object that cannot be resolved is unknown',
      code: `import express from 'express';
import { busyHeaders } from './headers';
const app = express();
app.get('/x', (req, res) => {
  res.set(busyHeaders());
  res.status(503).end();
});`,
    },
    {
      name: 'express: the response is handed to an unknown helper',
      code: `import express from 'express';
import { applyRateLimitHeaders } from './limits';
const app = express();
app.get('/x', (req, res) => {
  applyRateLimitHeaders(res);
  return res.status(429).json({ error: 'slow down' });
});`,
    },
    {
      name: 'express: same-file middleware sets Retry-After for every route',
      code: `import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.set('Retry-After', '300');
  next();
});
app.get('/x', (req, res) => res.status(503).json({ error: 'down' }));`,
    },
    {
      name: 'express: route middleware before the handler may set it',
      code: `import express from 'express';
import { limiter } from './limiter';
const app = express();
app.get('/x', limiter, (req, res) => res.status(429).json({ error: 'slow' }));`,
    },
    {
      name: 'express-rate-limit: the library sets Retry-After before calling the handler',
      code: `import rateLimit from 'express-rate-limit';
export const limiter = rateLimit({
  windowMs: 60_000,
  limit: 100,
  handler: (req, res) => res.status(429).json({ error: 'Too many requests' }),
});`,
    },
    {
      name: 'express-rate-limit: a handler declared apart and passed by name is called after the header is set',
      code: `import rateLimit from 'express-rate-limit';
const onLimit = (req, res) => res.status(429).json({ error: 'Too many requests' });
export const limiter = rateLimit({ windowMs: 60_000, limit: 100, handler: onLimit });`,
    },
    {
      name: 'hono: a 503 because an environment variable is unset answers a state that lasts until a deploy',
      code: `import { Hono } from 'hono';

const app = new Hono();
app.post('/transcribe', async (c) => {
  const model = process.env.TRANSCRIBE_MODEL;
  if (!model) return c.json({ error: 'transcription is not enabled' }, 503);
  return c.json(await transcribe(model, await c.req.arrayBuffer()));
});`,
    },
    {
      name: 'a 503 because a key of an imported config module is unset is a configuration state too',
      code: `import { Hono } from 'hono';
import { config } from './config';
const app = new Hono();
app.post('/transcribe', async (c) => {
  const model = config.transcribeModel;
  if (!model) return c.json({ error: 'transcription is not enabled' }, 503);
  return c.json(await transcribe(model, await c.req.arrayBuffer()));
});`,
    },
    {
      name: 'nuxt: a 503 when a key of the auto-imported useRuntimeConfig(event) is unset',
      code: `export function requireAdminToken(event) {
  const config = useRuntimeConfig(event);
  if (!config.adminToken) {
    throw createError({ statusCode: 503, statusMessage: 'admin authentication is not configured' });
  }
}`,
    },
    {
      name: 'a 503 when a key of a configuration parameter (config: AppConfig) is unset',
      code: `import { Hono } from 'hono';
export function createRoute(config: AppConfig) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!config.signingSecret) return c.json({ error: 'not configured' }, 503);
    await next();
  });
  return app;
}`,
    },
    {
      name: 'hono: a value stored in the context under a configuration key (c.get(\'slackConfig\'))',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/install', (c) => {
  const secret = c.get('slackConfig')?.clientSecret;
  if (!secret) return c.json({ error: 'not configured' }, 503);
  return c.redirect('/done');
});`,
    },
    {
      name: 'a local named config holds configuration whatever call produced it',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/install', (c) => {
  const config = c.get('slack');
  if (!config.clientId) return c.json({ error: 'not configured' }, 503);
  return c.redirect('/done');
});`,
    },
    {
      name: 'express: unknown status',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.status(req.query.code).end());`,
    },
    {
      name: 'express: a 503 with Retry-After in writeHead (node:http)',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(503, { 'Retry-After': '120', 'Content-Type': 'text/plain' });
  res.end('down');
});`,
    },
    {
      name: 'option: only 503 is checked',
      options: [{ statuses: [503] }],
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.status(429).json({ error: 'slow' }));`,
    },
    // Fastify
    {
      name: 'fastify: header chained after code()',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/x', async (request, reply) => reply.code(503).header('Retry-After', '30').send({ error: 'busy' }));`,
    },
    // Koa
    {
      name: 'koa: ctx.set after ctx.status (headers go out at the end)',
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/x', async (ctx) => {
  ctx.status = 503;
  ctx.set('Retry-After', '600');
  ctx.body = { error: 'maintenance' };
});`,
    },
    // Hono
    {
      name: 'hono: headers argument of c.json',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (c) => c.json({ error: 'busy' }, 503, { 'Retry-After': '10' }));`,
    },
    {
      name: 'hono: c.header before the response',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (c) => {
  c.header('Retry-After', '10');
  return c.json({ error: 'busy' }, 429);
});`,
    },
    // Next.js / fetch Response
    {
      name: 'next: headers in the init',
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  return NextResponse.json({ error: 'slow' }, { status: 429, headers: { 'Retry-After': '5' } });
}`,
    },
    {
      name: 'next: headers set on the returned response variable',
      code: `import { NextResponse } from 'next/server';
export async function GET() {
  const res = NextResponse.json({ error: 'down' }, { status: 503 });
  res.headers.set('Retry-After', '60');
  return res;
}`,
    },
    {
      name: 'web: a Headers variable passed in the init',
      code: `export async function GET() {
  const headers = new Headers({ 'Content-Type': 'text/plain' });
  headers.set('Retry-After', '60');
  return new Response('down', { status: 503, headers });
}`,
    },
    // Lambda
    {
      name: 'lambda: headers in the result',
      code: `export const handler = async () => ({ statusCode: 503, headers: { 'Retry-After': '120' }, body: 'down' });`,
    },
    // NestJS
    {
      name: 'nestjs: @Header on the controller method',
      code: `import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
@Controller('x')
export class XController {
  @Get()
  @Header('Retry-After', '300')
  get() {
    throw new ServiceUnavailableException('rebuilding');
  }
}`,
    },
    {
      name: 'nestjs: exception thrown from a service (not a controller) is unknown',
      code: `import { Injectable, ServiceUnavailableException } from '@nestjs/common';
@Injectable()
export class Svc {
  run() {
    throw new ServiceUnavailableException('down');
  }
}`,
    },
    // h3
    {
      name: 'h3: setResponseHeader before the status',
      code: `import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';
export default defineEventHandler((event) => {
  setResponseHeader(event, 'Retry-After', 60);
  setResponseStatus(event, 503);
  return { error: 'down' };
});`,
    },
    // Hapi / Boom / http-errors
    {
      name: 'hapi: Boom output headers',
      code: `import Boom from '@hapi/boom';
export const handler = () => {
  const err = Boom.serverUnavailable('down');
  err.output.headers['Retry-After'] = '120';
  throw err;
};`,
    },
    {
      name: 'http-errors: headers property',
      code: `import createError from 'http-errors';
export function check(next) {
  next(createError(503, 'down', { headers: { 'Retry-After': '10' } }));
}`,
    },
    // Elysia
    {
      name: 'elysia: set.headers before set.status',
      code: `import { Elysia } from 'elysia';
new Elysia().get('/x', ({ set }) => {
  set.headers['retry-after'] = '30';
  set.status = 503;
  return 'down';
});`,
    },
    {
      name: 'not a response: a local object with statusCode and no body-like keys',
      code: `const outcome = { statusCode: 503, retries: 2 };
export default outcome;`,
    },
    {
      name: '@fastify/rate-limit: the error handler re-sends the 429 the plugin already gave Retry-After',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });
app.setErrorHandler((error, request, reply) => {
  if (error.statusCode === 429) return reply.code(429).type('text/html').send('<h1>Slow down</h1>');
  return reply.send(error);
});`,
    },
    {
      name: '@fastify/rate-limit (require): errorResponseBuilder runs after the plugin set Retry-After',
      code: `const fastify = require('fastify')();
fastify.register(require('@fastify/rate-limit'), {
  errorResponseBuilder: (request, context) => ({ statusCode: 429, error: 'Too Many Requests', message: 'Retry in ' + context.after }),
});
fastify.setErrorHandler(function (error, request, reply) {
  reply.status(429).send({ message: error.message });
});`,
    },
    {
      name: 'hono-rate-limiter: the library sets Retry-After before calling the handler',
      code: `import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
const app = new Hono();
app.use(rateLimiter({ windowMs: 60_000, limit: 100, keyGenerator: (c) => 'all', handler: (c) => c.json({ error: 'Too many requests' }, 429) }));`,
    },
  ],
  invalid: [
    {
      name: 'the same check on a context value under another key (c.get(\'session\')) is reported (twin of slackConfig)',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/install', (c) => {
  const secret = c.get('session')?.clientSecret;
  if (!secret) return c.json({ error: 'not configured' }, 503);
  return c.redirect('/done');
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same check on a local named for something else is reported (twin of the local named config)',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/install', (c) => {
  const slack = c.get('slack');
  if (!slack.clientId) return c.json({ error: 'not configured' }, 503);
  return c.redirect('/done');
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same check on a parameter that holds no configuration (pool: UpstreamPool) is reported (twin of config: AppConfig)',
      code: `import { Hono } from 'hono';
export function createRoute(pool: UpstreamPool) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!pool.signingSecret) return c.json({ error: 'not configured' }, 503);
    await next();
  });
  return app;
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same 503 on a key of a value read from the event storage is reported (twin of useRuntimeConfig)',
      code: `export function requireAdminToken(event) {
  const store = useStorage(event);
  if (!store.adminToken) {
    throw createError({ statusCode: 503, statusMessage: 'admin authentication is not configured' });
  }
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same 503 guarded by a capacity check is temporary and needs Retry-After (twin of the configuration case)',
      code: `import { Hono } from 'hono';
import { pool } from './pool';
const app = new Hono();
app.post('/transcribe', async (c) => {
  const model = pool.acquire();
  if (!model) return c.json({ error: 'transcription is not enabled' }, 503);
  return c.json(await transcribe(model, await c.req.arrayBuffer()));
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same named function not passed to the limiter answers 429 on its own (twin of the named limiter handler)',
      code: `import rateLimit from 'express-rate-limit';
const onLimit = (req, res) => res.status(429).json({ error: 'Too many requests' });
export const limiter = rateLimit({ windowMs: 60_000, limit: 100, skip: isAdmin });`,
      errors: [{ messageId: 'missingRetryAfter', data: s429 }],
    },
    {
      name: 'the same arrow exported as a route handler answers clients (twin of the globalThis.fetch stub)',
      code: `export const GET = async () => new Response(null, { status: 503 });`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'the same 503 in a route file is reported (twin of the test-file case)',
      filename: 'src/routes/status.ts',
      code: `export async function mockUpstream() {
  globalThis.fetch = async () => new Response(null, { status: 503 });
}
export function handler(req, res) {
  res.status(503).json({ error: 'down' });
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503 }],
    },
    {
      name: 'express: 503 in a guard clause, Retry-After only on the later path',
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  if (req.query.maintenance) return res.status(503).json({ error: 'down' });
  res.set('Retry-After', '120');
  return res.status(503).json({ error: 'down' });
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 4, column: 37, endLine: 4, endColumn: 52 }],
    },
    {
      name: 'express: sendStatus(429) in a catch',
      code: `import express, { type Request, type Response } from 'express';
const router = express.Router();
router.post('/login', async (req: Request, res: Response) => {
  try {
    await limiter.consume(req.ip);
  } catch {
    return res.sendStatus(429);
  }
  res.json({ ok: true });
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 7, column: 12 }],
    },
    {
      name: 'express: http-errors 503 passed to next',
      code: `const createError = require('http-errors');
module.exports = function maintenance(req, res, next) {
  if (process.env.MAINTENANCE) return next(createError(503, 'maintenance'));
  next();
};`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 3, column: 44 }],
    },
    {
      name: 'fastify: reply.code(429).send()',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.post('/x', async (request, reply) => {
  if (await tooMany(request.ip)) return reply.code(429).send({ error: 'slow down' });
  return { ok: true };
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 4, column: 41 }],
    },
    {
      name: 'koa: ctx.status = 503',
      code: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.status = 503;
  ctx.body = { error: 'maintenance' };
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 4, column: 3 }],
    },
    {
      name: 'koa: ctx.throw(503)',
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/search', async (ctx) => {
  if (!ready) ctx.throw(503, 'rebuilding');
  ctx.body = await search(ctx.query.q);
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 4, column: 15 }],
    },
    {
      name: 'hono: c.json(b, 503) and HTTPException(429)',
      code: `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.get('/x', (c) => c.json({ error: 'busy' }, 503));
app.post('/y', (c) => {
  throw new HTTPException(429, { message: 'slow down' });
});`,
      errors: [
        { messageId: 'missingRetryAfter', data: s503, line: 4, column: 22 },
        { messageId: 'missingRetryAfter', data: s429, line: 6, column: 9 },
      ],
    },
    {
      name: 'next: NextResponse.json 429 without headers',
      code: `import { NextResponse } from 'next/server';
export async function POST() {
  if (!(await allow())) return NextResponse.json({ error: 'slow down' }, { status: 429 });
  return NextResponse.json({ ok: true });
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 3, column: 32 }],
    },
    {
      name: 'remix: json(b, 503)',
      code: `import { json } from '@remix-run/node';
export async function loader() {
  if (await isDown()) throw json({ error: 'down' }, { status: 503 });
  return json({ ok: true });
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 3, column: 29 }],
    },
    {
      name: 'sveltekit: error(503)',
      code: `import { error } from '@sveltejs/kit';
export async function load() {
  if (await isDown()) error(503, 'down');
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 3, column: 23 }],
    },
    {
      name: 'lambda: result object without headers',
      code: `export const handler = async () => {
  return { statusCode: 503, body: JSON.stringify({ error: 'down' }) };
};`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 2, column: 10 }],
    },
    {
      name: 'nestjs: exception in a controller method',
      code: `import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Get()
  list() {
    throw new ServiceUnavailableException('rebuilding');
  }
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 6, column: 11 }],
    },
    {
      name: 'h3: setResponseStatus without a header',
      code: `import { defineEventHandler, setResponseStatus } from 'h3';
export default defineEventHandler((event) => {
  setResponseStatus(event, 503);
  return { error: 'down' };
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 3, column: 3 }],
    },
    {
      name: 'hapi: Boom.tooManyRequests thrown, and h.response().code(503)',
      code: `import Boom from '@hapi/boom';
export const limited = () => {
  throw Boom.tooManyRequests('slow down');
};
export const down = (request, h) => h.response({ error: 'down' }).code(503);`,
      errors: [
        { messageId: 'missingRetryAfter', data: s429, line: 3, column: 9 },
        { messageId: 'missingRetryAfter', data: s503, line: 5, column: 37 },
      ],
    },
    {
      name: 'elysia: set.status = 429',
      code: `import { Elysia } from 'elysia';
new Elysia().post('/x', ({ set }) => {
  set.status = 429;
  return 'slow down';
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 3, column: 3 }],
    },
    {
      name: 'trpc: TOO_MANY_REQUESTS without a header',
      code: `import { TRPCError } from '@trpc/server';
export async function guard(count: number) {
  if (count > 20) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Slow down' });
}`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 3, column: 25 }],
    },
    {
      name: 'option: 500 added to the checked statuses',
      options: [{ statuses: [500] }],
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => res.status(500).end());`,
      errors: [{ messageId: 'missingRetryAfter', data: { status: '500 Internal Server Error', example: '120' }, line: 3, column: 29 }],
    },
    {
      name: 'fastify: a 429 from an error handler with no rate-limit plugin registered',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  if (error.statusCode === 429) return reply.code(429).send({ error: 'Slow down' });
  return reply.send(error);
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s429, line: 4, column: 40 }],
    },
    {
      name: '@fastify/rate-limit registered: a 503 of the error handler is not the plugin\'s',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100 });
app.setErrorHandler((error, request, reply) => {
  if (error.code === 'ECONNREFUSED') return reply.code(503).send({ error: 'Database unavailable' });
  return reply.send(error);
});`,
      errors: [{ messageId: 'missingRetryAfter', data: s503, line: 6, column: 45 }],
    },
  ],
});

ruleTester.run('require-retry-after (named Fastify error handler with a rate-limit plugin)', tested, {
  valid: [
    {
      name: 'setErrorHandler(errorHandler) with a function declared elsewhere in a file that registers fastify-rate-limit',
      filename: 'plugin.js',
      code: `const RateLimit = require('fastify-rate-limit');
module.exports = async function (fastify) {
  fastify.setErrorHandler(errorHandler);
  function errorHandler(error, request, reply) {
    if (error.statusCode === 429) {
      return reply.code(429).type('text/html').send('<h1>Slow down</h1>');
    }
    reply.send(error);
  }
  await fastify.register(RateLimit, { max: 10, timeWindow: '1 minute' });
};
`,
    },
  ],
  invalid: [
    {
      name: 'the same named error handler in a file that registers no rate-limit plugin',
      filename: 'plugin.js',
      code: `module.exports = async function (fastify) {
  fastify.setErrorHandler(errorHandler);
  function errorHandler(error, request, reply) {
    if (error.statusCode === 429) {
      return reply.code(429).type('text/html').send('<h1>Slow down</h1>');
    }
    reply.send(error);
  }
};
`,
      errors: [{ messageId: 'missingRetryAfter', line: 5 }],
    },
  ],
});
